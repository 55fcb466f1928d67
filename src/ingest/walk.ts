// Paths to the files to read: folders walked recursively in sorted order.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isSidecar } from './readers/sidecar.js';
import { reasonOf } from './result.js';

export type Entry = { ok: true; path: string } | { ok: false; input: string; reason: string };

/**
 * Whether a file found inside a folder is a report to read: not a dotfile, not a `.meta.json`
 * sidecar, not the folder's README, and in a format there is a reader for.
 */
export function isReport(name: string, supported: (name: string) => boolean): boolean {
  return !name.startsWith('.') && !isSidecar(name) && !/^readme(?:\.|$)/i.test(name) && supported(name);
}

/**
 * The files under `path`: the path itself when it is a file (whatever its name, so that an
 * unsupported one is reported), or the reports under it when it is a folder.
 */
export async function* walk(path: string, supported: (name: string) => boolean, seen = new Set<string>()): AsyncGenerator<Entry> {
  let isDir: boolean;
  try {
    isDir = (await stat(path)).isDirectory();
  } catch (err) {
    yield { ok: false, input: path, reason: reasonOf(err) };
    return;
  }
  if (!isDir) {
    yield { ok: true, path };
    return;
  }
  let names: string[];
  try {
    const real = await realpath(path);
    if (seen.has(real)) return; // a symlink back up the tree
    seen.add(real);
    names = (await readdir(path)).sort();
  } catch (err) {
    yield { ok: false, input: path, reason: reasonOf(err) };
    return;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const child = join(path, name);
    let childIsDir = false;
    try {
      childIsDir = (await stat(child)).isDirectory();
    } catch {
      // A dangling link: reported below when it looks like a report.
    }
    if (childIsDir) yield* walk(child, supported, seen);
    else if (isReport(name, supported)) yield { ok: true, path: child };
  }
}
