// YAML front matter: a `---` block at the very start of a .txt or .md file.
import { parse } from 'yaml';
import { metaFromObject, type Meta } from '../meta.js';
import { ReadError } from '../result.js';

const BLOCK = /^\uFEFF?---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** The metadata of the front matter (null when there is none) and the text after it. */
export function splitFrontMatter(text: string): { meta: Meta | null; body: string } {
  const m = BLOCK.exec(text);
  if (!m) return { meta: null, body: text.replace(/^\uFEFF/, '') };
  let data: unknown;
  try {
    data = parse(m[1]);
  } catch (err) {
    throw new ReadError('malformed front matter: ' + (err as Error).message.split('\n')[0]!.replace(/:\s*$/, ''));
  }
  if (data != null && (typeof data !== 'object' || Array.isArray(data))) {
    throw new ReadError('malformed front matter: not a mapping of fields');
  }
  return { meta: metaFromObject((data ?? {}) as Record<string, unknown>), body: text.slice(m[0].length) };
}
