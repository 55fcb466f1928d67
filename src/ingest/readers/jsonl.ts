// JSON Lines: one record a line, streamed; a bad line is one failure (`file:line`) and the rest go on.
import type { Line } from '../lines.js';
import type { Parsed } from '../build.js';
import { decodeText } from '../decode.js';
import { formatBytes, ReadError } from '../result.js';
import { parseJson, recordToParsed } from './json.js';

export interface JsonLine {
  line: number;
  record: Parsed | ReadError;
}

/**
 * The records of JSON lines. Blank lines are skipped. When the first non-blank line is binary the
 * whole input is: one ReadError (line 0) and nothing more.
 */
export async function* readJsonLines(lines: AsyncIterable<Line>, maxBytes: number): AsyncGenerator<JsonLine> {
  let seen = false;
  for await (const { n, bytes } of lines) {
    if (bytes === null) {
      yield { line: n, record: new ReadError(`line too large (limit ${formatBytes(maxBytes)})`) };
      seen = true;
      continue;
    }
    let text: string;
    try {
      text = decodeText(bytes);
    } catch (err) {
      if (!seen) {
        yield { line: 0, record: err as ReadError };
        return;
      }
      yield { line: n, record: err as ReadError };
      continue;
    }
    if (text.trim() === '') continue;
    seen = true;
    try {
      yield { line: n, record: recordToParsed(parseJson(text)) };
    } catch (err) {
      if (!(err instanceof ReadError)) throw err;
      yield { line: n, record: err };
    }
  }
}

/** Whether a line of text reads as a JSON record (used to tell JSONL on stdin from plain text). */
export function isJsonRecordLine(line: string): boolean {
  const s = line.trim();
  if (!s.startsWith('{') || !s.endsWith('}')) return false;
  try {
    const value = JSON.parse(s) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    return false;
  }
}
