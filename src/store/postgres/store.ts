// The shared store: PostgreSQL for teams and many workers. Same behaviour as the SQLite store;
// resolution of a block is serialised by transaction-level advisory locks keyed on its country.
import type pg from 'pg';
import type { Document } from '../../ingest/document.js';
import type { Extraction, Incident } from '../../model.js';
import { resolver } from '../../resolve/index.js';
import type { FieldOverride, HeadlinePolicy, MentionRecord } from '../../resolve/contract.js';
import type {
  AuditEntry, DocumentSummary, IncidentDetail, IncidentFilter, IncidentRow, IngestOutcome, SearchHit, Stats,
  Store, StoredDocument,
} from '../store.js';
import { BLOCK_LIMIT, blockCondition, blockKey } from '../shared/block.js';
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
import { createPool, one, params, parseLocation, rows, transaction, type Queryable } from './db.js';
import type { ClaimedJob, Job, JobState, PortableRecord, PortableStore, PortableTable, QueueStore } from '../extensions.js';
import { exportRows, importRows, MATCHED_TABLES } from '../shared/portable.js';
import { migratePostgres } from './migrate.js';
import { PostgresQueue } from './queue.js';

/** The search words as a tsquery text: every term required, as in the SQLite store. */
const tsTerms = (q: string): string | null => ftsQuery(q)?.replace(/"/g, '') ?? null;

const dialect: Dialect = {
  ilike: 'ILIKE',
  matchingDocIds(q, p) {
    const terms = tsTerms(q);
    return terms ? `SELECT d.id FROM documents d WHERE d.tsv @@ plainto_tsquery('english', ${p(terms)})` : null;
  },
};

const DOC_SUMMARY = `d.id, d.title, d.source, d.url, d.published, d.origin, d.format, d.ingested_at,
  (SELECT count(DISTINCT m.incident_id) FROM mentions m WHERE m.doc_id = d.id) AS incidents`;

export class PostgresStore implements Store, QueueStore, PortableStore {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  private readonly schema: string | null;
  private readonly queue: PostgresQueue;

  constructor(url: string) {
    const loc = parseLocation(url);
    this.schema = loc.schema;
    this.pool = createPool(loc);
    this.queue = new PostgresQueue(this.pool);
  }

  migrate(): Promise<number> { return migratePostgres(this.pool, this.schema); }
  async close(): Promise<void> { await this.pool.end(); }

  // ── documents ────────────────────────────────────────────────────────────────────────────────

  async hasDocument(id: string): Promise<boolean> {
    return (await one(this.pool, 'SELECT 1 FROM documents WHERE id = $1', [id])) !== undefined;
  }

  async ingest(doc: Document, extraction: Extraction, policy: HeadlinePolicy = 'latest'): Promise<IngestOutcome> {
    if (extraction.docId !== doc.id) throw new Error(`vigil: extraction of ${extraction.docId} given for document ${doc.id}`);
    const mentions = buildMentions(doc.id, doc.published ?? null, extraction.incidents, mentionId);
    const duplicate: IngestOutcome = { status: 'duplicate', docId: doc.id, mentions: 0, incidentIds: [] };
    try {
      return await transaction(this.pool, async (c) => {
        await this.lockBlocks(c, mentions);
        if (await one(c, 'SELECT 1 FROM documents WHERE id = $1', [doc.id])) return duplicate;
        await this.insertDocument(c, doc, extraction);
        for (const [n, m] of mentions.entries()) await this.insertMention(c, m, n);
        const incidentIds = await this.resolve(c, mentions, policy);
        return { status: 'new' as const, docId: doc.id, mentions: mentions.length, incidentIds };
      });
    } catch (err) {
      // The same document ingested at the same moment by another worker.
      if ((err as { code?: string }).code === '23505' && (err as { constraint?: string }).constraint === 'documents_pkey') return duplicate;
      throw err;
    }
  }

  /**
   * Serialises resolution per block: each country's key exclusively; countryless mentions (which may
   * join any country's incidents) take the shared key exclusively, everyone else takes it shared.
   */
  private async lockBlocks(c: pg.PoolClient, mentions: MentionRecord[]): Promise<void> {
    const keys = [...new Set(mentions.map((m) => blockKey(resolver.window(m.incident))))].sort();
    const everywhere = keys.includes('cc:*');
    await c.query(`SELECT ${everywhere ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared'}(hashtextextended('vigil:block:cc:*', 0))`);
    for (const k of keys) if (k !== 'cc:*') await c.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, ['vigil:block:' + k]);
  }

  private async insertDocument(c: pg.PoolClient, doc: Document, extraction: Extraction): Promise<void> {
    await c.query(`INSERT INTO documents (id, title, source, url, author, published, language, text, origin, format, dateline, ingested_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [doc.id, doc.title ?? null, doc.source ?? null, doc.url ?? null, doc.author ?? null, doc.published ?? null, doc.language,
      doc.text, doc.origin, doc.format, doc.dateline ?? null, nowIso()]);
    for (const [n, q] of extraction.quotes.entries()) {
      await c.query(`INSERT INTO quotes (doc_id, n, speaker, role, affiliation, text, start, "end") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [doc.id, n, q.speaker ?? null, q.role ?? null, q.affiliation ?? null, q.text, q.start, q.end]);
    }
  }

  private async insertMention(c: pg.PoolClient, m: MentionRecord, n: number): Promise<void> {
    checkIncident(m.incident, m.id);
    const col = mentionColumns(m.incident);
    await c.query(`INSERT INTO mentions (id, doc_id, n, published, data, country_code, date_from, date_to, background)
      VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)`,
    [m.id, m.docId, n, m.published, JSON.stringify(m.incident), col.countryCode, col.dateFrom, col.dateTo, col.background]);
    await this.writeEvidence(c, m.id, 'mention', m.incident);
    for (const p of m.incident.perpetrators ?? []) {
      if (!p.name) continue;
      await c.query(`INSERT INTO actors (name, actor_id, kind, seen) VALUES ($1, $2, $3, 1)
        ON CONFLICT (name) DO UPDATE SET seen = actors.seen + 1, actor_id = coalesce(actors.actor_id, excluded.actor_id)`,
      [p.name, p.actorId ?? null, p.kind]);
    }
    const l = m.incident.location;
    if (l && (l.place || l.admin1 || l.country || l.countryCode)) {
      await c.query(`INSERT INTO places (key, country, country_code, admin1, place, lat, lon, seen) VALUES ($1, $2, $3, $4, $5, $6, $7, 1)
        ON CONFLICT (key) DO UPDATE SET seen = places.seen + 1, lat = coalesce(places.lat, excluded.lat), lon = coalesce(places.lon, excluded.lon)`,
      [[l.countryCode ?? '', l.admin1 ?? '', l.place ?? ''].join('|'), l.country ?? null, l.countryCode ?? null, l.admin1 ?? null,
        l.place ?? null, l.lat ?? null, l.lon ?? null]);
    }
  }

  private async writeEvidence(c: Queryable, ownerId: string, kind: 'incident' | 'mention', inc: Incident): Promise<void> {
    await c.query('DELETE FROM evidence WHERE owner_id = $1', [ownerId]);
    const ev = inc.evidence ?? [];
    if (ev.length === 0) return;
    const { values, p } = params();
    const tuples = ev.map((e) => `(${p(ownerId)}, ${p(kind)}, ${p(e.field)}, ${p(e.doc)}, ${p(e.value ?? null)}, ${p(e.start)}, ${p(e.end)}, ${p(e.text)})`);
    await c.query(`INSERT INTO evidence (owner_id, owner_kind, field, doc_id, value, start, "end", text) VALUES ${tuples.join(', ')}`, values);
  }

  // ── resolution (inside the ingest transaction, under the block locks) ────────────────────────

  private async resolve(c: pg.PoolClient, fresh: MentionRecord[], policy: HeadlinePolicy): Promise<string[]> {
    if (fresh.length === 0) return [];
    const block = new Map<string, StoredMention>();
    const add = (rs: MentionDbRow[]) => { for (const r of rs) if (!block.has(r.id)) block.set(r.id, mentionFromRow(r)); };
    for (const m of fresh) {
      const { values, p } = params();
      const cond = blockCondition(resolver.window(m.incident), p);
      add(await rows<MentionDbRow>(c, `SELECT * FROM mentions m WHERE ${cond} ORDER BY m.id LIMIT ${BLOCK_LIMIT} FOR UPDATE OF m`, values));
    }
    for (const m of fresh) if (!block.has(m.id)) block.set(m.id, { ...m, incidentId: null });
    const owners = new Set<string>();
    for (const m of block.values()) { if (m.incidentId) owners.add(m.incidentId); if (m.pinnedIncident) owners.add(m.pinnedIncident); }
    if (owners.size > 0) {
      add(await rows<MentionDbRow>(c, `SELECT * FROM mentions WHERE incident_id = ANY($1) OR pinned_incident = ANY($1) ORDER BY id FOR UPDATE`, [[...owners]]));
    }
    const { members, clusters } = resolveBlock(fresh, [...block.values()], resolver);
    const plan = planResolution(members, clusters);
    for (const [id, incidentId] of plan.assign) {
      if (block.get(id)!.incidentId !== incidentId) await c.query('UPDATE mentions SET incident_id = $1 WHERE id = $2', [incidentId, id]);
    }
    for (const id of plan.removed) await this.deleteIncident(c, id);
    for (const inc of plan.incidents) {
      const before = members.filter((m) => m.incidentId === inc.id).map((m) => m.id).sort().join();
      const after = inc.members.map((m) => m.id).sort().join();
      if (before !== after || !(await one(c, 'SELECT 1 FROM incidents WHERE id = $1', [inc.id]))) {
        await this.writeIncident(c, inc.id, inc.members, policy);
      }
    }
    return [...new Set(fresh.map((m) => plan.assign.get(m.id)).filter((id): id is string => !!id))];
  }

  private async writeIncident(c: pg.PoolClient, id: string, members: MentionRecord[], policy: HeadlinePolicy = 'latest'): Promise<void> {
    const overrides = (await rows<{ field: string; value: string }>(c, 'SELECT field, value FROM overrides WHERE incident_id = $1 ORDER BY field', [id]))
      .map((o): FieldOverride => ({ field: o.field as keyof Incident, value: JSON.parse(o.value) }));
    const { incident: headline, alternatives } = resolver.headline(id, members, policy, overrides);
    const inc: Incident = { ...headline, id };
    const col = incidentColumns(inc);
    const now = nowIso();
    await c.query(`INSERT INTO incidents (id, data, alternatives, date_from, date_to, country, country_code, type, status,
        killed, injured, search_text, mentions, created_at, updated_at)
      VALUES ($1, $2::jsonb, $3::jsonb, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
      ON CONFLICT (id) DO UPDATE SET data = excluded.data, alternatives = excluded.alternatives,
        date_from = excluded.date_from, date_to = excluded.date_to, country = excluded.country,
        country_code = excluded.country_code, type = excluded.type, status = excluded.status,
        killed = excluded.killed, injured = excluded.injured, search_text = excluded.search_text,
        mentions = excluded.mentions, updated_at = excluded.updated_at`,
    [id, JSON.stringify(inc), JSON.stringify(alternatives), col.dateFrom, col.dateTo, col.country, col.countryCode, col.type,
      col.status, col.killed, col.injured, col.searchText, members.length, now]);
    await c.query('DELETE FROM incident_groups WHERE incident_id = $1', [id]);
    for (const g of col.groups) {
      await c.query('INSERT INTO incident_groups (incident_id, name, actor_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [id, g.name, g.actorId]);
    }
    await this.writeEvidence(c, id, 'incident', inc);
  }

  private async deleteIncident(c: pg.PoolClient, id: string): Promise<void> {
    await c.query('DELETE FROM incidents WHERE id = $1', [id]);
    await c.query('DELETE FROM evidence WHERE owner_id = $1', [id]);
  }

  private async membersOf(db: Queryable, id: string): Promise<StoredMention[]> {
    return (await rows<MentionDbRow>(db, 'SELECT * FROM mentions WHERE incident_id = $1 OR pinned_incident = $1 ORDER BY id', [id])).map(mentionFromRow);
  }

  // ── reading ──────────────────────────────────────────────────────────────────────────────────

  async getDocument(id: string): Promise<StoredDocument | null> {
    const r = await one<Required<DocumentDbRow>>(this.pool, `SELECT ${DOC_SUMMARY}, d.author, d.language, d.text, d.dateline
      FROM documents d WHERE d.id = $1`, [id]);
    if (!r) return null;
    const mentions = (await rows<MentionDbRow>(this.pool, 'SELECT * FROM mentions WHERE doc_id = $1 ORDER BY n', [id])).map(mentionFromRow);
    const quotes = await rows<QuoteDbRow>(this.pool, 'SELECT * FROM quotes WHERE doc_id = $1 ORDER BY n', [id]);
    return {
      ...documentSummaryFromRow(r), author: r.author, language: r.language, text: r.text, dateline: r.dateline,
      quotes: quotes.map(quoteFromRow),
      incidentIds: [...new Set(mentions.map((m) => m.incidentId).filter((x): x is string => !!x))],
      mentions: mentions.map(toRecord),
    };
  }

  async listDocuments(opts: { limit?: number; offset?: number } = {}): Promise<{ total: number; items: DocumentSummary[] }> {
    const { limit, offset } = paging(opts);
    const total = (await one<{ n: number }>(this.pool, 'SELECT count(*) AS n FROM documents'))!.n;
    const items = await rows<DocumentDbRow>(this.pool,
      `SELECT ${DOC_SUMMARY} FROM documents d ORDER BY d.ingested_at DESC, d.seq DESC LIMIT $1 OFFSET $2`, [limit, offset]);
    return { total, items: items.map(documentSummaryFromRow) };
  }

  async search(query: string, limit = 20): Promise<SearchHit[]> {
    const terms = tsTerms(query);
    if (!terms) return [];
    const rs = await rows<{ doc_id: string; title: string | null; published: string | null; snippet: string; rank: number }>(this.pool,
      `SELECT d.id AS doc_id, d.title, d.published, hit.rank,
         ts_headline('english', d.text, hit.q, 'StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=…') AS snippet
       FROM (SELECT d.id, q, ts_rank(d.tsv, q) AS rank
             FROM documents d, plainto_tsquery('english', $1) q WHERE d.tsv @@ q ORDER BY rank DESC, d.id LIMIT $2) hit
       JOIN documents d ON d.id = hit.id ORDER BY hit.rank DESC, d.id`, [terms, paging({ limit }).limit]);
    return rs.map((r) => ({ docId: r.doc_id, title: r.title, published: r.published, snippet: r.snippet, rank: r.rank }));
  }

  private where(filter: IncidentFilter, o: WhereOptions = {}): { sql: string; values: unknown[]; p: (v: unknown) => string } {
    const ps = params();
    return { sql: whereClause(filter, dialect, ps.p, o), ...ps };
  }

  async listIncidents(filter: IncidentFilter = {}): Promise<{ total: number; items: IncidentRow[] }> {
    const { sql, values, p } = this.where(filter);
    const total = (await one<{ n: number }>(this.pool, `SELECT count(*) AS n FROM incidents i ${sql}`, values))!.n;
    const { limit, offset } = paging(filter);
    // The filter, sort and paging over the indexes; only the page's rows are read.
    const rs = await rows<IncidentDbRow>(this.pool, pageQuery(sql, filter, 'i.id', p(limit), p(offset)), values);
    return { total, items: rs.map(incidentFromRow) };
  }

  async getIncident(id: string): Promise<IncidentDetail | null> {
    const r = await one<IncidentDbRow>(this.pool, 'SELECT * FROM incidents WHERE id = $1', [id]);
    if (!r) return null;
    const mentions = await this.membersOf(this.pool, id);
    const docIds = [...new Set(mentions.map((m) => m.docId))];
    const docs = await rows<DocumentDbRow>(this.pool, `SELECT ${DOC_SUMMARY} FROM documents d WHERE d.id = ANY($1) ORDER BY d.published, d.id`, [docIds]);
    return {
      incident: incidentFromRow(r),
      mentions: mentions.map(toRecord),
      alternatives: alternativesFromRow(r),
      audit: await this.audit(id),
      documents: docs.map(documentSummaryFromRow),
    };
  }

  async stats(filter: IncidentFilter = {}): Promise<Stats> {
    const { sql, values } = this.where(filter);
    const tot = (await one<{ n: number; k: number; w: number }>(this.pool,
      `SELECT count(*) AS n, coalesce(sum(i.killed), 0) AS k, coalesce(sum(i.injured), 0) AS w FROM incidents i ${sql}`, values))!;
    // count(*): an incident appears once per key, also per group ((incident_id, name) is the key of incident_groups).
    const by = async (key: string, from = 'incidents i', extra = '', w = { sql, values }, killed = 'i.killed'): Promise<Stats['byType']> =>
      (await rows<{ key: string | null; incidents: number; killed: number }>(this.pool,
        `SELECT ${key} AS key, count(*) AS incidents, coalesce(sum(${killed}), 0) AS killed
         FROM ${from} ${w.sql} ${extra} GROUP BY 1 ORDER BY incidents DESC, key`, w.values))
        .map((g) => ({ key: g.key ?? 'unknown', incidents: g.incidents, killed: g.killed }));
    // Filters on type, status, country and review only: the group rows carry those values themselves.
    const byGroup = rollupFilter(filter)
      ? by('g.name', 'incident_groups g', '', this.where(filter, { alias: 'g' }), 'g.killed')
      : by('g.name', 'incidents i JOIN incident_groups g ON g.incident_id = i.id');
    return {
      incidents: tot.n, killed: tot.k, injured: tot.w,
      byType: await by('i.type'),
      byCountry: await by("coalesce(i.country, i.country_code, 'unknown')"),
      byGroup: await byGroup,
      byStatus: await by('i.status'),
      byMonth: (await by('i.month', 'incidents i', sql ? 'AND i.month IS NOT NULL' : 'WHERE i.month IS NOT NULL'))
        .sort((a, b) => a.key.localeCompare(b.key)),
    };
  }

  async timeline(filter: IncidentFilter, interval: 'week' | 'month'): Promise<{ period: string; incidents: number; killed: number }[]> {
    const { sql, values } = this.where(filter);
    const period = interval === 'week' ? `to_char(date_trunc('week', i.date_from::date), 'YYYY-MM-DD')` : 'substr(i.date_from, 1, 7)';
    return rows(this.pool, `SELECT ${period} AS period, count(*) AS incidents, coalesce(sum(i.killed), 0) AS killed
      FROM incidents i ${sql} ${sql ? 'AND' : 'WHERE'} i.date_from IS NOT NULL GROUP BY 1 ORDER BY 1`, values);
  }

  // ── review ───────────────────────────────────────────────────────────────────────────────────

  private async requireIncident(c: Queryable, id: string, lock = false): Promise<IncidentRow> {
    const r = await one<IncidentDbRow>(c, `SELECT id, data, review, updated_at FROM incidents WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!r) throw new NotFoundError('incident', id);
    return incidentFromRow(r);
  }

  private async log(c: Queryable, who: string, action: AuditEntry['action'], incidentId: string, detail: unknown): Promise<void> {
    await c.query('INSERT INTO audit (at, who, action, incident_id, detail) VALUES ($1, $2, $3, $4, $5::jsonb)',
      [nowIso(), who, action, incidentId, JSON.stringify(detail ?? null)]);
  }

  private pinUnpinned(c: Queryable, id: string): Promise<unknown> {
    return c.query('UPDATE mentions SET pinned_incident = incident_id WHERE incident_id = $1 AND pinned_incident IS NULL', [id]);
  }

  private pin(c: Queryable, mentionId: string, incidentId: string): Promise<unknown> {
    return c.query('UPDATE mentions SET pinned_incident = $1, incident_id = $1 WHERE id = $2', [incidentId, mentionId]);
  }

  /** Review actions lock the incident's block like ingestion does, so that both never interleave. */
  private async lockIncident(c: pg.PoolClient, id: string): Promise<void> {
    const members = await this.membersOf(c, id);
    await this.lockBlocks(c, members);
  }

  private async setReview(id: string, review: 'accepted' | 'rejected', who: string): Promise<void> {
    await transaction(this.pool, async (c) => {
      await this.lockIncident(c, id);
      const before = await this.requireIncident(c, id, true);
      await this.pinUnpinned(c, id);
      await c.query('UPDATE incidents SET review = $1, updated_at = $2 WHERE id = $3', [review, nowIso(), id]);
      await this.log(c, who, review === 'accepted' ? 'accept' : 'reject', id, { from: before.review, to: review });
    });
  }

  accept(id: string, who: string): Promise<void> { return this.setReview(id, 'accepted', who); }
  reject(id: string, who: string): Promise<void> { return this.setReview(id, 'rejected', who); }

  async editField(id: string, field: string, raw: unknown, who: string): Promise<IncidentRow> {
    const { key, value } = checkEdit(field, raw);
    return transaction(this.pool, async (c) => {
      await this.lockIncident(c, id);
      const before = await this.requireIncident(c, id, true);
      await c.query(`INSERT INTO overrides (incident_id, field, value, who, at) VALUES ($1, $2, $3::jsonb, $4, $5)
        ON CONFLICT (incident_id, field) DO UPDATE SET value = excluded.value, who = excluded.who, at = excluded.at`,
      [id, key, JSON.stringify(value ?? null), who, nowIso()]);
      await this.pinUnpinned(c, id);
      await this.writeIncident(c, id, (await this.membersOf(c, id)).map(toRecord));
      await this.log(c, who, 'edit', id, { field: key, old: before[key] ?? null, new: value ?? null });
      return this.requireIncident(c, id);
    });
  }

  async merge(id: string, other: string, who: string): Promise<IncidentRow> {
    if (id === other) throw new Error('vigil: cannot merge an incident with itself');
    return transaction(this.pool, async (c) => {
      await this.lockBlocks(c, [...await this.membersOf(c, id), ...await this.membersOf(c, other)]);
      await this.requireIncident(c, id, true);
      await this.requireIncident(c, other, true);
      const moved = (await this.membersOf(c, other)).map((m) => m.id);
      for (const m of [...await this.membersOf(c, id), ...await this.membersOf(c, other)]) await this.pin(c, m.id, id);
      await this.deleteIncident(c, other);
      await c.query('DELETE FROM overrides WHERE incident_id = $1', [other]);
      await this.writeIncident(c, id, (await this.membersOf(c, id)).map(toRecord));
      await this.log(c, who, 'merge', id, { merged: other, mentions: moved });
      await this.log(c, who, 'merge', other, { into: id, mentions: moved });
      return this.requireIncident(c, id);
    });
  }

  async split(id: string, mentionIds: string[], who: string): Promise<IncidentRow> {
    return transaction(this.pool, async (c) => {
      await this.lockIncident(c, id);
      await this.requireIncident(c, id, true);
      const members = await this.membersOf(c, id);
      const taken = new Set(mentionIds);
      const unknown = mentionIds.filter((m) => !members.some((x) => x.id === m));
      if (mentionIds.length === 0 || unknown.length > 0) throw new Error(`vigil: mentions not in ${id}: ${unknown.join(', ') || '(none given)'}`);
      if (taken.size === members.length) throw new Error('vigil: a split must leave at least one mention in the incident');
      const newId = splitIncidentId([...taken]);
      for (const m of members) await this.pin(c, m.id, taken.has(m.id) ? newId : id);
      await this.writeIncident(c, id, (await this.membersOf(c, id)).map(toRecord));
      await this.writeIncident(c, newId, (await this.membersOf(c, newId)).map(toRecord));
      await this.log(c, who, 'split', id, { mentions: [...taken], into: newId });
      await this.log(c, who, 'split', newId, { mentions: [...taken], from: id });
      return this.requireIncident(c, newId);
    });
  }

  async audit(id?: string): Promise<AuditEntry[]> {
    const rs = id
      ? await rows<AuditDbRow>(this.pool, 'SELECT * FROM audit WHERE incident_id = $1 ORDER BY id', [id])
      : await rows<AuditDbRow>(this.pool, 'SELECT * FROM audit ORDER BY id');
    return rs.map(auditFromRow);
  }

  // ── job queue (QueueStore) ───────────────────────────────────────────────────────────────────

  enqueue(doc: Document, opts?: { maxAttempts?: number }): Promise<{ jobId: number | null; queued: boolean }> { return this.queue.enqueue(doc, opts); }
  claimJob(workerId: string, opts?: { leaseMs?: number }): Promise<ClaimedJob | null> { return this.queue.claimJob(workerId, opts); }
  completeJob(id: number): Promise<void> { return this.queue.completeJob(id); }
  renewJob(id: number, workerId: string): Promise<boolean> { return this.queue.renewJob(id, workerId); }
  failJob(id: number, error: string): Promise<JobState> { return this.queue.failJob(id, error); }
  listJobs(opts?: { state?: JobState; limit?: number; offset?: number }): Promise<{ total: number; items: Job[] }> { return this.queue.listJobs(opts); }
  retryJobs(ids?: number[]): Promise<number> { return this.queue.retryJobs(ids); }
  jobCounts(): Promise<Record<JobState, number>> { return this.queue.jobCounts(); }

  // ── export / import (PortableStore) ──────────────────────────────────────────────────────────

  /** Reads one consistent snapshot (REPEATABLE READ) while other workers keep writing. */
  async *exportAll(tables?: readonly PortableTable[]): AsyncIterable<PortableRecord> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      yield* exportRows(async (sql, values) => (await c.query(sql, values)).rows as Record<string, unknown>[], params, tables);
      await c.query('COMMIT');
    } finally {
      await c.query('ROLLBACK').catch(() => undefined);
      c.release();
    }
  }

  importAll(records: AsyncIterable<PortableRecord> | Iterable<PortableRecord>): Promise<Record<PortableTable, number>> {
    return importRows(records, params, (batch) => transaction(this.pool, async (c) => {
      for (const [sql, values] of batch) await c.query(sql, values);
    }), (b) => b, this.exportAll(MATCHED_TABLES));
  }
}
