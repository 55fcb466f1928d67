// The embedded store: one SQLite file, synchronous work inside async methods.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Document } from '../../ingest/document.js';
import type { Extraction, Incident } from '../../model.js';
import { resolver } from '../../resolve/index.js';
import type { FieldOverride, HeadlinePolicy, MentionRecord } from '../../resolve/contract.js';
import type {
  AuditEntry, DocumentSummary, IncidentDetail, IncidentFilter, IncidentRow, IngestOutcome, SearchHit, Stats,
  Store, StoredDocument,
} from '../store.js';
import { BLOCK_LIMIT, blockCondition } from '../shared/block.js';
import { buildMentions, checkIncident, incidentColumns, mentionColumns } from '../shared/columns.js';
import { nowIso } from '../shared/dates.js';
import { ftsQuery, pageQuery, paging, rollupFilter, whereClause, type Dialect, type WhereOptions } from '../shared/filter.js';
import { mentionId, splitIncidentId } from '../shared/ids.js';
import { planResolution, resolveBlock, toRecord, type StoredMention } from '../shared/plan.js';
import { checkEdit, NotFoundError } from '../shared/review.js';
import {
  alternativesFromRow, auditFromRow, documentSummaryFromRow, incidentFromRow, mentionFromRow, quoteFromRow,
  type AuditDbRow, type DocumentDbRow, type IncidentDbRow, type MentionDbRow, type QuoteDbRow,
} from '../shared/rows.js';
import type { ClaimedJob, Job, JobState, PortableRecord, PortableStore, PortableTable, QueueStore } from '../extensions.js';
import { exportRows, importRows, MATCHED_TABLES } from '../shared/portable.js';
import { migrateSqlite } from './migrate.js';
import { SqliteQueue } from './queue.js';
import { prepareStatements, type Statements } from './statements.js';

/** '?' placeholders, values in the order they are pushed. */
function sqliteParams(): { values: unknown[]; p: (v: unknown) => string } {
  const values: unknown[] = [];
  return { values, p: (v) => { values.push(v); return '?'; } };
}

const dialect: Dialect = {
  ilike: 'LIKE', // ASCII case-insensitive in SQLite; search_text is lower-cased
  matchingDocIds(q, p) {
    const fts = ftsQuery(q);
    return fts ? `SELECT d.id FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid WHERE documents_fts MATCH ${p(fts)}` : null;
  },
};

type Grouped = { key: string | null; incidents: number; killed: number | null };

export class SqliteStore implements Store, QueueStore, PortableStore {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  private st: Statements | null = null;
  private queue: SqliteQueue | null = null;
  private readonly cache = new Map<string, Database.Statement>();

  constructor(readonly path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('synchronous = NORMAL');
  }

  async migrate(): Promise<number> {
    const n = migrateSqlite(this.db);
    this.st = prepareStatements(this.db);
    this.queue = new SqliteQueue(this.db);
    return n;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  protected get s(): Statements {
    if (!this.st) throw new Error('vigil: SQLite store used before migrate()');
    return this.st;
  }

  /** A statement whose SQL is built at run time (filters, blocks), prepared once per distinct text. */
  protected prepared(sql: string): Database.Statement {
    let stmt = this.cache.get(sql);
    if (!stmt) { stmt = this.db.prepare(sql); this.cache.set(sql, stmt); }
    return stmt;
  }

  // ── documents ────────────────────────────────────────────────────────────────────────────────

  async hasDocument(id: string): Promise<boolean> {
    return this.s.docExists.get(id) !== undefined;
  }

  async ingest(doc: Document, extraction: Extraction, policy: HeadlinePolicy = 'latest'): Promise<IngestOutcome> {
    if (extraction.docId !== doc.id) throw new Error(`vigil: extraction of ${extraction.docId} given for document ${doc.id}`);
    return this.db.transaction((): IngestOutcome => {
      if (this.s.docExists.get(doc.id)) return { status: 'duplicate', docId: doc.id, mentions: 0, incidentIds: [] };
      this.insertDocument(doc, extraction);
      const mentions = buildMentions(doc.id, doc.published ?? null, extraction.incidents, mentionId);
      mentions.forEach((m, n) => this.insertMention(m, n));
      const incidentIds = this.resolve(mentions, policy);
      return { status: 'new', docId: doc.id, mentions: mentions.length, incidentIds };
    }).immediate();
  }

  private insertDocument(doc: Document, extraction: Extraction): void {
    this.s.insertDoc.run({
      id: doc.id, title: doc.title ?? null, source: doc.source ?? null, url: doc.url ?? null, author: doc.author ?? null,
      published: doc.published ?? null, language: doc.language, text: doc.text, origin: doc.origin, format: doc.format,
      dateline: doc.dateline ?? null, ingested_at: nowIso(),
    });
    extraction.quotes.forEach((q, n) =>
      this.s.insertQuote.run(doc.id, n, q.speaker ?? null, q.role ?? null, q.affiliation ?? null, q.text, q.start, q.end));
  }

  private insertMention(m: MentionRecord, n: number): void {
    checkIncident(m.incident, m.id);
    const c = mentionColumns(m.incident);
    this.s.insertMention.run(m.id, m.docId, n, m.published, JSON.stringify(m.incident), c.countryCode, c.dateFrom, c.dateTo,
      c.background ? 1 : 0);
    this.writeEvidence(m.id, 'mention', m.incident);
    for (const p of m.incident.perpetrators ?? []) if (p.name) this.s.upsertActor.run(p.name, p.actorId ?? null, p.kind);
    const l = m.incident.location;
    if (l && (l.place || l.admin1 || l.country || l.countryCode)) {
      this.s.upsertPlace.run([l.countryCode ?? '', l.admin1 ?? '', l.place ?? ''].join('|'), l.country ?? null,
        l.countryCode ?? null, l.admin1 ?? null, l.place ?? null, l.lat ?? null, l.lon ?? null);
    }
  }

  private writeEvidence(ownerId: string, kind: 'incident' | 'mention', inc: Incident): void {
    this.s.deleteEvidence.run(ownerId);
    for (const e of inc.evidence ?? []) {
      this.s.insertEvidence.run(ownerId, kind, e.field, e.doc, e.value ?? null, e.start, e.end, e.text);
    }
  }

  // ── resolution (inside the ingest transaction) ───────────────────────────────────────────────

  /** Re-clusters the blocks of the new mentions; returns the incidents the new mentions belong to. */
  private resolve(fresh: MentionRecord[], policy: HeadlinePolicy): string[] {
    if (fresh.length === 0) return [];
    const block = new Map<string, StoredMention>();
    const add = (rows: MentionDbRow[]) => { for (const r of rows) if (!block.has(r.id)) block.set(r.id, mentionFromRow(r)); };
    for (const m of fresh) {
      const params: unknown[] = [];
      const cond = blockCondition(resolver.window(m.incident), (v) => { params.push(v); return '?'; });
      add(this.prepared(`SELECT * FROM mentions m WHERE ${cond} LIMIT ${BLOCK_LIMIT}`).all(...params) as MentionDbRow[]);
    }
    for (const m of fresh) if (!block.has(m.id)) block.set(m.id, { ...m, incidentId: null });
    // Closure, one level: every mention of every incident the block touches.
    const owners = new Set<string>();
    for (const m of block.values()) { if (m.incidentId) owners.add(m.incidentId); if (m.pinnedIncident) owners.add(m.pinnedIncident); }
    for (const id of owners) add(this.s.mentionsOfIncident.all(id, id) as MentionDbRow[]);

    const { members, clusters } = resolveBlock(fresh, [...block.values()], resolver);
    const plan = planResolution(members, clusters);
    for (const [id, incidentId] of plan.assign) {
      if (block.get(id)!.incidentId !== incidentId) this.s.setMentionIncident.run(incidentId, id);
    }
    for (const id of plan.removed) this.deleteIncident(id);
    for (const inc of plan.incidents) {
      const before = members.filter((m) => m.incidentId === inc.id).map((m) => m.id).sort().join();
      const after = inc.members.map((m) => m.id).sort().join();
      if (before !== after || !this.s.incident.get(inc.id)) this.writeIncident(inc.id, inc.members, policy);
    }
    return [...new Set(fresh.map((m) => plan.assign.get(m.id)).filter((id): id is string => !!id))];
  }

  /** Computes an incident's headline from its mentions and the person's overrides, and stores it. */
  private writeIncident(id: string, members: MentionRecord[], policy: HeadlinePolicy = 'latest'): void {
    const overrides = (this.s.overrides.all(id) as { field: string; value: string }[])
      .map((o): FieldOverride => ({ field: o.field as keyof Incident, value: JSON.parse(o.value) }));
    const { incident: headline, alternatives } = resolver.headline(id, members, policy, overrides);
    const inc: Incident = { ...headline, id };
    const c = incidentColumns(inc);
    this.s.upsertIncident.run({
      id, data: JSON.stringify(inc), alternatives: JSON.stringify(alternatives), date_from: c.dateFrom, date_to: c.dateTo,
      country: c.country, country_code: c.countryCode, type: c.type, status: c.status, killed: c.killed, injured: c.injured,
      search_text: c.searchText, mentions: members.length, now: nowIso(),
    });
    this.s.deleteGroups.run(id);
    for (const g of c.groups) this.s.insertGroup.run(id, g.name, g.actorId);
    this.writeEvidence(id, 'incident', inc);
  }

  private deleteIncident(id: string): void {
    this.s.deleteIncident.run(id);
    this.s.deleteEvidence.run(id);
  }

  private membersOf(id: string): StoredMention[] {
    return (this.s.mentionsOfIncident.all(id, id) as MentionDbRow[]).map(mentionFromRow);
  }

  // ── reading ──────────────────────────────────────────────────────────────────────────────────

  async getDocument(id: string): Promise<StoredDocument | null> {
    const r = this.s.document.get(id) as (DocumentDbRow & Required<Pick<DocumentDbRow, 'author' | 'language' | 'text' | 'dateline'>>) | undefined;
    if (!r) return null;
    const mentions = (this.s.mentionsOfDoc.all(id) as MentionDbRow[]).map(mentionFromRow);
    return {
      ...documentSummaryFromRow(r), author: r.author, language: r.language, text: r.text, dateline: r.dateline,
      quotes: (this.s.quotesOfDoc.all(id) as QuoteDbRow[]).map(quoteFromRow),
      incidentIds: [...new Set(mentions.map((m) => m.incidentId).filter((x): x is string => !!x))],
      mentions: mentions.map(toRecord),
    };
  }

  async listDocuments(opts: { limit?: number; offset?: number } = {}): Promise<{ total: number; items: DocumentSummary[] }> {
    const { limit, offset } = paging(opts);
    const total = (this.s.countDocs.get() as { n: number }).n;
    return { total, items: (this.s.listDocs.all(limit, offset) as DocumentDbRow[]).map(documentSummaryFromRow) };
  }

  async search(query: string, limit = 20): Promise<SearchHit[]> {
    const fts = ftsQuery(query);
    if (!fts) return [];
    const rows = this.s.search.all(fts, paging({ limit }).limit) as
      { doc_id: string; title: string | null; published: string | null; snippet: string; rank: number }[];
    return rows.map((r) => ({ docId: r.doc_id, title: r.title, published: r.published, snippet: r.snippet, rank: r.rank }));
  }

  private where(filter: IncidentFilter, o: WhereOptions = {}): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const sql = whereClause(filter, dialect, (v) => { params.push(v); return '?'; }, o);
    return { sql, params };
  }

  /** Reads on one snapshot: the country lookup, the count and the page agree. */
  private read<T>(fn: () => T): T {
    return this.db.inTransaction ? fn() : this.db.transaction(fn)();
  }

  /**
   * The country filter resolved against the data, so that it becomes index lookups (same rows); the group
   * filter's review tested on the group rows.
   */
  private countryMatch(filter: IncidentFilter): WhereOptions {
    if (!filter.country) return { groupReview: true };
    const code = this.s.countryCodeExists.get(filter.country.toUpperCase()) !== undefined;
    const names = (this.s.countryNames.all(filter.country.toLowerCase()) as { country: string }[]).map((r) => r.country);
    return { country: { code, names }, groupReview: true };
  }

  async listIncidents(filter: IncidentFilter = {}): Promise<{ total: number; items: IncidentRow[] }> {
    return this.read(() => {
      const o = this.countryMatch(filter);
      const { limit, offset } = paging(filter);
      // The count looks the group's ids up; the page walks the sort index and tests them.
      const count = this.where(filter, o);
      const total = (this.prepared(`SELECT count(*) AS n FROM incidents i ${count.sql}`).get(...count.params) as { n: number }).n;
      const { sql, params } = this.where(filter, { ...o, groupByScan: true });
      const rows = this.prepared(pageQuery(sql, filter, 'i.rowid', '?', '?')).all(...params, limit, offset) as IncidentDbRow[];
      return { total, items: rows.map(incidentFromRow) };
    });
  }

  async getIncident(id: string): Promise<IncidentDetail | null> {
    const r = this.s.incident.get(id) as IncidentDbRow | undefined;
    if (!r) return null;
    const mentions = this.membersOf(id);
    const docIds = [...new Set(mentions.map((m) => m.docId))];
    return {
      incident: incidentFromRow(r),
      mentions: mentions.map(toRecord),
      alternatives: alternativesFromRow(r),
      audit: (this.s.auditOf.all(id) as AuditDbRow[]).map(auditFromRow),
      documents: (this.s.documentSummaries.all(JSON.stringify(docIds)) as DocumentDbRow[]).map(documentSummaryFromRow),
    };
  }

  async stats(filter: IncidentFilter = {}): Promise<Stats> {
    return this.read(() => (rollupFilter(filter) ? this.rollupStats(filter) : this.scanStats(filter)));
  }

  /** Filters on type, status, country and review: sums over the roll-ups (kept exact by triggers). */
  private rollupStats(filter: IncidentFilter): Stats {
    const { sql, params } = this.where(filter, { alias: 'r' });
    const tot = this.prepared(`SELECT coalesce(sum(r.incidents), 0) AS n, coalesce(sum(r.killed), 0) AS k,
      coalesce(sum(r.injured), 0) AS w FROM incident_rollup r ${sql}`).get(...params) as { n: number; k: number; w: number };
    const by = (key: string, table = 'incident_rollup r', extra = ''): Stats['byType'] =>
      (this.prepared(`SELECT ${key} AS key, sum(r.incidents) AS incidents, sum(r.killed) AS killed
        FROM ${table} ${sql} ${extra} GROUP BY 1 ORDER BY incidents DESC, key`).all(...params) as Grouped[])
        .map((g) => ({ key: g.key ?? 'unknown', incidents: g.incidents, killed: g.killed ?? 0 }));
    return {
      incidents: tot.n, killed: tot.k, injured: tot.w,
      byType: by('r.type'),
      byCountry: by("coalesce(r.country, r.country_code, 'unknown')"),
      byGroup: by('r.name', 'incident_group_rollup r'),
      byStatus: by('r.status'),
      byMonth: by('r.month', 'incident_month_rollup r', sql ? 'AND r.month IS NOT NULL' : 'WHERE r.month IS NOT NULL')
        .sort((a, b) => a.key.localeCompare(b.key)),
    };
  }

  /** Other filters (dates, group, deaths, text): over the incidents they select, on covering indexes. */
  private scanStats(filter: IncidentFilter): Stats {
    const { sql, params } = this.where(filter, this.countryMatch(filter));
    // Every incident has one type: the totals are the sums of the by-type rows (counts are whole numbers).
    const types = this.prepared(`SELECT +i.type AS key, count(*) AS incidents, coalesce(sum(i.killed), 0) AS killed,
      coalesce(sum(i.injured), 0) AS injured FROM incidents i ${sql} GROUP BY 1 ORDER BY incidents DESC, key`)
      .all(...params) as (Grouped & { injured: number })[];
    const tot = { n: 0, k: 0, w: 0 };
    for (const t of types) { tot.n += t.incidents; tot.k += t.killed ?? 0; tot.w += t.injured; }
    // count(*): an incident appears once per key, also per group ((incident_id, name) is the key of incident_groups).
    const by = (key: string, from = 'incidents i', extra = ''): Stats['byType'] =>
      (this.prepared(`SELECT ${key} AS key, count(*) AS incidents, coalesce(sum(i.killed), 0) AS killed
        FROM ${from} ${sql} ${extra} GROUP BY 1 ORDER BY incidents DESC, key`).all(...params) as Grouped[])
        .map((g) => ({ key: g.key ?? 'unknown', incidents: g.incidents, killed: g.killed ?? 0 }));
    // Unary +: group with a sorter over the rows the filter's index selects, never by walking a whole index.
    return {
      incidents: tot.n, killed: tot.k, injured: tot.w,
      byType: types.map((g) => ({ key: g.key ?? 'unknown', incidents: g.incidents, killed: g.killed ?? 0 })),
      byCountry: by("coalesce(i.country, i.country_code, 'unknown')"),
      byGroup: by('+g.name', 'incidents i JOIN incident_groups g ON g.incident_id = i.id'),
      byStatus: by('+i.status'),
      byMonth: by('substr(i.date_from, 1, 7)', 'incidents i', sql ? 'AND i.date_from IS NOT NULL' : 'WHERE i.date_from IS NOT NULL')
        .sort((a, b) => a.key.localeCompare(b.key)),
    };
  }

  async timeline(filter: IncidentFilter, interval: 'week' | 'month'): Promise<{ period: string; incidents: number; killed: number }[]> {
    return this.read(() => {
      if (interval === 'month' && rollupFilter(filter)) {
        const { sql, params } = this.where(filter, { alias: 'r' });
        return this.prepared(`SELECT r.month AS period, sum(r.incidents) AS incidents, sum(r.killed) AS killed
          FROM incident_month_rollup r ${sql} ${sql ? 'AND' : 'WHERE'} r.month IS NOT NULL GROUP BY 1 ORDER BY 1`).all(...params) as
          { period: string; incidents: number; killed: number }[];
      }
      const { sql, params } = this.where(filter, this.countryMatch(filter));
      const period = interval === 'week' ? "date(i.date_from, 'weekday 0', '-6 days')" : 'substr(i.date_from, 1, 7)';
      const rows = this.prepared(`SELECT ${period} AS period, count(*) AS incidents, coalesce(sum(i.killed), 0) AS killed
        FROM incidents i ${sql} ${sql ? 'AND' : 'WHERE'} i.date_from IS NOT NULL GROUP BY 1 ORDER BY 1`).all(...params);
      return rows as { period: string; incidents: number; killed: number }[];
    });
  }

  // ── review ───────────────────────────────────────────────────────────────────────────────────

  private requireIncident(id: string): IncidentRow {
    const r = this.s.incident.get(id) as IncidentDbRow | undefined;
    if (!r) throw new NotFoundError('incident', id);
    return incidentFromRow(r);
  }

  private log(who: string, action: AuditEntry['action'], incidentId: string, detail: unknown): void {
    this.s.insertAudit.run(nowIso(), who, action, incidentId, JSON.stringify(detail ?? null));
  }

  private setReview(id: string, review: 'accepted' | 'rejected', who: string): void {
    this.db.transaction(() => {
      const before = this.requireIncident(id);
      this.s.pinUnpinned.run(id); // a decision on an incident holds its mentions in it
      this.s.setReview.run(review, nowIso(), id);
      this.log(who, review === 'accepted' ? 'accept' : 'reject', id, { from: before.review, to: review });
    }).immediate();
  }

  async accept(id: string, who: string): Promise<void> { this.setReview(id, 'accepted', who); }
  async reject(id: string, who: string): Promise<void> { this.setReview(id, 'rejected', who); }

  async editField(id: string, field: string, raw: unknown, who: string): Promise<IncidentRow> {
    const { key, value } = checkEdit(field, raw);
    return this.db.transaction(() => {
      const before = this.requireIncident(id);
      this.s.upsertOverride.run(id, key, JSON.stringify(value ?? null), who, nowIso());
      this.s.pinUnpinned.run(id);
      this.writeIncident(id, this.membersOf(id).map(toRecord));
      this.log(who, 'edit', id, { field: key, old: before[key] ?? null, new: value ?? null });
      return this.requireIncident(id);
    }).immediate();
  }

  async merge(id: string, other: string, who: string): Promise<IncidentRow> {
    if (id === other) throw new Error('vigil: cannot merge an incident with itself');
    return this.db.transaction(() => {
      this.requireIncident(id);
      this.requireIncident(other);
      const moved = this.membersOf(other).map((m) => m.id);
      for (const m of [...this.membersOf(id), ...this.membersOf(other)]) this.s.pinMention.run(id, id, m.id);
      this.deleteIncident(other);
      this.s.deleteOverrides.run(other);
      this.writeIncident(id, this.membersOf(id).map(toRecord));
      this.log(who, 'merge', id, { merged: other, mentions: moved });
      this.log(who, 'merge', other, { into: id, mentions: moved });
      return this.requireIncident(id);
    }).immediate();
  }

  async split(id: string, mentionIds: string[], who: string): Promise<IncidentRow> {
    return this.db.transaction(() => {
      this.requireIncident(id);
      const members = this.membersOf(id);
      const taken = new Set(mentionIds);
      const unknown = mentionIds.filter((m) => !members.some((x) => x.id === m));
      if (mentionIds.length === 0 || unknown.length > 0) throw new Error(`vigil: mentions not in ${id}: ${unknown.join(', ') || '(none given)'}`);
      if (taken.size === members.length) throw new Error('vigil: a split must leave at least one mention in the incident');
      const newId = splitIncidentId([...taken]);
      for (const m of members) this.s.pinMention.run(taken.has(m.id) ? newId : id, taken.has(m.id) ? newId : id, m.id);
      this.writeIncident(id, this.membersOf(id).map(toRecord));
      this.writeIncident(newId, this.membersOf(newId).map(toRecord));
      this.log(who, 'split', id, { mentions: [...taken], into: newId });
      this.log(who, 'split', newId, { mentions: [...taken], from: id });
      return this.requireIncident(newId);
    }).immediate();
  }

  async audit(id?: string): Promise<AuditEntry[]> {
    const rows = (id ? this.s.auditOf.all(id) : this.s.auditAll.all()) as AuditDbRow[];
    return rows.map(auditFromRow);
  }

  // ── job queue (QueueStore) ───────────────────────────────────────────────────────────────────

  private get q(): SqliteQueue {
    if (!this.queue) throw new Error('vigil: SQLite store used before migrate()');
    return this.queue;
  }

  enqueue(doc: Document, opts?: { maxAttempts?: number }): Promise<{ jobId: number | null; queued: boolean }> { return this.q.enqueue(doc, opts); }
  claimJob(workerId: string, opts?: { leaseMs?: number }): Promise<ClaimedJob | null> { return this.q.claimJob(workerId, opts); }
  completeJob(id: number): Promise<void> { return this.q.completeJob(id); }
  renewJob(id: number, workerId: string): Promise<boolean> { return this.q.renewJob(id, workerId); }
  failJob(id: number, error: string): Promise<JobState> { return this.q.failJob(id, error); }
  listJobs(opts?: { state?: JobState; limit?: number; offset?: number }): Promise<{ total: number; items: Job[] }> { return this.q.listJobs(opts); }
  retryJobs(ids?: number[]): Promise<number> { return this.q.retryJobs(ids); }
  jobCounts(): Promise<Record<JobState, number>> { return this.q.jobCounts(); }

  // ── export / import (PortableStore) ──────────────────────────────────────────────────────────

  exportAll(tables?: readonly PortableTable[]): AsyncIterable<PortableRecord> {
    return exportRows(async (sql, values) => this.prepared(sql).all(...values) as Record<string, unknown>[], sqliteParams, tables);
  }

  importAll(records: AsyncIterable<PortableRecord> | Iterable<PortableRecord>): Promise<Record<PortableTable, number>> {
    return importRows(records, sqliteParams, async (batch) => {
      this.db.transaction(() => { for (const [sql, values] of batch) this.prepared(sql).run(...values); }).immediate();
    }, (b) => (b ? 1 : 0), this.exportAll(MATCHED_TABLES));
  }
}
