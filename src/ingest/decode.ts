import { ReadError } from './result.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The UTF-8 text of a file in a text format; a ReadError for binary content (NUL bytes, invalid UTF-8). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new ReadError('binary content (NUL bytes), not text');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ReadError('binary content (invalid UTF-8), not text');
  }
  return text.replace(/\r\n?/g, '\n');
}
