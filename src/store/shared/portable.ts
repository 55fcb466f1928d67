// Lossless export/import of every table, the same for both stores: rows are read in key order, a
// page at a time, and written back as they are (no re-resolution), so SQLite → PostgreSQL → SQLite
// gives back the same database.
import { createHash } from 'node:crypto';
import { PORTABLE_TABLES, type PortableRecord, type PortableTable } from '../extensions.js';

interface TableSpec {
  /** Keyset paging order; `hiddenKey` columns (surrogate ids) are read for paging but not exported. */
  key: string[];
  hiddenKey?: boolean;
  columns: string[];
  json?: string[];
  bool?: string[];
  /**
   * The database enforces no key on these rows (a surrogate id, or none): a row already present is told by
   * these columns, so that importing the same export twice adds nothing.
   */
  match?: string[];
}

const TABLES: Record<PortableTable, TableSpec> = {
  documents: { key: ['id'], columns: ['id', 'title', 'source', 'url', 'author', 'published', 'language', 'text', 'origin', 'format', 'dateline', 'ingested_at'] },
  quotes: { key: ['doc_id', 'n'], match: ['doc_id', 'n'], columns: ['doc_id', 'n', 'speaker', 'role', 'affiliation', 'text', 'start', 'end'] },
  incidents: {
    key: ['id'], json: ['data', 'alternatives'],
    columns: ['id', 'data', 'alternatives', 'date_from', 'date_to', 'country', 'country_code', 'type', 'status', 'killed', 'injured',
      'review', 'search_text', 'mentions', 'created_at', 'updated_at'],
  },
  incident_groups: { key: ['incident_id', 'name'], columns: ['incident_id', 'name', 'actor_id'] },
  mentions: {
    key: ['id'], json: ['data'], bool: ['background'],
    columns: ['id', 'doc_id', 'n', 'published', 'data', 'country_code', 'date_from', 'date_to', 'background', 'incident_id', 'pinned_incident'],
  },
  evidence: {
    key: ['id'], hiddenKey: true, columns: ['owner_id', 'owner_kind', 'field', 'doc_id', 'value', 'start', 'end', 'text'],
    match: ['owner_id', 'owner_kind', 'field', 'doc_id', 'value', 'start', 'end', 'text'],
  },
  overrides: { key: ['incident_id', 'field'], json: ['value'], columns: ['incident_id', 'field', 'value', 'who', 'at'] },
  audit: { key: ['id'], hiddenKey: true, json: ['detail'], columns: ['at', 'who', 'action', 'incident_id', 'detail'], match: ['at', 'who', 'action', 'incident_id', 'detail'] },
  actors: { key: ['name'], columns: ['name', 'actor_id', 'kind', 'seen'] },
  places: { key: ['key'], columns: ['key', 'country', 'country_code', 'admin1', 'place', 'lat', 'lon', 'seen'] },
};

const PAGE = 500;
const q = (c: string): string => `"${c}"`;

export type Param = (v: unknown) => string;
export type Params = () => { values: unknown[]; p: Param };
export type AllRows = (sql: string, values: unknown[]) => Promise<Record<string, unknown>[]>;

/** Reads every portable table (or those given) a page at a time through `all`. */
export async function* exportRows(all: AllRows, params: Params, tables: readonly PortableTable[] = PORTABLE_TABLES): AsyncGenerator<PortableRecord> {
  for (const table of tables) {
    const spec = TABLES[table];
    const cols = [...new Set([...spec.key, ...spec.columns])];
    let after: unknown[] | null = null;
    for (;;) {
      const { values, p } = params();
      const where: string = after ? `WHERE (${spec.key.map(q).join(', ')}) > (${after.map((v) => p(v)).join(', ')})` : '';
      const page = await all(`SELECT ${cols.map(q).join(', ')} FROM ${table} ${where} ORDER BY ${spec.key.map(q).join(', ')} LIMIT ${PAGE}`, values);
      for (const r of page) yield { table, row: toPortable(spec, r) };
      if (page.length < PAGE) break;
      const last = page[page.length - 1]!;
      after = spec.key.map((k) => last[k]);
    }
  }
}

function toPortable(spec: TableSpec, r: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const c of spec.columns) {
    const v = r[c];
    row[c] = spec.json?.includes(c) && typeof v === 'string' ? JSON.parse(v)
      : spec.bool?.includes(c) ? Boolean(v) : v ?? null;
  }
  return row;
}

export type Statement = [sql: string, values: unknown[]];

/** The tables whose rows already present are found by their `match` columns. */
export const MATCHED_TABLES = PORTABLE_TABLES.filter((t) => TABLES[t].match);

/** Sorted keys at every level: the same JSON whichever store (jsonb reorders keys) a row was read from. */
function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

const matchKey = (table: PortableTable, row: Record<string, unknown>): string =>
  createHash('sha1').update(table + '\0' + canonicalJson(TABLES[table].match!.map((c) => row[c] ?? null))).digest('base64');

/**
 * Turns records into INSERT statements and hands them to `run` in batches (one transaction each).
 * Rows whose key is present already are left alone; so are rows of the `match` tables already in the
 * database (`present` reads them), counted as a multiset: a row the export holds twice is imported twice
 * into an empty database, and never into one that has both.
 */
export async function importRows(records: AsyncIterable<PortableRecord> | Iterable<PortableRecord>, params: Params,
  run: (batch: Statement[]) => Promise<void>, bool: (v: boolean) => unknown,
  present: AsyncIterable<PortableRecord>): Promise<Record<PortableTable, number>> {
  const counts = Object.fromEntries(PORTABLE_TABLES.map((t) => [t, 0])) as Record<PortableTable, number>;
  const there = new Map<string, number>();
  for await (const r of present) { const k = matchKey(r.table, r.row); there.set(k, (there.get(k) ?? 0) + 1); }
  let batch: Statement[] = [];
  for await (const rec of records) {
    const spec = TABLES[rec.table];
    if (!spec) throw new Error(`vigil: unknown table in import: ${String(rec.table)}`);
    counts[rec.table]++;
    if (spec.match) {
      const k = matchKey(rec.table, rec.row);
      const n = there.get(k);
      if (n) { there.set(k, n - 1); continue; }
    }
    const { values, p } = params();
    const vals = spec.columns.map((c) => {
      const v = rec.row[c] ?? null;
      return p(spec.json?.includes(c) ? JSON.stringify(v) : spec.bool?.includes(c) ? bool(Boolean(v)) : v);
    });
    batch.push([`INSERT INTO ${rec.table} (${spec.columns.map(q).join(', ')}) VALUES (${vals.join(', ')}) ON CONFLICT DO NOTHING`, values]);
    if (batch.length >= PAGE) { await run(batch); batch = []; }
  }
  if (batch.length) await run(batch);
  return counts;
}
