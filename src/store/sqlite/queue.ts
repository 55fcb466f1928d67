// The extraction queue on SQLite: a claim is one IMMEDIATE transaction, so two workers never share a job.
import type Database from 'better-sqlite3';
import type { Document } from '../../ingest/document.js';
import type { ClaimedJob, Job, JobState, QueueStore } from '../extensions.js';
import { nowIso } from '../shared/dates.js';
import { paging } from '../shared/filter.js';
import { claimedFromRow, DEFAULT_LEASE_MS, DEFAULT_MAX_ATTEMPTS, emptyCounts, JOB_COLUMNS, jobFromRow, type JobDbRow } from '../shared/jobs.js';

export class SqliteQueue implements QueueStore {
  private readonly st;

  constructor(private readonly db: Database.Database) {
    const s = (sql: string) => db.prepare(sql);
    this.st = {
      docExists: s('SELECT 1 AS x FROM documents WHERE id = ?'),
      job: s('SELECT id FROM jobs WHERE doc_id = ?'),
      insert: s(`INSERT INTO jobs (doc_id, document, max_attempts, enqueued_at) VALUES (?, ?, ?, ?) ON CONFLICT (doc_id) DO NOTHING`),
      expire: s(`UPDATE jobs SET state = 'failed', error = coalesce(error, 'lease expired'), finished_at = ?
        WHERE state = 'running' AND claimed_at < ? AND attempts >= max_attempts`),
      next: s(`SELECT id FROM jobs WHERE state = 'queued' OR (state = 'running' AND claimed_at < ?) ORDER BY id LIMIT 1`),
      claim: s(`UPDATE jobs SET state = 'running', attempts = attempts + 1, worker = ?, claimed_at = ?, error = NULL
        WHERE id = ? RETURNING *`),
      complete: s(`UPDATE jobs SET state = 'done', document = NULL, error = NULL, finished_at = ? WHERE id = ?`),
      renew: s(`UPDATE jobs SET claimed_at = ? WHERE id = ? AND worker = ? AND state = 'running'`),
      fail: s(`UPDATE jobs SET state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END, error = ?, worker = NULL,
        finished_at = CASE WHEN attempts >= max_attempts THEN ? ELSE NULL END WHERE id = ? RETURNING state`),
      counts: s('SELECT state, count(*) AS n FROM jobs GROUP BY state'),
    };
  }

  async enqueue(doc: Document, opts: { maxAttempts?: number } = {}): Promise<{ jobId: number | null; queued: boolean }> {
    return this.db.transaction(() => {
      if (this.st.docExists.get(doc.id)) return { jobId: null, queued: false };
      const info = this.st.insert.run(doc.id, JSON.stringify(doc), opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS, nowIso());
      const { id } = this.st.job.get(doc.id) as { id: number };
      return { jobId: id, queued: info.changes === 1 };
    }).immediate();
  }

  async renewJob(id: number, workerId: string): Promise<boolean> {
    return this.st.renew.run(nowIso(), id, workerId).changes === 1;
  }

  async claimJob(workerId: string, opts: { leaseMs?: number } = {}): Promise<ClaimedJob | null> {
    const now = nowIso();
    const cutoff = new Date(Date.now() - (opts.leaseMs ?? DEFAULT_LEASE_MS)).toISOString();
    return this.db.transaction(() => {
      this.st.expire.run(now, cutoff);
      const next = this.st.next.get(cutoff) as { id: number } | undefined;
      if (!next) return null;
      return claimedFromRow(this.st.claim.get(workerId, now, next.id) as JobDbRow);
    }).immediate();
  }

  async completeJob(id: number): Promise<void> {
    this.st.complete.run(nowIso(), id);
  }

  async failJob(id: number, error: string): Promise<JobState> {
    const r = this.st.fail.get(error, nowIso(), id) as { state: JobState } | undefined;
    if (!r) throw new Error(`vigil: job ${id} not found`);
    return r.state;
  }

  async listJobs(opts: { state?: JobState; limit?: number; offset?: number } = {}): Promise<{ total: number; items: Job[] }> {
    const { limit, offset } = paging(opts);
    const where = opts.state ? 'WHERE state = ?' : '';
    const args = opts.state ? [opts.state] : [];
    const total = (this.db.prepare(`SELECT count(*) AS n FROM jobs ${where}`).get(...args) as { n: number }).n;
    const rows = this.db.prepare(`SELECT ${JOB_COLUMNS} FROM jobs ${where} ORDER BY id LIMIT ? OFFSET ?`).all(...args, limit, offset) as JobDbRow[];
    return { total, items: rows.map(jobFromRow) };
  }

  async retryJobs(ids?: number[]): Promise<number> {
    const only = ids ? ` AND id IN (SELECT value FROM json_each(?))` : '';
    const info = this.db.prepare(`UPDATE jobs SET state = 'queued', attempts = 0, error = NULL, worker = NULL, finished_at = NULL
      WHERE state = 'failed'${only}`).run(...(ids ? [JSON.stringify(ids)] : []));
    return info.changes;
  }

  async jobCounts(): Promise<Record<JobState, number>> {
    const counts = emptyCounts();
    for (const r of this.st.counts.all() as { state: JobState; n: number }[]) counts[r.state] = r.n;
    return counts;
  }
}
