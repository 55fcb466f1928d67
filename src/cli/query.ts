// vigil incidents | show | docs | search | stats
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { createEncoder, type ExportFormat } from '../export/index.js';
import { toFilter, UsageError } from './options.js';
import { docTable, documentText, incidentTable, searchResults, showIncident, statsText } from './render.js';
import type { IncidentRow } from '../store/store.js';

type Flags = Record<string, string | boolean | undefined> & { db?: string };

async function withStore<T>(db: string | undefined, fn: (s: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try { return await fn(store); } finally { await store.close(); }
}

const PAGE = 5000;

export async function incidentsCommand(flags: Flags): Promise<void> {
  const format = String(flags.format ?? 'table');
  const filter = toFilter({
    from: flags.from, to: flags.to, country: flags.country, type: flags.type, status: flags.status, group: flags.group,
    minKilled: flags.minKilled, q: flags.q, sort: flags.sort, order: flags.order, limit: flags.limit, offset: flags.offset,
  });
  await withStore(flags.db, async store => {
    if (format === 'table') {
      const { total, items } = await store.listIncidents({ ...filter, limit: filter.limit ?? 50 });
      process.stdout.write(incidentTable(items) + '\n');
      process.stdout.write(`${items.length} of ${total} incidents\n`);
      return;
    }
    // Exports stream page by page, so a large database never sits in memory at once.
    const enc = createEncoder(format === 'gtd' ? 'gtd' : (format as ExportFormat));
    process.stdout.write(enc.head());
    let offset = filter.offset ?? 0, left = filter.limit ?? Infinity;
    while (left > 0) {
      const { items } = await store.listIncidents({ ...filter, offset, limit: Math.min(PAGE, left) });
      process.stdout.write(enc.rows(items));
      if (items.length < PAGE) break;
      offset += items.length; left -= items.length;
    }
    process.stdout.write(enc.tail());
  });
}

export async function showCommand(id: string, flags: Flags): Promise<void> {
  await withStore(flags.db, async store => {
    const d = await store.getIncident(id);
    if (!d) throw new UsageError(`no incident ${id} (vigil incidents lists them)`);
    const texts = new Map<string, string>();
    for (const doc of d.documents) {
      const full = await store.getDocument(doc.id);
      if (full) texts.set(doc.id, full.text);
    }
    process.stdout.write(showIncident(d, texts) + '\n');
  });
}

export async function docsCommand(flags: Flags): Promise<void> {
  await withStore(flags.db, async store => {
    const { total, items } = await store.listDocuments({ limit: Number(flags.limit ?? 50), offset: Number(flags.offset ?? 0) });
    process.stdout.write(docTable(items) + `\n${items.length} of ${total} documents\n`);
  });
}

export async function searchCommand(query: string, flags: Flags): Promise<void> {
  await withStore(flags.db, async store => {
    const hits = await store.search(query, Number(flags.limit ?? 20));
    process.stdout.write(hits.length ? searchResults(hits) + '\n' : `no document matches "${query}"\n`);
  });
}

export async function statsCommand(flags: Flags): Promise<void> {
  const filter = toFilter({ from: flags.from, to: flags.to, country: flags.country, type: flags.type, status: flags.status, group: flags.group, minKilled: flags.minKilled, q: flags.q });
  await withStore(flags.db, async store => {
    const s = await store.stats(filter);
    process.stdout.write(flags.json ? JSON.stringify(s, null, 2) + '\n' : statsText(s) + '\n');
  });
}

export async function docCommand(id: string, flags: Flags): Promise<void> {
  await withStore(flags.db, async store => {
    const d = await store.getDocument(id);
    if (!d) throw new UsageError(`no document ${id} (vigil docs lists them)`);
    const rows: IncidentRow[] = [];
    for (const i of d.incidentIds) { const x = await store.getIncident(i); if (x) rows.push(x.incident); }
    process.stdout.write(documentText(d, rows, flags.text === true) + '\n');
  });
}
