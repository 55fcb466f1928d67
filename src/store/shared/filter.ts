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

/** How a store resolved the country filter against its data (see whereClause). */
export interface CountryMatch {
  /** Some incident has country_code = upper(country). */
  code: boolean;
  /** The stored country names equal to the filter ignoring case (lower(country) = lower(filter)). */
  names: string[];
}

export interface WhereOptions {
  /** The alias of the table the condition is over (default `i`): incidents, or a roll-up with the same columns. */
  alias?: string;
  /**
   * The country filter resolved first: `country_code = X OR lower(country) = x` becomes the same set written
   * as index lookups (`country_code = X`, `country IN (names)`), so that it can use covering indexes.
   */
  country?: CountryMatch;
  /**
   * SQLite: test the group filter's ids while walking the sort or covering index (`+i.id IN (…)`) rather than
   * looking every id up (which reads each row for its review and sort key).
   */
  groupByScan?: boolean;
  /**
   * With a group filter, test the review on the group rows' copy of it (incident_groups.review, kept equal to
   * the incident's by triggers) inside the group subquery, so that the ids need no row reads.
   */
  groupReview?: boolean;
}

export function whereClause(f: IncidentFilter, d: Dialect, p: Param, o: WhereOptions = {}): string {
  const a = o.alias ?? 'i';
  const w: string[] = [];
  if (f.from) w.push(`${a}.date_to >= ${p(f.from.slice(0, 10))}`);
  if (f.to) w.push(`${a}.date_from <= ${p(f.to.slice(0, 10))}`);
  if (f.country) w.push(countryCondition(f.country, a, p, o.country));
  if (f.type) w.push(`${a}.type = ${p(f.type)}`);
  if (f.status) w.push(`${a}.status = ${p(f.status)}`);
  // Placeholders are pushed in the order they appear in the SQL text ('?' in SQLite).
  const r = f.group && o.groupReview ? 'g' : a;
  const review = (): string[] => [
    ...(f.reviewed ? [`${r}.review = ${p(f.reviewed)}`] : []),
    ...(!f.includeRejected && f.reviewed !== 'rejected' ? [`${r}.review <> 'rejected'`] : []),
  ];
  if (f.group) {
    const names = `(lower(g.name) = ${p(f.group.toLowerCase())} OR g.actor_id = ${p(f.group)})`;
    const cond = r === 'g' ? [names, ...review()].join(' AND ') : names;
    w.push(`${o.groupByScan ? '+' : ''}${a}.id IN (SELECT g.incident_id FROM incident_groups g WHERE ${cond})`);
  }
  if (f.minKilled != null) w.push(`${a}.killed >= ${p(f.minKilled)}`);
  if (f.q && f.q.trim()) {
    const like = `${a}.search_text ${d.ilike} ${p('%' + escapeLike(f.q.trim().toLowerCase()) + '%')} ESCAPE '\\'`;
    const docs = d.matchingDocIds(f.q, p);
    w.push(docs ? `(${like} OR ${a}.id IN (SELECT mq.incident_id FROM mentions mq WHERE mq.doc_id IN (${docs})))` : like);
  }
  if (r === a) w.push(...review());
  return w.length ? 'WHERE ' + w.join(' AND ') : '';
}

function countryCondition(country: string, a: string, p: Param, m: CountryMatch | undefined): string {
  if (!m) return `(${a}.country_code = ${p(country.toUpperCase())} OR lower(${a}.country) = ${p(country.toLowerCase())})`;
  const parts: string[] = [];
  if (m.code || m.names.length === 0) parts.push(`${a}.country_code = ${p(country.toUpperCase())}`);
  if (m.names.length > 0) parts.push(`${a}.country IN (${m.names.map((n) => p(n)).join(', ')})`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

/**
 * True when the filter is on type, status, country and review only: what the statistics roll-ups
 * (counts per type, status, country, country code, month and review) can answer exactly.
 */
export function rollupFilter(f: IncidentFilter): boolean {
  return !f.from && !f.to && !f.group && f.minKilled == null && !(f.q && f.q.trim());
}

/**
 * One page of incidents: the filter, the sort and the paging run over the indexes (selecting only `key`,
 * the row key), and only the page's rows are read. `limit` and `offset` are placeholders.
 */
export function pageQuery(where: string, f: IncidentFilter, key: string, limit: string, offset: string): string {
  const order = orderClause(f);
  return `SELECT i.id, i.data, i.review, i.updated_at FROM incidents i
    WHERE ${key} IN (SELECT ${key} FROM incidents i ${where} ${order} LIMIT ${limit} OFFSET ${offset}) ${order}`;
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
