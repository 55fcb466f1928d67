// RFC 4180 records: fields joined by commas, records ended by CRLF, a field quoted when it holds a
// comma, a quote, CR or LF, and its quotes doubled. Text that a spreadsheet would run as a formula
// (= + - @ at the start, OWASP "CSV injection") is prefixed with an apostrophe; numbers are left alone.

export type Cell = string | number | boolean | null | undefined;

const FORMULA = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA.test(value) ? "'" + value : value;
  return NEEDS_QUOTES.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

export function csvRecord(cells: readonly Cell[]): string {
  return cells.map(csvField).join(',') + '\r\n';
}
