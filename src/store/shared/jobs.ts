// Job rows → Jobs, shared by both queues.
import type { Document } from '../../ingest/document.js';
import type { ClaimedJob, Job, JobState } from '../extensions.js';

export const DEFAULT_LEASE_MS = 10 * 60 * 1000;
export const DEFAULT_MAX_ATTEMPTS = 3;
export const JOB_COLUMNS = 'id, doc_id, state, attempts, max_attempts, worker, error, enqueued_at, claimed_at, finished_at';

export interface JobDbRow {
  id: number | string; doc_id: string; state: string; attempts: number; max_attempts: number; worker: string | null;
  error: string | null; enqueued_at: string; claimed_at: string | null; finished_at: string | null; document?: string | null;
}

export function jobFromRow(r: JobDbRow): Job {
  return {
    id: Number(r.id), docId: r.doc_id, state: r.state as JobState, attempts: r.attempts, maxAttempts: r.max_attempts,
    worker: r.worker, error: r.error, enqueuedAt: r.enqueued_at, claimedAt: r.claimed_at, finishedAt: r.finished_at,
  };
}

export function claimedFromRow(r: JobDbRow): ClaimedJob {
  if (!r.document) throw new Error(`vigil: job ${r.id} has no document`);
  return { ...jobFromRow(r), document: JSON.parse(r.document) as Document };
}

export function emptyCounts(): Record<JobState, number> {
  return { queued: 0, running: 0, done: 0, failed: 0 };
}
