// Issue 6: extraction workers pulling from the queue in the store. The same tests run on SQLite (always)
// and on PostgreSQL when $VIGIL_TEST_PG names a server (e.g. postgres://postgres@127.0.0.1:5432/test), each
// test in a fresh schema that is dropped after. Real `vigil` processes throughout.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { readInputs } from '../src/ingest/read.js';
import type { Document } from '../src/ingest/document.js';
import { openStore } from '../src/store/open.js';
import { isQueueStore } from '../src/store/extensions.js';
import {
  PG_BASE, consistencyProblems, count, dbRows, dropPgSchema, expectedMentions, generateCorpus, pgSchemaUrl, sleep,
  startVigil, storedDocuments, tempDir, vigil, vigilOk, waitFor, within, writeJsonl,
} from './cli-helpers.js';

type Backend = 'SQLite' | 'PostgreSQL';

/** A fresh database for one test: a file in its temp folder, or a new PostgreSQL schema dropped after. */
async function freshDb(t: TestContext, backend: Backend, dir: string): Promise<string> {
  if (backend === 'SQLite') return join(dir, 'vigil.db');
  const { url, schema } = pgSchemaUrl(PG_BASE!);
  t.after(() => dropPgSchema(PG_BASE!, schema));
  return url;
}

/** Skips loudly when a PostgreSQL test has no server to run on; true when the test should go on. */
function available(t: TestContext, backend: Backend): boolean {
  if (backend === 'PostgreSQL' && !PG_BASE) {
    t.skip('PostgreSQL tests SKIPPED: set VIGIL_TEST_PG');
    return false;
  }
  return true;
}

async function jobStates(db: string): Promise<Record<string, number>> {
  const out: Record<string, number> = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const r of await dbRows<{ state: string; n: number }>(db, 'SELECT state, count(*) AS n FROM jobs GROUP BY state')) out[r.state] = Number(r.n);
  return out;
}

const COUNTS_LINE = /^queued (\d+), running (\d+), done (\d+), failed (\d+)$/m;

function countsLine(stdout: string): Record<string, number> {
  const m = COUNTS_LINE.exec(stdout);
  assert.ok(m, `no job counts in:\n${stdout}`);
  return { queued: Number(m[1]), running: Number(m[2]), done: Number(m[3]), failed: Number(m[4]) };
}

/** What must hold once the queue has drained: every document once, with its mentions, every job done. */
async function assertDrained(db: string, expected: Map<string, number>): Promise<void> {
  assert.equal(await count(db, 'SELECT count(*) AS n FROM documents'), expected.size, 'every document stored');
  assert.equal(await count(db, 'SELECT count(DISTINCT id) AS n FROM documents'), expected.size, 'each once');
  assert.equal(await count(db, 'SELECT count(*) AS n FROM (SELECT doc_id, n FROM mentions GROUP BY doc_id, n HAVING count(*) > 1) AS d'), 0,
    'no duplicate mentions');
  assert.deepEqual(await consistencyProblems(db, expected), []);
  assert.deepEqual(await jobStates(db), { queued: 0, running: 0, done: expected.size, failed: 0 }, 'no job left queued, running or failed');
  assert.equal(await count(db, 'SELECT count(*) AS n FROM jobs WHERE document IS NOT NULL'), 0, 'done jobs drop their document');
}

for (const backend of ['SQLite', 'PostgreSQL'] as const) {
  describe(`workers on ${backend}`, () => {
    test('ingest --queue queues documents; worker --exit-when-idle processes them all', async t => {
      if (!available(t, backend)) return;
      const dir = await tempDir(t, 'vigil-worker-');
      const db = await freshDb(t, backend, dir);
      const file = join(dir, 'corpus.jsonl');
      const n = 40;
      await writeJsonl(file, generateCorpus(n, 11));

      const queued = await vigil(['ingest', '--queue', file, '--db', db]);
      assert.equal(queued.code, 0, queued.stderr);
      assert.match(queued.stdout, new RegExp(`^read ${n}, queued ${n}, already stored or queued 0, failed 0$`, 'm'));
      const list = await vigilOk(['jobs', '--db', db, '--limit', '100']);
      assert.deepEqual(countsLine(list), { queued: n, running: 0, done: 0, failed: 0 });
      const rows = list.split('\n').filter(l => /^\d+\s/.test(l));
      assert.equal(rows.length, n, 'one row per job');
      assert.ok(rows.every(r => /\bgen-\d{5}\s+queued\s+0\/3\b/.test(r)), `queued rows:\n${rows.slice(0, 3).join('\n')}`);
      assert.equal(await storedDocuments(db), 0, 'nothing extracted yet');

      const again = await vigilOk(['ingest', '--queue', file, '--db', db]);
      assert.match(again, new RegExp(`queued 0, already stored or queued ${n}`), 'queued documents are not queued twice');

      const worker = await vigil(['worker', '--exit-when-idle', '--concurrency', '2', '--db', db]);
      assert.equal(worker.code, 0, worker.stderr);
      assert.match(worker.stdout, new RegExp(`^worker: ${n} done, 0 failed$`, 'm'));
      assert.equal(worker.stderr.split('\n').filter(l => / done$/.test(l)).length, n, 'one progress line per job');

      await assertDrained(db, await expectedMentions(file));
      assert.deepEqual(countsLine(await vigilOk(['jobs', '--db', db])), { queued: 0, running: 0, done: n, failed: 0 });
      const stored = await vigilOk(['ingest', '--queue', file, '--db', db]);
      assert.match(stored, new RegExp(`queued 0, already stored or queued ${n}`), 'stored documents are not queued again');
      const incidents = JSON.parse(await vigilOk(['incidents', '--db', db, '--format', 'json'])) as unknown[];
      assert.ok(incidents.length > n / 2, 'the workers resolved incidents');
    });

    test('a worker killed mid-run: a second one with --lease 1 completes the rest, each document once', async t => {
      if (!available(t, backend)) return;
      const dir = await tempDir(t, 'vigil-worker-');
      const db = await freshDb(t, backend, dir);
      const file = join(dir, 'corpus.jsonl');
      const n = 300;
      await writeJsonl(file, generateCorpus(n, 23));
      await vigilOk(['ingest', '--queue', file, '--db', db]);
      const expected = expectedMentions(file); // meanwhile

      const first = startVigil(['worker', '--exit-when-idle', '--concurrency', '2', '--db', db]);
      let exited = false;
      void first.result.then(() => { exited = true; });
      await waitFor(async () => exited || (await storedDocuments(db)) >= 20, 30_000, 5);
      assert.ok(!exited, `the first worker finished before it could be killed:\n${first.stderr()}`);
      first.child.kill('SIGKILL');
      const killed = await within(first, 10_000);
      assert.equal(killed.signal, 'SIGKILL');
      const stored = await storedDocuments(db);
      assert.ok(stored > 0 && stored < n, `stored ${stored} of ${n} when killed`);
      const states = await jobStates(db);
      t.diagnostic(`killed after ${stored} documents; jobs ${JSON.stringify(states)}`);
      assert.equal(states.done + states.running + states.queued, n);
      assert.ok(states.running <= 2, 'the killed worker left at most its two claimed jobs running');

      const abandoned = await dbRows<{ id: number }>(db, `SELECT id FROM jobs WHERE state = 'running'`);
      await sleep(1200); // past the lease of the dead worker's jobs
      const second = await vigil(['worker', '--exit-when-idle', '--concurrency', '2', '--lease', '1', '--db', db]);
      assert.equal(second.code, 0, second.stderr);
      const m = /^worker: (\d+) done, 0 failed$/m.exec(second.stdout);
      assert.ok(m, second.stdout);
      assert.ok(Number(m[1]) >= n - states.done, 'the second worker took the rest, the abandoned jobs included');
      await assertDrained(db, await expected);
      // The jobs the dead worker held were claimed again. (With a 1 s lease, a job whose extraction takes longer
      // — the first one of a fresh extraction thread — can be claimed again by the second worker itself.)
      for (const { id } of abandoned) {
        const [job] = await dbRows<{ state: string; attempts: number }>(db, 'SELECT state, attempts FROM jobs WHERE id = ?', [id]);
        assert.equal(job?.state, 'done');
        assert.ok(Number(job.attempts) >= 2, `abandoned job ${id} claimed again (attempts ${job.attempts})`);
      }
    });

    test('a job that fails its last attempt is listed as failed; jobs retry queues it again', async t => {
      if (!available(t, backend)) return;
      const dir = await tempDir(t, 'vigil-worker-');
      const db = await freshDb(t, backend, dir);
      const file = join(dir, 'report.txt');
      await writeFile(file, 'Gunmen kidnapped two aid workers near Gao, Mali, on 4 March 2019, officials said.\n');
      let doc: Document | null = null;
      for await (const r of readInputs([file])) if (r.ok) doc = r.doc;
      assert.ok(doc, 'the report reads');

      // Through the store API: queue with one attempt, claim, fail.
      const store = await openStore(db);
      try {
        assert.ok(isQueueStore(store));
        const { jobId, queued } = await store.enqueue(doc, { maxAttempts: 1 });
        assert.ok(queued && jobId !== null);
        const job = await store.claimJob('test-worker', { leaseMs: 60_000 });
        assert.equal(job?.id, jobId);
        assert.equal(await store.failJob(jobId, 'extraction failed: made to fail by the test'), 'failed');
      } finally {
        await store.close();
      }

      const failed = await vigilOk(['jobs', '--state', 'failed', '--db', db]);
      const row = failed.split('\n').find(l => l.includes(doc.id));
      assert.ok(row, `the failed job is listed:\n${failed}`);
      assert.match(row, /\bfailed\s+1\/1\b/);
      assert.match(row, /made to fail by the test/);
      assert.deepEqual(countsLine(failed), { queued: 0, running: 0, done: 0, failed: 1 });
      assert.doesNotMatch(await vigilOk(['jobs', '--state', 'queued', '--db', db]), new RegExp(doc.id));

      // A worker leaves a failed job alone.
      assert.match(await vigilOk(['worker', '--exit-when-idle', '--concurrency', '1', '--db', db]), /^worker: 0 done, 0 failed$/m);

      const retry = await vigilOk(['jobs', 'retry', '--db', db]);
      assert.match(retry, /^1 job\(s\) queued again$/m);
      const queuedList = await vigilOk(['jobs', '--state', 'queued', '--db', db]);
      assert.match(queuedList.split('\n').find(l => l.includes(doc.id)) ?? '', /\bqueued\s+0\/1\b/, 'attempts reset');
      assert.equal((await vigil(['jobs', '--state', 'bogus', '--db', db])).code, 2, 'an unknown state is a usage error');

      assert.match(await vigilOk(['worker', '--exit-when-idle', '--concurrency', '1', '--db', db]), /^worker: 1 done, 0 failed$/m);
      assert.deepEqual(await jobStates(db), { queued: 0, running: 0, done: 1, failed: 0 });
      assert.equal(await storedDocuments(db), 1);
      assert.match(await vigilOk(['jobs', 'retry', '--db', db]), /^0 job\(s\) queued again$/m, 'nothing left to retry');
    });
  });
}
