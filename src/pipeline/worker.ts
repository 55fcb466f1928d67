// vigil worker: pull queued documents from the shared store, extract them on worker threads, resolve and
// commit. At-least-once: a job whose worker died is claimed again when its lease runs out, and storing a
// document twice is a no-op, so nothing is lost or duplicated.
import { hostname } from 'node:os';
import type { Store } from '../store/store.js';
import type { ClaimedJob, QueueStore } from '../store/extensions.js';
import type { HeadlinePolicy } from '../resolve/contract.js';
import { ExtractorThreads } from './pool.js';
import { DEFAULT_LEASE_MS } from '../store/shared/jobs.js';

export interface WorkerOptions {
  /** Jobs worked on at once, each on its own extraction thread. */
  concurrency: number;
  /** Stop when the queue is empty instead of waiting for more. */
  exitWhenIdle?: boolean;
  leaseMs?: number;
  pollMs?: number;
  policy?: HeadlinePolicy;
  stop?: { requested: boolean };
  onJob?: (job: ClaimedJob, outcome: 'done' | 'duplicate' | 'failed' | 'queued', detail?: string) => void;
}

export async function runWorker(store: Store & QueueStore, opts: WorkerOptions): Promise<{ done: number; failed: number }> {
  const id = `${hostname()}:${process.pid}`;
  const threads = new ExtractorThreads(opts.concurrency);
  const counts = { done: 0, failed: 0 };
  await threads.warm();

  async function loop(): Promise<void> {
    while (!opts.stop?.requested) {
      const job = await store.claimJob(id, { leaseMs: opts.leaseMs });
      if (!job) {
        if (opts.exitWhenIdle) return;
        await new Promise(r => setTimeout(r, opts.pollMs ?? 1000));
        continue;
      }
      // Renew the lease while the job is in hand, so that a long document is not handed to another worker.
      const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
      const heartbeat = setInterval(() => { void store.renewJob(job.id, id).catch(() => undefined); }, Math.max(250, leaseMs / 3));
      try {
        const x = await threads.extract(job.document);
        if (!x.extraction) throw new Error(`extraction failed: ${x.error}`);
        const out = await store.ingest(job.document, x.extraction, opts.policy);
        await store.completeJob(job.id);
        counts.done++;
        opts.onJob?.(job, out.status === 'duplicate' ? 'duplicate' : 'done');
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        const state = await store.failJob(job.id, msg);
        if (state === 'failed') counts.failed++;
        opts.onJob?.(job, state === 'failed' ? 'failed' : 'queued', msg);
      } finally {
        clearInterval(heartbeat);
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: opts.concurrency }, loop));
  } finally {
    await threads.close();
  }
  return counts;
}
