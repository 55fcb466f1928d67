// Helpers for the integration tests of the built CLI: run `vigil` as a real child process, temp folders,
// a generated corpus of short reports, and direct looks into the database (better-sqlite3 read-only, or pg).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { rng } from '../bench/random.js';

/** The folder with package.json above this file (dist/test/ once built). */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find package.json above ' + from);
    dir = up;
  }
  return dir;
}

export const ROOT_DIR = packageRoot();
export const CLI = join(ROOT_DIR, 'dist', 'src', 'cli', 'main.js');

export interface RunResult { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }
export interface RunOptions { cwd?: string; input?: string | Buffer; env?: Record<string, string | undefined> }

/** The environment of a child: no inherited $VIGIL_DB (every test names its --db), a fixed reviewer name. */
function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, VIGIL_USER: 'tester', NO_COLOR: '1' };
  delete env.VIGIL_DB;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export interface Running { child: ChildProcess; result: Promise<RunResult>; stdout(): string; stderr(): string }

/** Starts `vigil ARGS` and collects its output; `result` settles when it exits. */
export function startVigil(args: string[], opts: RunOptions = {}): Running {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: opts.cwd, env: childEnv(opts.env), stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '', stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => { stdout += s; });
  child.stderr!.setEncoding('utf8').on('data', (s: string) => { stderr += s; });
  child.stdin!.on('error', () => undefined);
  if (opts.input !== undefined) child.stdin!.end(opts.input);
  else child.stdin!.end();
  const result = new Promise<RunResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, result, stdout: () => stdout, stderr: () => stderr };
}

/** Runs `vigil ARGS` to completion. */
export function vigil(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  return startVigil(args, opts).result;
}

/** Runs `vigil ARGS` and fails the test (with its stderr) unless it exits 0. */
export async function vigilOk(args: string[], opts: RunOptions = {}): Promise<string> {
  const r = await vigil(args, opts);
  if (r.code !== 0) throw new Error(`vigil ${args.join(' ')} exited ${r.code ?? r.signal}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  return r.stdout;
}

/** A fresh temporary folder, removed when the test ends. */
export async function tempDir(t: { after(fn: () => unknown): void }, prefix = 'vigil-cli-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms));

/** Polls `probe` until it returns something truthy, or throws after `timeoutMs`. */
export async function waitFor<T>(probe: () => T | Promise<T>, timeoutMs: number, everyMs = 20): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

/** Waits for a child to exit, or kills it (SIGKILL) after `ms` and throws. */
export async function within<T>(running: Running, ms: number): Promise<RunResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      running.child.kill('SIGKILL');
      reject(new Error(`vigil did not exit within ${ms} ms\nstdout: ${running.stdout()}\nstderr: ${running.stderr()}`));
    }, ms);
  });
  try { return await Promise.race([running.result, timeout]); } finally { clearTimeout(timer); }
}

// ---------------------------------------------------------------------------------------------------------
// A generated corpus: short, varied reports (bombings, shootings, kidnappings, plots, arson, rammings, and
// some that report no incident), deterministic for a seed, each with its own id.

export interface GenDoc { id: string; title: string; published: string; source: string; text: string }


const PLACES: [string, string][] = [
  ['Kabul', 'Afghanistan'], ['Jalalabad', 'Afghanistan'], ['Baghdad', 'Iraq'], ['Mosul', 'Iraq'], ['Maiduguri', 'Nigeria'],
  ['Kano', 'Nigeria'], ['Mogadishu', 'Somalia'], ['Peshawar', 'Pakistan'], ['Quetta', 'Pakistan'], ['Karachi', 'Pakistan'],
  ['Damascus', 'Syria'], ['Aleppo', 'Syria'], ['Nairobi', 'Kenya'], ['Paris', 'France'], ['London', 'United Kingdom'],
  ['Istanbul', 'Turkey'], ['Cairo', 'Egypt'], ['Bamako', 'Mali'], ['Lahore', 'Pakistan'], ['Manila', 'Philippines'],
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TARGETS = ['a police station', 'a crowded market', 'a checkpoint', 'a mosque', 'a bus station', 'a hotel', 'a school', 'a government office'];
const SOURCES = ['officials said', 'police said', 'a hospital spokesman said', 'local media reported', 'witnesses said'];
const GROUPS = ['the Islamic State', 'the Taliban', 'al-Shabaab', 'Boko Haram'];

export function generateCorpus(n: number, seed = 7): GenDoc[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: GenDoc[] = [];
  for (let i = 0; i < n; i++) {
    const [city, country] = pick(PLACES);
    const year = 2008 + Math.floor(r() * 12), month = Math.floor(r() * 12), day = 1 + Math.floor(r() * 28);
    const date = `${day} ${MONTHS[month]} ${year}`;
    const published = `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(28, day + 1)).padStart(2, '0')}`;
    const killed = 1 + ((i * 7 + Math.floor(r() * 40)) % 60), injured = 2 + ((i * 3 + Math.floor(r() * 90)) % 120);
    const target = pick(TARGETS), said = pick(SOURCES), group = pick(GROUPS);
    let title: string, text: string;
    switch (i % 7) {
      case 0:
        title = `Bomb blast in ${city}`;
        text = `A car bomb exploded outside ${target} in ${city}, ${country}, on ${date}, killing ${killed} people and wounding ${injured} others, ${said}. ${group[0]!.toUpperCase() + group.slice(1)} claimed responsibility for the bombing.`;
        break;
      case 1:
        title = `Gunmen attack ${target.replace(/^a /, '')} in ${city}`;
        text = `Gunmen opened fire on ${target} in ${city}, ${country}, on ${date}, killing ${killed} people and injuring ${injured}, ${said}. The attackers fled on motorcycles.`;
        break;
      case 2:
        title = `Aid workers kidnapped near ${city}`;
        text = `Armed men kidnapped ${2 + (i % 5)} aid workers near ${city}, ${country}, on ${date}, ${said}. Authorities suspect ${group} of the kidnapping.`;
        break;
      case 3:
        title = `Police foil plot in ${city}`;
        text = `Police in ${city}, ${country}, foiled a plot to bomb ${target} and arrested ${2 + (i % 4)} suspects on ${date}, ${said}. Investigators found explosives and detonators at a flat.`;
        break;
      case 4:
        title = `Suicide attack in ${city}`;
        text = `A suicide bomber blew himself up at ${target} in ${city}, ${country}, on ${date}. At least ${killed} people were killed and ${injured} were wounded, ${said}.`;
        break;
      case 5:
        title = `Arson attack in ${city}`;
        text = `Militants set fire to ${target} in ${city}, ${country}, on ${date}, ${said}. No one was hurt in the arson attack, which caused heavy damage.`;
        break;
      default:
        title = `Budget debate in ${country}`;
        text = `The parliament of ${country} met in ${city} on ${date} to debate the budget for ${year + 1}; ministers presented ${killed} amendments and the vote was postponed, ${said}.`;
    }
    out.push({ id: `gen-${String(i).padStart(5, '0')}`, title, published, source: 'Vigil Test Wire', text });
  }
  return out;
}

export async function writeJsonl(path: string, docs: object[]): Promise<void> {
  await writeFile(path, docs.map(d => JSON.stringify(d)).join('\n') + '\n');
}

/** Mentions per document id, as `vigil extract` gives them (the expected contents of the store). */
export async function expectedMentions(file: string): Promise<Map<string, number>> {
  const out = await vigilOk(['extract', '--threads', '2', file]);
  const m = new Map<string, number>();
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    const x = JSON.parse(line) as { id: string; incidents: unknown[] };
    m.set(x.id, x.incidents.length);
  }
  return m;
}

// ---------------------------------------------------------------------------------------------------------
// Looking into a database directly: a SQLite file (read-only) or a postgres:// URL (its ?schema=).

export const isPg = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

export async function dbRows<T = Record<string, unknown>>(location: string, sql: string, params: unknown[] = []): Promise<T[]> {
  if (isPg(location)) {
    const u = new URL(location);
    const schema = u.searchParams.get('schema');
    u.searchParams.delete('schema');
    const client = new pg.Client({ connectionString: u.toString(), ...(schema ? { options: `-c search_path=${schema}` } : {}) });
    await client.connect();
    try {
      let k = 0;
      const res = await client.query(sql.replace(/\?/g, () => `$${++k}`), params);
      // count(*) is a bigint, which pg returns as a string.
      return res.rows.map(row => Object.fromEntries(Object.entries(row as Record<string, unknown>)
        .map(([c, v]) => [c, typeof v === 'string' && /^(n|count|\w+_n)$/.test(c) ? Number(v) : v]))) as T[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(location, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

export async function count(location: string, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await dbRows<{ n: number | string }>(location, sql, params);
  return Number(rows[0]?.n ?? 0);
}

/** Documents stored so far; 0 while the file or the table does not exist yet. */
export async function storedDocuments(location: string): Promise<number> {
  try { return await count(location, 'SELECT count(*) AS n FROM documents'); } catch { return 0; }
}

export interface DbSummary { documents: number; mentions: number; incidents: number; evidence: number; quotes: number }

export async function summary(location: string): Promise<DbSummary> {
  return {
    documents: await count(location, 'SELECT count(*) AS n FROM documents'),
    mentions: await count(location, 'SELECT count(*) AS n FROM mentions'),
    incidents: await count(location, 'SELECT count(*) AS n FROM incidents'),
    evidence: await count(location, 'SELECT count(*) AS n FROM evidence'),
    quotes: await count(location, 'SELECT count(*) AS n FROM quotes'),
  };
}

/**
 * Everything that must hold between the tables after any crash: each stored document has exactly the
 * mentions extraction gives it, nothing points at a row that is not there, each incident has its mentions.
 * Returns the problems found (empty when consistent).
 */
export async function consistencyProblems(location: string, expected: Map<string, number>): Promise<string[]> {
  const problems: string[] = [];
  const perDoc = await dbRows<{ id: string; n: number }>(location,
    'SELECT d.id AS id, (SELECT count(*) FROM mentions m WHERE m.doc_id = d.id) AS n FROM documents d');
  for (const { id, n } of perDoc) {
    const want = expected.get(id);
    if (want === undefined) problems.push(`unexpected document ${id}`);
    else if (Number(n) !== want) problems.push(`document ${id} has ${n} mentions, extraction gives ${want}`);
  }
  const checks: [string, string][] = [
    ['mentions without their document', 'SELECT count(*) AS n FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = m.doc_id)'],
    ['quotes without their document', 'SELECT count(*) AS n FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = q.doc_id)'],
    ['evidence of a missing mention', `SELECT count(*) AS n FROM evidence e WHERE e.owner_kind = 'mention' AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.id = e.owner_id)`],
    ['evidence of a missing incident', `SELECT count(*) AS n FROM evidence e WHERE e.owner_kind = 'incident' AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = e.owner_id)`],
    ['evidence from a missing document', 'SELECT count(*) AS n FROM evidence e WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = e.doc_id)'],
    ['mentions in a missing incident', 'SELECT count(*) AS n FROM mentions m WHERE m.incident_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = m.incident_id)'],
    ['non-background mentions in no incident', 'SELECT count(*) AS n FROM mentions m WHERE m.incident_id IS NULL AND NOT m.background'],
    ['incidents without mentions', 'SELECT count(*) AS n FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.incident_id = i.id)'],
    ['incidents whose mention count is wrong', 'SELECT count(*) AS n FROM incidents i WHERE i.mentions <> (SELECT count(*) FROM mentions m WHERE m.incident_id = i.id)'],
    ['incident groups of a missing incident', 'SELECT count(*) AS n FROM incident_groups g WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = g.incident_id)'],
  ];
  for (const [what, sql] of checks) {
    const n = await count(location, sql);
    if (n) problems.push(`${n} ${what}`);
  }
  if (!isPg(location)) {
    const fk = await dbRows(location, 'PRAGMA foreign_key_check');
    if (fk.length) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 3))}`);
    const ic = await dbRows<{ integrity_check: string }>(location, 'PRAGMA integrity_check');
    if (ic[0]?.integrity_check !== 'ok') problems.push(`integrity_check: ${JSON.stringify(ic)}`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL: a fresh schema per test, dropped after.

export const PG_BASE = process.env.VIGIL_TEST_PG;

export function pgSchemaUrl(base: string, prefix = 'vigil_w_'): { url: string; schema: string } {
  const schema = prefix + randomBytes(6).toString('hex');
  const u = new URL(base);
  u.searchParams.set('schema', schema);
  return { url: u.toString(), schema };
}

export async function dropPgSchema(base: string, schema: string): Promise<void> {
  if (!/^vigil_[a-z]+_[0-9a-f]+$/.test(schema)) throw new Error('refusing to drop schema ' + schema);
  const u = new URL(base);
  u.searchParams.delete('schema');
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try { await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`); } finally { await client.end(); }
}
