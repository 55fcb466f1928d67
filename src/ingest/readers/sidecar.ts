// A sidecar `NAME.meta.json` next to a file gives (or overrides) its metadata:
// for `report.pdf` either `report.pdf.meta.json` or `report.meta.json`.
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { metaFromObject, type Meta } from '../meta.js';
import { ReadError } from '../result.js';

export const isSidecar = (path: string): boolean => path.toLowerCase().endsWith('.meta.json');

export function sidecarPaths(path: string): string[] {
  const name = basename(path);
  const stem = name.slice(0, name.length - extname(name).length);
  return [join(dirname(path), name + '.meta.json'), join(dirname(path), stem + '.meta.json')];
}

/** The sidecar's metadata, or null when the file has none; a ReadError when it is not valid JSON. */
export async function readSidecar(path: string): Promise<Meta | null> {
  for (const candidate of sidecarPaths(path)) {
    let raw: string;
    try {
      raw = await readFile(candidate, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new ReadError(`unreadable sidecar ${basename(candidate)}: ${(err as Error).message}`);
    }
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (err) {
      throw new ReadError(`malformed sidecar ${basename(candidate)}: ${(err as Error).message}`);
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new ReadError(`malformed sidecar ${basename(candidate)}: not a JSON object`);
    }
    try {
      return metaFromObject(data as Record<string, unknown>);
    } catch (err) {
      throw new ReadError(`sidecar ${basename(candidate)}: ${(err as Error).message}`);
    }
  }
  return null;
}
