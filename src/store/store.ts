// One interface, two stores: SQLite (embedded default) and PostgreSQL (teams, many workers).
// Every method is async so that both implementations fit; SQLite's run synchronously inside.
import type { Document } from '../ingest/document.js';
import type { Extraction, Incident, IncidentType, Quote, Status } from '../model.js';
import type { Alternative, HeadlinePolicy, MentionRecord } from '../resolve/contract.js';

export interface IngestOutcome {
  status: 'new' | 'duplicate';
  docId: string;
  /** Incident mentions the document contributed. */
  mentions: number;
  /** Ids of the incidents those mentions now belong to. */
  incidentIds: string[];
}

export interface IncidentFilter {
  from?: string;          // ISO date, inclusive
  to?: string;            // ISO date, inclusive
  country?: string;       // country name or ISO code
  type?: IncidentType;
  status?: Status;
  group?: string;         // perpetrator organization (name or alias as stored)
  minKilled?: number;
  q?: string;             // free text over the incident's fields and its sources' text
  reviewed?: 'accepted' | 'rejected' | 'pending';
  includeRejected?: boolean;
  sort?: 'date' | 'killed' | 'injured' | 'country' | 'type' | 'updated';
  order?: 'asc' | 'desc';
  limit?: number;
  offset?: number;
}

export type ReviewState = 'pending' | 'accepted' | 'rejected';

export interface IncidentRow extends Incident {
  review: ReviewState;
  updatedAt: string;
}

export interface AuditEntry {
  at: string;
  who: string;
  action: 'accept' | 'edit' | 'merge' | 'split' | 'reject' | 'reopen';
  incidentId: string;
  detail: unknown;
}

export interface IncidentDetail {
  incident: IncidentRow;
  mentions: MentionRecord[];
  alternatives: Alternative[];
  audit: AuditEntry[];
  /** The source documents, without their text. */
  documents: DocumentSummary[];
}

export interface DocumentSummary {
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  origin: string;
  format: string;
  ingestedAt: string;
  incidents: number;
}

export interface StoredDocument extends DocumentSummary {
  author: string | null;
  language: string;
  text: string;
  dateline: string | null;
  quotes: Quote[];
  incidentIds: string[];
  mentions: MentionRecord[];
}

export interface SearchHit { docId: string; title: string | null; published: string | null; snippet: string; rank: number }

export interface Stats {
  incidents: number;
  killed: number;
  injured: number;
  byType: { key: string; incidents: number; killed: number }[];
  byCountry: { key: string; incidents: number; killed: number }[];
  byGroup: { key: string; incidents: number; killed: number }[];
  byStatus: { key: string; incidents: number; killed: number }[];
  byMonth: { key: string; incidents: number; killed: number }[];
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies pending migrations; returns how many were applied. */
  migrate(): Promise<number>;
  close(): Promise<void>;

  hasDocument(id: string): Promise<boolean>;
  /** Stores a document with its extraction and resolves its mentions, all in one transaction. */
  ingest(doc: Document, extraction: Extraction, policy?: HeadlinePolicy): Promise<IngestOutcome>;

  getDocument(id: string): Promise<StoredDocument | null>;
  listDocuments(opts?: { limit?: number; offset?: number }): Promise<{ total: number; items: DocumentSummary[] }>;
  search(query: string, limit?: number): Promise<SearchHit[]>;

  listIncidents(filter?: IncidentFilter): Promise<{ total: number; items: IncidentRow[] }>;
  getIncident(id: string): Promise<IncidentDetail | null>;
  stats(filter?: IncidentFilter): Promise<Stats>;
  timeline(filter: IncidentFilter, interval: 'week' | 'month'): Promise<{ period: string; incidents: number; killed: number }[]>;

  // Review: a person's decision is never undone by later ingestion.
  accept(id: string, who: string): Promise<void>;
  reject(id: string, who: string): Promise<void>;
  editField(id: string, field: string, value: unknown, who: string): Promise<IncidentRow>;
  /** Moves every mention of `other` into `id`; returns the surviving incident. */
  merge(id: string, other: string, who: string): Promise<IncidentRow>;
  /** Moves the given mentions out of `id` into a new incident; returns it. */
  split(id: string, mentionIds: string[], who: string): Promise<IncidentRow>;
  audit(id?: string): Promise<AuditEntry[]>;
}
