// Interrupting `vigil ingest`: SIGKILL mid-run must leave only whole documents (one transaction per
// document), and a re-run must complete the corpus to the same database a clean run gives; SIGINT must
// stop after the current document with a summary. Real processes, the SQLite file inspected read-only.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  consistencyProblems, dbRows, expectedMentions, generateCorpus, startVigil, storedDocuments, summary, tempDir,
  vigil, vigilOk, waitFor, within, writeJsonl, type RunResult,
} from './cli-helpers.js';

const SUMMARY = /^read (\d+), new (\d+), duplicate (\d+), failed (\d+), incidents found (\d+)\b/m;

function summaryOf(stdout: string): { read: number; new: number; duplicate: number; failed: number } {
  const m = SUMMARY.exec(stdout);
  assert.ok(m, `no summary line in:\n${stdout}`);
  return { read: Number(m[1]), new: Number(m[2]), duplicate: Number(m[3]), failed: Number(m[4]) };
}

/**
 * Starts `vigil ingest FILE` and sends `signal` once it has stored a few documents. When the run
 * finished before the signal landed (a fast machine), tries again with a corpus twice as big.
 */
async function interruptedIngest(dir: string, signal: NodeJS.Signals, start = 400): Promise<{ file: string; db: string; n: number; run: RunResult }> {
  let n = start;
  for (let attempt = 0; attempt < 4; attempt++, n *= 2) {
    const file = join(dir, `corpus-${n}.jsonl`), db = join(dir, `${signal.toLowerCase()}-${n}.db`);
    await writeJsonl(file, generateCorpus(n));
    const running = startVigil(['ingest', file, '--db', db]);
    let exited = false;
    void running.result.then(() => { exited = true; });
    // Some, not just the first: the kill then lands in the middle of a steady stream of commits.
    const some = Math.min(25, Math.floor(n / 10));
    await waitFor(async () => exited || (await storedDocuments(db)) >= some, 30_000, 5);
    if (!exited) running.child.kill(signal);
    const run = await within(running, 30_000);
    const stored = await storedDocuments(db);
    if (stored > 0 && stored < n) return { file, db, n, run };
    if (stored === 0) throw new Error(`nothing stored before ${signal}:\n${run.stderr}`);
    // It finished first: a bigger corpus.
  }
  throw new Error(`vigil ingest always finished before ${signal}`);
}

test('SIGKILL mid-ingest: only whole documents stored; a re-run completes it like a clean run', async t => {
  const dir = await tempDir(t, 'vigil-kill-');
  const { file, db, n, run } = await interruptedIngest(dir, 'SIGKILL');
  assert.equal(run.signal, 'SIGKILL');
  const stored = await storedDocuments(db);
  t.diagnostic(`killed after ${stored} of ${n} documents`);

  const expected = await expectedMentions(file);
  assert.equal(expected.size, n, 'extract gives one line per document');
  assert.deepEqual(await consistencyProblems(db, expected), [], 'consistent after SIGKILL');

  const rerun = await vigil(['ingest', file, '--db', db]);
  assert.equal(rerun.code, 0, rerun.stderr);
  const s = summaryOf(rerun.stdout);
  assert.equal(s.read, n);
  assert.equal(s.failed, 0);
  assert.equal(s.read, s.new + s.duplicate + s.failed, 'every document read is accounted for');
  assert.equal(s.duplicate, stored, 'what was stored is skipped');
  assert.equal(s.new, n - stored, 'the rest is stored');
  assert.deepEqual(await consistencyProblems(db, expected), [], 'consistent after the re-run');

  const clean = join(dir, 'clean.db');
  await vigilOk(['ingest', file, '--db', clean]);
  const [resumed, whole] = [await summary(db), await summary(clean)];
  assert.equal(resumed.documents, n, 'every document stored once');
  assert.deepEqual(resumed, whole, 'the same counts as a clean single run');
  const mentionIds = async (loc: string) => (await dbRows<{ id: string }>(loc, 'SELECT id FROM mentions ORDER BY id')).map(r => r.id);
  assert.deepEqual(await mentionIds(db), await mentionIds(clean), 'the same mentions as a clean run');
});

test('SIGINT stops reading, stores the documents in hand, prints a summary, and leaves a consistent database', async t => {
  const dir = await tempDir(t, 'vigil-int-');
  const { file, db, n, run } = await interruptedIngest(dir, 'SIGINT');
  assert.equal(run.signal, null, `vigil exits by itself on SIGINT\n${run.stderr}`);
  assert.equal(run.code, 130, `exit code ${run.code}`);
  assert.match(run.stderr, /stopping: storing the documents in hand/);
  const s = summaryOf(run.stdout);
  const stored = await storedDocuments(db);
  t.diagnostic(`stopped after ${stored} of ${n} documents (summary: read ${s.read}, new ${s.new})`);
  assert.ok(stored < n, 'it stopped before the end');
  assert.equal(s.new, stored, 'the summary counts what was stored');
  assert.equal(s.failed, 0);

  const expected = await expectedMentions(file);
  assert.deepEqual(await consistencyProblems(db, expected), [], 'consistent after SIGINT');

  const rerun = await vigil(['ingest', file, '--db', db]);
  assert.equal(rerun.code, 0, rerun.stderr);
  assert.deepEqual(summaryOf(rerun.stdout), { read: n, new: n - stored, duplicate: stored, failed: 0 });
  assert.equal(await storedDocuments(db), n);
  assert.deepEqual(await consistencyProblems(db, expected), []);
});
