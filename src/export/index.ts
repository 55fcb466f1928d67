// Exports: pure formatters over the store's incident rows (toCsv, toJson, toGeoJson, toGtdCsv), and
// the same formats as chunked encoders so that a large export can be streamed page by page.
import type { IncidentRow } from '../store/store.js';
import { csvCells, csvHeader } from './csv.js';
import { toFeature } from './geojson.js';
import { GtdEventIds, gtdCells, gtdHeader } from './gtd.js';
import { csvRecord } from './rfc4180.js';

export { CSV_COLUMNS, toCsv } from './csv.js';
export { toJson } from './json.js';
export { toGeoJson, toFeature } from './geojson.js';
export { GTD_COLUMNS, toGtdCsv } from './gtd.js';
export { csvField, csvRecord } from './rfc4180.js';

export const EXPORT_FORMATS = ['csv', 'json', 'geojson', 'gtd'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  gtd: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

export const FILE_EXTENSIONS: Record<ExportFormat, string> = {
  csv: '.csv', gtd: '.gtd.csv', json: '.json', geojson: '.geojson',
};

/** Writes one export in pieces: head(), then rows() for each page, then tail(). */
export interface Encoder {
  head(): string;
  rows(rows: readonly IncidentRow[]): string;
  tail(): string;
}

/** Joins JSON items with commas across pages. */
function jsonList(open: string, close: string, item: (r: IncidentRow) => string | null): Encoder {
  let first = true;
  return {
    head: () => open,
    rows(rows) {
      let out = '';
      for (const r of rows) {
        const text = item(r);
        if (text === null) continue;
        out += (first ? '\n' : ',\n') + text;
        first = false;
      }
      return out;
    },
    tail: () => '\n' + close + '\n',
  };
}

export function createEncoder(format: ExportFormat): Encoder {
  switch (format) {
    case 'csv':
      return { head: csvHeader, rows: (rows) => rows.map((r) => csvRecord(csvCells(r))).join(''), tail: () => '' };
    case 'gtd': {
      const ids = new GtdEventIds();
      return { head: gtdHeader, rows: (rows) => rows.map((r) => csvRecord(gtdCells(r, ids.next(r)))).join(''), tail: () => '' };
    }
    case 'json':
      return jsonList('[', ']', (r) => JSON.stringify(r));
    case 'geojson':
      return jsonList('{"type":"FeatureCollection","features":[', ']}', (r) => {
        const f = toFeature(r);
        return f ? JSON.stringify(f) : null;
      });
  }
}

/** The whole export as one string. */
export function encodeAll(format: ExportFormat, rows: readonly IncidentRow[]): string {
  const enc = createEncoder(format);
  return enc.head() + enc.rows(rows) + enc.tail();
}
