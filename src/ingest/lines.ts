// A byte stream split into lines without decoding it whole: memory stays flat on large JSONL files
// and a line longer than the limit is reported rather than buffered.

export interface Line {
  /** 1-based line number. */
  n: number;
  /** The line's bytes without the line break; null when the line was longer than the limit. */
  bytes: Buffer | null;
}

export async function* splitLines(stream: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let length = 0;
  let tooLong = false;
  let n = 0;
  const take = (piece: Buffer): void => {
    if (tooLong || piece.length === 0) return;
    if (length + piece.length > maxBytes) {
      tooLong = true;
      parts = [];
      return;
    }
    parts.push(piece);
    length += piece.length;
  };
  const line = (): Line => {
    let bytes: Buffer | null = tooLong ? null : Buffer.concat(parts, length);
    if (bytes && bytes.at(-1) === 13) bytes = bytes.subarray(0, -1);
    parts = [];
    length = 0;
    tooLong = false;
    return { n: ++n, bytes };
  };
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(10, start); nl !== -1; nl = buf.indexOf(10, start)) {
      take(buf.subarray(start, nl));
      yield line();
      start = nl + 1;
    }
    take(buf.subarray(start));
  }
  if (length > 0 || tooLong) yield line();
}
