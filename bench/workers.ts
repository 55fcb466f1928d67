// npm run bench:workers — throughput of the extraction queue (issue 6). One generated corpus of news-like
// documents (MUC-4 train paragraphs recombined), then: single-process `vigil ingest` into SQLite, and on
// PostgreSQL `vigil ingest --queue` followed by 1, 2 and 4 `vigil worker --exit-when-idle --concurrency 1`
// processes, each on a fresh schema. Documents/second for each, printed and written to bench/results/workers.md.
//
//   VIGIL_BENCH_PG     PostgreSQL URL (default postgres://postgres@127.0.0.1:5432/test)
//   VIGIL_BENCH_DOCS   corpus size (default 2000)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ROOT } from '../src/paths.js';
import { CLI, sharedDir } from './shared.js';
import { rng } from './random.js';

const DOCS = Number(process.env.VIGIL_BENCH_DOCS ?? 2000);
const PG_URL = process.env.VIGIL_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const WORKERS = [1, 2, 4];


const sentenceCase = (p: string): string =>
  p.toLowerCase().replace(/(^|[.!?]\s+)([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase());

/** ~DOCS documents of 2–5 MUC-4 paragraphs each, in wire upper case or sentence case, with ids and dates. */
function corpus(n: number): { lines: string[]; bytes: number } {
  const paras: string[] = [];
  for (const line of readFileSync(join(sharedDir(), 'data', 'muc4', 'train.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    for (const p of (JSON.parse(line) as { text: string }).text.split(/\n\s*\n/)) {
      const t = p.replace(/\s+/g, ' ').trim();
      if (t.length > 80) paras.push(t);
    }
  }
  const r = rng(6);
  const lines: string[] = [];
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const k = 2 + Math.floor(r() * 4);
    const upper = r() < 0.5;
    const parts = Array.from({ length: k }, () => paras[Math.floor(r() * paras.length)]!).map(p => (upper ? p : sentenceCase(p)));
    const text = parts.join('\n\n');
    bytes += Buffer.byteLength(text);
    const month = 1 + Math.floor(r() * 12), day = 1 + Math.floor(r() * 28);
    lines.push(JSON.stringify({
      id: `bench-${String(i).padStart(5, '0')}`, title: `Report ${i + 1}`, source: 'bench',
      published: `1989-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, text,
    }));
  }
  return { lines, bytes };
}

interface Exit { code: number | null; stdout: string; stderr: string }

function run(args: string[]): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VIGIL_DB: undefined } });
    let stdout = '', stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
    // Workers write a line per job on stderr: keep only the tail, for errors.
    child.stderr.setEncoding('utf8').on('data', (s: string) => { stderr = (stderr + s).slice(-4000); });
    child.on('error', reject);
    child.on('close', code => resolve({ code, stdout, stderr }));
  });
}

async function must(args: string[]): Promise<Exit> {
  const r = await run(args);
  if (r.code !== 0) throw new Error(`vigil ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  return r;
}

const seconds = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e9;

function pgClient(url: string): pg.Client {
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  return new pg.Client({ connectionString: u.toString(), ...(schema ? { options: `-c search_path=${schema}` } : {}) });
}

async function pgQuery<T>(url: string, sql: string): Promise<T[]> {
  const c = pgClient(url);
  await c.connect();
  try { return (await c.query(sql)).rows as T[]; } finally { await c.end(); }
}

interface Row { run: string; docs: number; secs: number; note: string }

const tmp = join(ROOT, 'bench', 'tmp', `workers-${process.pid}`);
mkdirSync(tmp, { recursive: true });
const rows: Row[] = [];
const load0 = loadavg()[0]!;
try {
  const { lines, bytes } = corpus(DOCS);
  const file = join(tmp, 'corpus.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  process.stdout.write(`corpus: ${DOCS} documents, ${(bytes / 1e6).toFixed(1)} MB (${(statSync(file).size / 1e6).toFixed(1)} MB JSONL)\n`);

  // 1. One process, SQLite, extraction on every core.
  {
    const db = join(tmp, 'sqlite.db');
    const t0 = process.hrtime.bigint();
    const r = await must(['ingest', file, '--db', db]);
    const secs = seconds(t0);
    if (!new RegExp(`new ${DOCS},`).test(r.stdout)) throw new Error(`sqlite ingest did not store every document: ${r.stdout}`);
    rows.push({ run: `SQLite, vigil ingest (1 process, ${availableParallelism()} threads)`, docs: DOCS, secs, note: r.stdout.trim() });
    process.stdout.write(`sqlite ingest: ${secs.toFixed(1)} s\n`);
  }

  // 2. PostgreSQL: queue, then N single-threaded workers draining it together.
  let pgOk = true;
  try { await pgQuery(PG_URL, 'SELECT 1'); } catch (err) {
    pgOk = false;
    process.stdout.write(`\n*** PostgreSQL at ${PG_URL} not reachable (${err instanceof Error ? err.message : String(err)}): PostgreSQL runs SKIPPED ***\n\n`);
  }
  for (const n of pgOk ? WORKERS : []) {
    const schema = 'vigil_bench_' + randomBytes(5).toString('hex');
    const u = new URL(PG_URL);
    u.searchParams.set('schema', schema);
    const url = u.toString();
    try {
      const tq = process.hrtime.bigint();
      await must(['ingest', '--queue', file, '--db', url]);
      const queueSecs = seconds(tq);
      const t0 = process.hrtime.bigint();
      const exits = await Promise.all(Array.from({ length: n }, () => run(['worker', '--exit-when-idle', '--concurrency', '1', '--db', url])));
      const secs = seconds(t0);
      const failedExit = exits.find(e => e.code !== 0);
      if (failedExit) throw new Error(`a worker exited ${failedExit.code}: ${failedExit.stderr}`);
      const [docs] = await pgQuery<{ n: string }>(url, 'SELECT count(*) AS n FROM documents');
      const states = await pgQuery<{ state: string; n: string }>(url, 'SELECT state, count(*) AS n FROM jobs GROUP BY state');
      const done = Number(states.find(s => s.state === 'done')?.n ?? 0);
      if (Number(docs!.n) !== DOCS || done !== DOCS) throw new Error(`${n} workers: ${docs!.n} documents stored, ${done} jobs done of ${DOCS}`);
      const perWorker = exits.map(e => /worker: (\d+) done/.exec(e.stdout)?.[1] ?? '?').join(' + ');
      rows.push({ run: `PostgreSQL, ${n} × vigil worker --concurrency 1`, docs: DOCS, secs,
        note: `queued in ${queueSecs.toFixed(1)} s (${(DOCS / queueSecs).toFixed(0)} docs/s); jobs per worker ${perWorker}` });
      process.stdout.write(`postgres, ${n} worker(s): ${secs.toFixed(1)} s\n`);
    } finally {
      const c = pgClient(PG_URL);
      await c.connect();
      try { await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`); } finally { await c.end(); }
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const base = rows.find(r => r.run.startsWith('PostgreSQL, 1 '));
const lines = [
  `# vigil workers — ${new Date().toISOString().slice(0, 10)}`,
  '',
  `${DOCS} documents of recombined MUC-4 train paragraphs; ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), `
    + `${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}; load average at start ${load0.toFixed(1)}. `
    + 'Times are wall clock from process start to exit (start-up included); the PostgreSQL rows exclude queueing.',
  '',
  '| run | documents | time | docs/s | vs 1 worker |',
  '|---|---|---|---|---|',
  ...rows.map(r => `| ${r.run} | ${r.docs} | ${r.secs.toFixed(1)} s | ${(r.docs / r.secs).toFixed(1)} | `
    + `${base && r.run.startsWith('PostgreSQL') ? ((base.secs / r.secs).toFixed(2) + '×') : ''} |`),
  '',
  ...rows.map(r => `- ${r.run}: ${r.note}`),
];
const text = lines.join('\n');
process.stdout.write('\n' + text + '\n');
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'workers.md'), text + '\n');
