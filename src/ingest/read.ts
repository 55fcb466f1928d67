// Ingest's front door: paths (files, folders, `-` for stdin) in, Documents or reasons out.
// One reader per format under ./readers; this module only finds the files and picks the reader.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import { buildDocument, type Parsed } from './build.js';
import { decodeText } from './decode.js';
import type { DocumentFormat } from './document.js';
import { splitLines, type Line } from './lines.js';
import { mergeMeta } from './meta.js';
import { failure, formatBytes, ReadError, reasonOf, type ReadResult } from './result.js';
import { readFeed } from './readers/feed.js';
import { readHtml } from './readers/html.js';
import { readJson } from './readers/json.js';
import { readJsonLines } from './readers/jsonl.js';
import { readMarkdown } from './readers/markdown.js';
import { readPdf } from './readers/pdf.js';
import { isSidecar, readSidecar } from './readers/sidecar.js';
import { openStdin } from './readers/stdin.js';
import { readText } from './readers/text.js';
import { walk } from './walk.js';

export type { ReadResult } from './result.js';

export interface ReadOptions {
  /** Files (and, for .jsonl and stdin, records) larger than this fail as oversized. Default 20 MB. */
  maxBytes?: number;
  /** What `-` reads; process.stdin by default. */
  stdin?: Readable | AsyncIterable<Buffer | string>;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

type Kind = 'txt' | 'md' | 'html' | 'pdf' | 'json' | 'jsonl' | 'feed';

const KINDS: Record<string, Kind> = {
  '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html',
  '.pdf': 'pdf', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.xml': 'feed', '.rss': 'feed', '.atom': 'feed',
};

const kindOf = (path: string): Kind | undefined => KINDS[extname(path).toLowerCase()];

/**
 * Every document in `paths`, in order: folders walked recursively (sorted; dotfiles, `.meta.json`
 * sidecars, READMEs and files of unsupported formats skipped), `-` read from stdin. An input that
 * cannot be read yields `{ok: false, input, reason}` and the others go on.
 */
export async function* readInputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<ReadResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const path of paths) {
    if (path === '-') {
      yield* readStdin(opts.stdin ?? process.stdin, maxBytes);
      continue;
    }
    for await (const entry of walk(path, (name) => kindOf(name) !== undefined)) {
      if (entry.ok) yield* readPath(entry.path, maxBytes);
      else yield entry;
    }
  }
}

/** The documents of one file. */
export async function* readPath(path: string, maxBytes = DEFAULT_MAX_BYTES): AsyncGenerator<ReadResult> {
  try {
    const kind = kindOf(path);
    if (isSidecar(path)) throw new ReadError('a .meta.json sidecar holds metadata for another file; it is not a report');
    if (!kind) {
      const ext = extname(path);
      throw new ReadError(ext ? `unsupported format "${ext}"` : 'unsupported format (no file extension)');
    }
    const { size } = await stat(path);
    if (size === 0) throw new ReadError('empty file');
    if (kind === 'jsonl') {
      yield* fromJsonLines(splitLines(createReadStream(path), maxBytes), path, maxBytes);
      return;
    }
    if (size > maxBytes) throw new ReadError(`too large: ${formatBytes(size)} (limit ${formatBytes(maxBytes)})`);
    const bytes = await readFile(path);
    if (kind === 'json' || kind === 'feed') {
      yield* collection(bytes, kind, path);
      return;
    }
    const parsed = await readOne(bytes, kind);
    const sidecar = await readSidecar(path);
    yield buildDocument({ text: parsed.text, meta: mergeMeta(sidecar, parsed.meta) }, path, kind);
  } catch (err) {
    yield failure(path, reasonOf(err));
  }
}

async function readOne(bytes: Buffer, kind: 'txt' | 'md' | 'html' | 'pdf'): Promise<Parsed> {
  switch (kind) {
    case 'txt': return readText(decodeText(bytes));
    case 'md': return readMarkdown(decodeText(bytes));
    case 'html': return readHtml(decodeText(bytes));
    case 'pdf': return readPdf(bytes);
  }
}

/** The records of a .json array or the items of a feed, each `path#n` (1-based). */
function* collection(bytes: Buffer, kind: 'json' | 'feed', path: string): Generator<ReadResult> {
  const text = decodeText(bytes);
  let format: DocumentFormat = 'json';
  let records: Parsed | (Parsed | ReadError)[];
  if (kind === 'feed') {
    const feed = readFeed(text);
    format = feed.format;
    records = feed.items;
    if (records.length === 0) throw new ReadError('no items in feed');
  } else {
    records = readJson(text);
    if (!Array.isArray(records)) {
      yield buildDocument(records, path, 'json');
      return;
    }
    if (records.length === 0) throw new ReadError('no records (empty array)');
  }
  for (const [i, record] of records.entries()) {
    const origin = `${path}#${i + 1}`;
    yield record instanceof ReadError ? failure(origin, record.message) : buildDocument(record, origin, format);
  }
}

/** JSONL records, `origin#line`; a bad line fails as `origin:line`. */
async function* fromJsonLines(lines: AsyncIterable<Line>, origin: string, maxBytes: number): AsyncGenerator<ReadResult> {
  let any = false;
  for await (const { line, record } of readJsonLines(lines, maxBytes)) {
    any = true;
    if (line === 0) yield failure(origin, (record as ReadError).message);
    else if (record instanceof ReadError) yield failure(`${origin}:${line}`, record.message);
    else yield buildDocument(record, `${origin}#${line}`, 'jsonl');
  }
  if (!any) yield failure(origin, 'no records (only blank lines)');
}

async function* readStdin(stream: Readable | AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<ReadResult> {
  try {
    const input = await openStdin(stream, maxBytes);
    if (input.kind === 'jsonl') {
      yield* fromJsonLines(input.lines, 'stdin', maxBytes);
      return;
    }
    if (input.bytes.length === 0) throw new ReadError('empty input');
    yield buildDocument(readText(decodeText(input.bytes)), 'stdin', 'txt');
  } catch (err) {
    yield failure('stdin', reasonOf(err));
  }
}

/** The files `readInputs(paths)` will open and their sizes (for a progress bar's ETA); null when stdin is among them. */
export async function inputSizes(paths: string[]): Promise<Map<string, number> | null> {
  if (paths.includes('-')) return null;
  const sizes = new Map<string, number>();
  for (const path of paths) {
    for await (const entry of walk(path, (name) => kindOf(name) !== undefined)) {
      if (entry.ok) sizes.set(entry.path, await stat(entry.path).then(s => s.size, () => 0));
    }
  }
  return sizes;
}
