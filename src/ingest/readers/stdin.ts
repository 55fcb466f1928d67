// Standard input: JSON lines when its first non-blank line is a JSON object, plain text otherwise.
import type { Readable } from 'node:stream';
import { splitLines, type Line } from '../lines.js';
import { formatBytes, ReadError } from '../result.js';
import { isJsonRecordLine } from './jsonl.js';

export type StdinInput = { kind: 'jsonl'; lines: AsyncIterable<Line> } | { kind: 'text'; bytes: Buffer };

/** Peeks at the stream to tell JSONL from text; text is read whole (up to maxBytes). */
export async function openStdin(stream: Readable | AsyncIterable<Buffer | string>, maxBytes: number): Promise<StdinInput> {
  const lines = splitLines(stream, maxBytes)[Symbol.asyncIterator]();
  const head: Line[] = [];
  let next = await lines.next();
  while (!next.done && next.value.bytes !== null && next.value.bytes.toString('utf8').trim() === '') {
    head.push(next.value);
    next = await lines.next();
  }
  if (!next.done) head.push(next.value);
  const firstLine = next.done ? null : next.value.bytes;
  if (firstLine && isJsonRecordLine(firstLine.toString('utf8'))) {
    async function* all(): AsyncGenerator<Line> {
      yield* head;
      for (let r = await lines.next(); !r.done; r = await lines.next()) yield r.value;
    }
    return { kind: 'jsonl', lines: all() };
  }
  const parts: Buffer[] = [];
  let size = 0;
  const add = (line: Line): void => {
    size += (line.bytes?.length ?? maxBytes) + 1;
    if (line.bytes === null || size > maxBytes) throw new ReadError(`too large (limit ${formatBytes(maxBytes)})`);
    parts.push(line.bytes, Buffer.from('\n'));
  };
  head.forEach(add);
  if (!next.done) for (let r = await lines.next(); !r.done; r = await lines.next()) add(r.value);
  return { kind: 'text', bytes: Buffer.concat(parts) };
}
