// Commands for a team on PostgreSQL: migrate, the job queue (ingest --queue, worker, jobs), and moving a
// whole database between stores (export --all, import).
import type { Command, Option } from 'commander';
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { isPortableStore, isQueueStore, type JobState, type PortableRecord } from '../store/extensions.js';
import { readInputs } from '../ingest/read.js';
import { runWorker } from '../pipeline/worker.js';
import { defaultThreads } from '../pipeline/pool.js';
import { table } from './render.js';
import { UsageError } from './options.js';

async function withStore(db: string | undefined, fn: (s: Store) => Promise<void>): Promise<void> {
  const store = await openStore(db);
  try { await fn(store); } finally { await store.close(); }
}

const int = (flag: string, v: unknown, min = 1) => {
  const r = z.coerce.number().int().min(min).safeParse(v);
  if (!r.success) throw new UsageError(`${flag}: expected a whole number ≥ ${min}`);
  return r.data;
};

export function teamCommands(program: Command, db: () => Option): void {
  program.command('migrate').description('apply pending schema migrations').addOption(db())
    // Opening the store applies what is pending; this says so and checks again.
    .action((f: { db?: string }) => withStore(f.db, async s => { await s.migrate(); process.stdout.write(`${s.kind}: schema up to date\n`); }));

  program.command('worker').description('extract queued documents (vigil ingest --queue) and store them; run any number, anywhere')
    .addOption(db())
    .option('--concurrency <n>', 'jobs at once, each on its own thread', String(defaultThreads()))
    .option('--exit-when-idle', 'stop when the queue is empty')
    .option('--lease <seconds>', 'a claimed job not finished in this time is given to another worker', '600')
    .action((f: { db?: string; concurrency: string; exitWhenIdle?: boolean; lease: string }) => withStore(f.db, async s => {
      if (!isQueueStore(s)) throw new UsageError(`the ${s.kind} store has no job queue`);
      const stop = { requested: false };
      const onSignal = () => { stop.requested = true; };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      const r = await runWorker(s, {
        concurrency: int('--concurrency', f.concurrency), exitWhenIdle: f.exitWhenIdle, leaseMs: int('--lease', f.lease) * 1000, stop,
        onJob: (job, outcome, detail) => process.stderr.write(`worker: ${job.docId} ${outcome}${detail ? ': ' + detail : ''}\n`),
      });
      process.stdout.write(`worker: ${r.done} done, ${r.failed} failed\n`);
    }));

  const jobs = program.command('jobs').description('the extraction queue: list jobs, retry failed ones');
  jobs.command('list', { isDefault: true }).description('list jobs').addOption(db())
    .option('--state <state>', 'queued, running, done or failed').option('--limit <n>', 'at most this many', '50')
    .action((f: { db?: string; state?: string; limit: string }) => withStore(f.db, async s => {
      if (!isQueueStore(s)) throw new UsageError(`the ${s.kind} store has no job queue`);
      const state = f.state === undefined ? undefined : z.enum(['queued', 'running', 'done', 'failed']).safeParse(f.state).data as JobState | undefined;
      if (f.state !== undefined && !state) throw new UsageError('--state: expected queued, running, done or failed');
      const counts = await s.jobCounts();
      const { items } = await s.listJobs({ state, limit: int('--limit', f.limit) });
      process.stdout.write(table(['JOB', 'DOCUMENT', 'STATE', 'ATTEMPTS', 'WORKER', 'ERROR'],
        items.map(j => [String(j.id), j.docId, j.state, `${j.attempts}/${j.maxAttempts}`, j.worker ?? '', j.error ?? '']), [8, 22, 8, 8, 24, 60]) + '\n');
      process.stdout.write(Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ') + '\n');
    }));
  jobs.command('retry').description('put failed jobs (or the given ones) back in the queue').argument('[ids...]').addOption(db())
    .action((ids: string[], f: { db?: string }) => withStore(f.db, async s => {
      if (!isQueueStore(s)) throw new UsageError(`the ${s.kind} store has no job queue`);
      const n = await s.retryJobs(ids.length ? ids.map(i => int('job id', i)) : undefined);
      process.stdout.write(`${n} job(s) queued again\n`);
    }));

  program.command('export').description('write the whole database as JSON lines (vigil import reads them)')
    .requiredOption('--all', 'everything: documents, incidents, evidence, reviews, audit trail').addOption(db())
    .action((f: { db?: string }) => withStore(f.db, async s => {
      if (!isPortableStore(s)) throw new UsageError(`the ${s.kind} store cannot export`);
      for await (const r of s.exportAll()) {
        if (!process.stdout.write(JSON.stringify(r) + '\n')) await new Promise(res => process.stdout.once('drain', res));
      }
    }));

  program.command('import').description('load a dump written by vigil export --all into an empty database').argument('<file>', 'dump file, or - for stdin')
    .addOption(db())
    .action((file: string, f: { db?: string }) => withStore(f.db, async s => {
      if (!isPortableStore(s)) throw new UsageError(`the ${s.kind} store cannot import`);
      if (file !== '-' && !existsSync(file)) throw new UsageError(`${file}: no such file`);
      const input = file === '-' ? process.stdin : createReadStream(file);
      async function* records(): AsyncGenerator<PortableRecord> {
        let n = 0;
        for await (const line of createInterface({ input, crlfDelay: Infinity })) {
          n++;
          if (!line.trim()) continue;
          try { yield JSON.parse(line) as PortableRecord; } catch { throw new UsageError(`${file}:${n}: not JSON`); }
        }
      }
      const counts = await s.importAll(records());
      process.stdout.write(Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ') + '\n');
    }));
}

/** vigil ingest --queue: store documents as jobs for the workers instead of extracting here. */
export async function enqueueInputs(paths: string[], db: string | undefined): Promise<void> {
  await withStore(db, async s => {
    if (!isQueueStore(s)) throw new UsageError(`the ${s.kind} store has no job queue`);
    let read = 0, queued = 0, skipped = 0, failed = 0;
    for await (const r of readInputs(paths)) {
      read++;
      if (!r.ok) { failed++; process.stderr.write(`vigil: ${r.input}: ${r.reason}\n`); continue; }
      const { queued: q } = await s.enqueue(r.doc);
      if (q) queued++; else skipped++;
    }
    process.stdout.write(`read ${read}, queued ${queued}, already stored or queued ${skipped}, failed ${failed}\n`);
    if (failed) process.exitCode = 1;
  });
}
