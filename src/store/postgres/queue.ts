// The extraction queue on PostgreSQL: workers on any machine claim with FOR UPDATE SKIP LOCKED.
import type pg from 'pg';
import type { Document } from '../../ingest/document.js';
import type { ClaimedJob, Job, JobState, QueueStore } from '../extensions.js';
import { nowIso } from '../shared/dates.js';
import { paging } from '../shared/filter.js';
import { claimedFromRow, DEFAULT_LEASE_MS, DEFAULT_MAX_ATTEMPTS, emptyCounts, JOB_COLUMNS, jobFromRow, type JobDbRow } from '../shared/jobs.js';
import { one, rows } from './db.js';

export class PostgresQueue implements QueueStore {
  constructor(private readonly pool: pg.Pool) {}

  async enqueue(doc: Document, opts: { maxAttempts?: number } = {}): Promise<{ jobId: number | null; queued: boolean }> {
    if (await one(this.pool, 'SELECT 1 FROM documents WHERE id = $1', [doc.id])) return { jobId: null, queued: false };
    const inserted = await one<{ id: number }>(this.pool, `INSERT INTO jobs (doc_id, document, max_attempts, enqueued_at)
      VALUES ($1, $2::jsonb, $3, $4) ON CONFLICT (doc_id) DO NOTHING RETURNING id`,
    [doc.id, JSON.stringify(doc), opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, nowIso()]);
    if (inserted) return { jobId: Number(inserted.id), queued: true };
    const existing = await one<{ id: number }>(this.pool, 'SELECT id FROM jobs WHERE doc_id = $1', [doc.id]);
    return { jobId: existing ? Number(existing.id) : null, queued: false };
  }

  async renewJob(id: number, workerId: string): Promise<boolean> {
    const r = await this.pool.query(`UPDATE jobs SET claimed_at = $1 WHERE id = $2 AND worker = $3 AND state = 'running'`, [nowIso(), id, workerId]);
    return r.rowCount === 1;
  }

  async claimJob(workerId: string, opts: { leaseMs?: number } = {}): Promise<ClaimedJob | null> {
    const now = nowIso();
    const cutoff = new Date(Date.now() - (opts.leaseMs ?? DEFAULT_LEASE_MS)).toISOString();
    await this.pool.query(`UPDATE jobs SET state = 'failed', error = coalesce(error, 'lease expired'), finished_at = $1
      WHERE state = 'running' AND claimed_at < $2 AND attempts >= max_attempts`, [now, cutoff]);
    const r = await one<JobDbRow>(this.pool, `UPDATE jobs SET state = 'running', attempts = attempts + 1, worker = $1, claimed_at = $2, error = NULL
      WHERE id = (SELECT id FROM jobs WHERE state = 'queued' OR (state = 'running' AND claimed_at < $3)
                  ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING ${JOB_COLUMNS}, document::text AS document`, [workerId, now, cutoff]);
    return r ? claimedFromRow(r) : null;
  }

  async completeJob(id: number): Promise<void> {
    await this.pool.query(`UPDATE jobs SET state = 'done', document = NULL, error = NULL, finished_at = $1 WHERE id = $2`, [nowIso(), id]);
  }

  async failJob(id: number, error: string): Promise<JobState> {
    const r = await one<{ state: JobState }>(this.pool, `UPDATE jobs
      SET state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END, error = $1, worker = NULL,
          finished_at = CASE WHEN attempts >= max_attempts THEN $2 ELSE NULL END
      WHERE id = $3 RETURNING state`, [error, nowIso(), id]);
    if (!r) throw new Error(`vigil: job ${id} not found`);
    return r.state;
  }

  async listJobs(opts: { state?: JobState; limit?: number; offset?: number } = {}): Promise<{ total: number; items: Job[] }> {
    const { limit, offset } = paging(opts);
    const where = opts.state ? 'WHERE state = $1' : '';
    const args: unknown[] = opts.state ? [opts.state] : [];
    const total = (await one<{ n: number }>(this.pool, `SELECT count(*) AS n FROM jobs ${where}`, args))!.n;
    const n = args.length;
    const rs = await rows<JobDbRow>(this.pool, `SELECT ${JOB_COLUMNS} FROM jobs ${where} ORDER BY id LIMIT $${n + 1} OFFSET $${n + 2}`, [...args, limit, offset]);
    return { total, items: rs.map(jobFromRow) };
  }

  async retryJobs(ids?: number[]): Promise<number> {
    const r = await this.pool.query(`UPDATE jobs SET state = 'queued', attempts = 0, error = NULL, worker = NULL, finished_at = NULL
      WHERE state = 'failed'${ids ? ' AND id = ANY($1)' : ''}`, ids ? [ids] : []);
    return r.rowCount ?? 0;
  }

  async jobCounts(): Promise<Record<JobState, number>> {
    const counts = emptyCounts();
    for (const r of await rows<{ state: JobState; n: number }>(this.pool, 'SELECT state, count(*) AS n FROM jobs GROUP BY state')) counts[r.state] = r.n;
    return counts;
  }
}
