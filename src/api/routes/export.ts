// Exports of the incidents matching the current filter, streamed page by page.
import { Readable } from 'node:stream';
import { CONTENT_TYPES, FILE_EXTENSIONS, createEncoder, type ExportFormat } from '../../export/index.js';
import type { IncidentFilter, Store } from '../../store/store.js';
import type { ApiContext, Routes } from '../route.js';
import { exportQuery } from '../schemas.js';

const PAGE = 2000;

async function* exportChunks(store: Store, format: ExportFormat, filter: IncidentFilter): AsyncGenerator<string> {
  const enc = createEncoder(format);
  yield enc.head();
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listIncidents({ ...filter, limit: PAGE, offset });
    if (page.items.length > 0) yield enc.rows(page.items);
    if (page.items.length < PAGE) break;
  }
  yield enc.tail();
}

const URLS: Record<ExportFormat, string> = {
  csv: '/api/export.csv', json: '/api/export.json', geojson: '/api/export.geojson', gtd: '/api/export.gtd.csv',
};

const SUMMARIES: Record<ExportFormat, string> = {
  csv: 'CSV export (flat columns, RFC 4180) of the incidents matching the filter',
  json: 'JSON export (array of incidents) of the incidents matching the filter',
  geojson: 'GeoJSON FeatureCollection of the located incidents matching the filter',
  gtd: 'CSV in the Global Terrorism Database codebook\'s columns and codes',
};

export function exportRoutes(r: Routes, { store }: ApiContext): void {
  for (const format of Object.keys(URLS) as ExportFormat[]) {
    r.add({
      method: 'GET', url: URLS[format], tag: 'export', summary: SUMMARIES[format],
      query: exportQuery, produces: [CONTENT_TYPES[format].split(';')[0]!],
      async handler({ query, reply }) {
        const stamp = new Date().toISOString().slice(0, 10);
        void reply
          .type(CONTENT_TYPES[format])
          .header('content-disposition', `attachment; filename="vigil-incidents-${stamp}${FILE_EXTENSIONS[format]}"`);
        return Readable.from(exportChunks(store, format, query));
      },
    });
  }
}
