// IncidentFilter → SQL WHERE and ORDER BY over `incidents i`, for either dialect.
import type { IncidentFilter } from '../store.js';
import type { Param } from './block.js';

export interface Dialect {
  /** Case-insensitive LIKE. */
  ilike: string;
  /** A subquery selecting the ids of documents whose text matches `q`, or null when q has no terms. */
  matchingDocIds(q: string, p: Param): string | null;
}

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 10000;

export function whereClause(f: IncidentFilter, d: Dialect, p: Param): string {
  const w: string[] = [];
  if (f.from) w.push(`i.date_to >= ${p(f.from.slice(0, 10))}`);
  if (f.to) w.push(`i.date_from <= ${p(f.to.slice(0, 10))}`);
  if (f.country) w.push(`(i.country_code = ${p(f.country.toUpperCase())} OR lower(i.country) = ${p(f.country.toLowerCase())})`);
  if (f.type) w.push(`i.type = ${p(f.type)}`);
  if (f.status) w.push(`i.status = ${p(f.status)}`);
  if (f.group) {
    w.push(`i.id IN (SELECT g.incident_id FROM incident_groups g WHERE lower(g.name) = ${p(f.group.toLowerCase())} OR g.actor_id = ${p(f.group)})`);
  }
  if (f.minKilled != null) w.push(`i.killed >= ${p(f.minKilled)}`);
  if (f.q && f.q.trim()) {
    const like = `i.search_text ${d.ilike} ${p('%' + escapeLike(f.q.trim().toLowerCase()) + '%')} ESCAPE '\\'`;
    const docs = d.matchingDocIds(f.q, p);
    w.push(docs ? `(${like} OR i.id IN (SELECT mq.incident_id FROM mentions mq WHERE mq.doc_id IN (${docs})))` : like);
  }
  if (f.reviewed) w.push(`i.review = ${p(f.reviewed)}`);
  if (!f.includeRejected && f.reviewed !== 'rejected') w.push(`i.review <> 'rejected'`);
  return w.length ? 'WHERE ' + w.join(' AND ') : '';
}

const SORT_COLUMNS: Record<NonNullable<IncidentFilter['sort']>, string> = {
  date: 'i.date_from', killed: 'i.killed', injured: 'i.injured', country: 'i.country',
  type: 'i.type', updated: 'i.updated_at',
};

export function orderClause(f: IncidentFilter): string {
  const col = SORT_COLUMNS[f.sort ?? 'date'] ?? SORT_COLUMNS.date;
  const dir = (f.order ?? (f.sort === 'country' || f.sort === 'type' ? 'asc' : 'desc')) === 'asc' ? 'ASC' : 'DESC';
  return `ORDER BY ${col} ${dir} NULLS LAST, i.id ${dir}`;
}

export function paging(f: { limit?: number; offset?: number }): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Math.trunc(f.limit ?? DEFAULT_LIMIT), 0), MAX_LIMIT);
  const offset = Math.max(Math.trunc(f.offset ?? 0), 0);
  return { limit, offset };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** A user's search words as an FTS5 query: each term quoted, all required. Null when none. */
export function ftsQuery(q: string): string | null {
  const terms = q.match(/[\p{L}\p{N}_]+/gu);
  if (!terms || terms.length === 0) return null;
  return terms.map((t) => `"${t}"`).join(' ');
}
