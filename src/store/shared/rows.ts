// Database rows → the Store's objects. Both stores use the same column names.
import type { Incident, Quote } from '../../model.js';
import type { Alternative } from '../../resolve/contract.js';
import type { AuditEntry, DocumentSummary, IncidentRow, ReviewState } from '../store.js';
import type { StoredMention } from './plan.js';

export interface IncidentDbRow { id: string; data: string | object; review: string; updated_at: string | Date; alternatives?: string | object }
export interface MentionDbRow {
  id: string; doc_id: string; published: string | null; data: string | object;
  incident_id: string | null; pinned_incident: string | null;
}
export interface DocumentDbRow {
  id: string; title: string | null; source: string | null; url: string | null; published: string | null;
  origin: string; format: string; ingested_at: string | Date; incidents: number | string;
  author?: string | null; language?: string; text?: string; dateline?: string | null;
}
export interface QuoteDbRow { speaker: string | null; role: string | null; affiliation: string | null; text: string; start: number; end: number }
export interface AuditDbRow { at: string | Date; who: string; action: string; incident_id: string; detail: string | object }

const json = <T>(v: string | object): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const iso = (v: string | Date): string => (v instanceof Date ? v.toISOString() : v);

export function incidentFromRow(r: IncidentDbRow): IncidentRow {
  return { ...json<Incident>(r.data), id: r.id, review: r.review as ReviewState, updatedAt: iso(r.updated_at) };
}

export function alternativesFromRow(r: IncidentDbRow): Alternative[] {
  return r.alternatives == null ? [] : json<Alternative[]>(r.alternatives);
}

export function mentionFromRow(r: MentionDbRow): StoredMention {
  return {
    id: r.id, docId: r.doc_id, published: r.published, incident: json<Incident>(r.data),
    pinnedIncident: r.pinned_incident, incidentId: r.incident_id,
  };
}

export function documentSummaryFromRow(r: DocumentDbRow): DocumentSummary {
  return {
    id: r.id, title: r.title, source: r.source, url: r.url, published: r.published, origin: r.origin,
    format: r.format, ingestedAt: iso(r.ingested_at), incidents: Number(r.incidents),
  };
}

export function quoteFromRow(r: QuoteDbRow): Quote {
  return { speaker: r.speaker, role: r.role, affiliation: r.affiliation, text: r.text, start: r.start, end: r.end };
}

export function auditFromRow(r: AuditDbRow): AuditEntry {
  return { at: iso(r.at), who: r.who, action: r.action as AuditEntry['action'], incidentId: r.incident_id, detail: json<unknown>(r.detail) };
}
