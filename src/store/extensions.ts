// What the stores offer beyond the Store interface: a job queue for extraction workers, and a
// lossless export/import between stores. Both stores implement both.
import type { Document } from '../ingest/document.js';
import type { Store } from './store.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface Job {
  id: number;
  docId: string;
  state: JobState;
  /** Claims so far, the current one included. */
  attempts: number;
  maxAttempts: number;
  worker: string | null;
  error: string | null;
  enqueuedAt: string;
  claimedAt: string | null;
  finishedAt: string | null;
}

/** A claimed job carries the document to extract (dropped from the queue once the job is done). */
export interface ClaimedJob extends Job { document: Document }

export interface QueueStore {
  /** Queues a document for extraction; not again when it is queued or stored already. */
  enqueue(doc: Document, opts?: { maxAttempts?: number }): Promise<{ jobId: number | null; queued: boolean }>;
  /** The oldest queued job (or a running one whose lease ran out), now running for `workerId`. */
  claimJob(workerId: string, opts?: { leaseMs?: number }): Promise<ClaimedJob | null>;
  completeJob(id: number): Promise<void>;
  /** Keeps a claimed job's lease alive while its worker is on it; false when the job is no longer this worker's. */
  renewJob(id: number, workerId: string): Promise<boolean>;
  /** Back to the queue, or `failed` once the job has had its attempts; returns the new state. */
  failJob(id: number, error: string): Promise<JobState>;
  listJobs(opts?: { state?: JobState; limit?: number; offset?: number }): Promise<{ total: number; items: Job[] }>;
  /** Failed jobs (or those given) back to the queue with their attempts reset; returns how many. */
  retryJobs(ids?: number[]): Promise<number>;
  jobCounts(): Promise<Record<JobState, number>>;
}

/** The tables that move between stores, in the order they are exported and imported. */
export const PORTABLE_TABLES = [
  'documents', 'quotes', 'incidents', 'incident_groups', 'mentions', 'evidence', 'overrides', 'audit', 'actors', 'places',
] as const;
export type PortableTable = (typeof PORTABLE_TABLES)[number];

/** One row of one table, with JSON columns parsed and booleans as booleans: one line of a JSONL dump. */
export interface PortableRecord { table: PortableTable; row: Record<string, unknown> }

export interface PortableStore {
  /** Every stored row of every table (or of those given), table by table, in key order; streams (pages of rows), memory stays flat. */
  exportAll(tables?: readonly PortableTable[]): AsyncIterable<PortableRecord>;
  /**
   * Writes records as they are (no re-resolution), in batches; meant for an empty store. Rows already there
   * are left alone, so importing the same export again adds nothing.
   */
  importAll(records: AsyncIterable<PortableRecord> | Iterable<PortableRecord>): Promise<Record<PortableTable, number>>;
}

export type FullStore = Store & QueueStore & PortableStore;

export function isQueueStore(s: Store): s is Store & QueueStore {
  return typeof (s as Partial<QueueStore>).claimJob === 'function';
}

export function isPortableStore(s: Store): s is Store & PortableStore {
  return typeof (s as Partial<PortableStore>).exportAll === 'function';
}
