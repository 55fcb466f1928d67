// JSON documents: `{id?, text, title?, published?, source?, url?, author?, dateline?}`, one object
// or an array of them (extra fields, like the gold `incidents`, are ignored).
import type { Parsed } from '../build.js';
import { metaFromObject } from '../meta.js';
import { ReadError } from '../result.js';

/** One JSON record as a report; a ReadError when it is not a record with a text. */
export function recordToParsed(value: unknown): Parsed {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ReadError('not a JSON object');
  const obj = value as Record<string, unknown>;
  if (obj.text == null) throw new ReadError('missing "text"');
  if (typeof obj.text !== 'string') throw new ReadError('"text" must be a string');
  return { text: obj.text, meta: metaFromObject(obj, { id: true }) };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ReadError('malformed JSON: ' + (err as Error).message);
  }
}

/**
 * The records of a .json file: one Parsed for a single object, a list (with a ReadError in place
 * of each bad record) for an array.
 */
export function readJson(text: string): Parsed | (Parsed | ReadError)[] {
  const data = parseJson(text);
  if (!Array.isArray(data)) return recordToParsed(data);
  return data.map((record) => {
    try {
      return recordToParsed(record);
    } catch (err) {
      if (err instanceof ReadError) return err;
      throw err;
    }
  });
}
