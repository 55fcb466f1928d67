// npm run bench:api — the HTTP API and the dashboard over 200,000 incidents.
// Builds (once, cached in bench/tmp/) a SQLite store of synthetic incidents ingested through the store's
// own ingest, then measures over real HTTP the p50/p95 latency of filtered incident lists and of stats,
// and in headless chromium the dashboard's first render (navigation → first table rows on screen).
// Bar: p95 < 100 ms, first render < 1.5 s. Prints a table and writes bench/results/api.txt.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { serve } from '../src/api/server.js';
import type { Incident, IncidentType, TargetCategory, WeaponType } from '../src/model.js';
import { ROOT } from '../src/paths.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { extraction, incident, makeDoc, span } from '../test/api-fixtures.js';
import { rng } from './random.js';

const N = Number(process.env.BENCH_INCIDENTS ?? 200_000);
const PER_DOC = 50;
const TMP = join(ROOT, 'bench', 'tmp');
const DB = join(TMP, `api-${N}.db`);
const RESULTS = join(ROOT, 'bench', 'results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const COUNTRIES: [string, string, number, number, string[]][] = [
  ['AF', 'Afghanistan', 34.5, 69.2, ['Kabul', 'Kandahar', 'Jalalabad', 'Herat']],
  ['IQ', 'Iraq', 33.3, 44.4, ['Baghdad', 'Mosul', 'Kirkuk', 'Ramadi']],
  ['PK', 'Pakistan', 33.7, 73.0, ['Peshawar', 'Quetta', 'Karachi', 'Lahore']],
  ['NG', 'Nigeria', 11.8, 13.2, ['Maiduguri', 'Kano', 'Abuja', 'Damaturu']],
  ['SO', 'Somalia', 2.0, 45.3, ['Mogadishu', 'Kismayo', 'Baidoa']],
  ['SY', 'Syria', 33.5, 36.3, ['Damascus', 'Aleppo', 'Homs', 'Raqqa']],
  ['IN', 'India', 28.6, 77.2, ['Srinagar', 'Imphal', 'Raipur', 'Mumbai']],
  ['PH', 'Philippines', 7.1, 125.6, ['Davao', 'Marawi', 'Jolo', 'Cotabato']],
  ['YE', 'Yemen', 15.4, 44.2, ['Sanaa', 'Aden', 'Marib']],
  ['ML', 'Mali', 12.6, -8.0, ['Bamako', 'Gao', 'Mopti', 'Timbuktu']],
  ['BF', 'Burkina Faso', 12.4, -1.5, ['Ouagadougou', 'Djibo', 'Dori']],
  ['CO', 'Colombia', 4.7, -74.1, ['Bogota', 'Cali', 'Cucuta', 'Medellin']],
  ['TR', 'Turkey', 39.9, 32.9, ['Ankara', 'Istanbul', 'Diyarbakir']],
  ['EG', 'Egypt', 30.0, 31.2, ['Cairo', 'Arish', 'Alexandria']],
  ['FR', 'France', 48.9, 2.35, ['Paris', 'Nice', 'Lyon']],
  ['GB', 'United Kingdom', 51.5, -0.1, ['London', 'Manchester', 'Belfast']],
  ['US', 'United States', 38.9, -77.0, ['New York', 'Washington', 'Boston', 'Dallas']],
  ['KE', 'Kenya', -1.3, 36.8, ['Nairobi', 'Mandera', 'Garissa', 'Lamu']],
  ['CD', 'Democratic Republic of the Congo', -1.7, 29.2, ['Beni', 'Goma', 'Bunia']],
  ['MZ', 'Mozambique', -12.97, 40.5, ['Pemba', 'Palma', 'Mocimboa da Praia']],
];
const GROUPS = ['Taliban', 'Islamic State', 'Boko Haram', 'Al-Shabaab', 'Al-Qaeda', 'ISWAP', 'JNIM', 'ELN', 'PKK', 'New People\'s Army', 'Houthis', 'Maoists', 'ADF', 'Ansar al-Sunna'];
const TYPES: [IncidentType, WeaponType, string][] = [
  ['bombing', 'explosives', 'bomb exploded'], ['armed_assault', 'firearms', 'gunmen opened fire'], ['kidnapping', 'firearms', 'kidnapped'],
  ['assassination', 'firearms', 'assassinated'], ['arson', 'incendiary', 'set fire to'], ['vehicle_ramming', 'vehicle', 'rammed a truck'],
  ['hostage_taking', 'firearms', 'took hostages'],
];
const TARGETS: [string, TargetCategory][] = [['police station', 'police'], ['market', 'business'], ['mosque', 'religious'], ['school', 'educational'], ['army base', 'military'], ['bus', 'transportation'], ['village', 'private_citizens']];


async function buildDatabase(): Promise<void> {
  const partial = DB + '.partial';
  rmSync(partial, { force: true });
  const store = await openStore(partial);
  const rand = rng(42);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const t0 = performance.now();
  const start = Date.UTC(2000, 0, 1);
  for (let d = 0; d * PER_DOC < N; d++) {
    const lines: string[] = [];
    const specs: { date: string; c: (typeof COUNTRIES)[number]; place: string; type: (typeof TYPES)[number]; target: (typeof TARGETS)[number]; group: string; killed: number; injured: number; line: string }[] = [];
    for (let k = 0; k < PER_DOC && d * PER_DOC + k < N; k++) {
      const date = new Date(start + Math.floor(rand() * 25 * 365) * 86400000).toISOString().slice(0, 10);
      const c = pick(COUNTRIES);
      const place = pick(c[4]);
      const type = pick(TYPES);
      const target = pick(TARGETS);
      const group = pick(GROUPS);
      const killed = rand() < 0.3 ? 0 : Math.floor(Math.pow(rand(), 3) * 80);
      const injured = Math.floor(Math.pow(rand(), 2) * 60);
      const line = `On ${date} in ${place}, ${c[1]}, ${type[2]} at a ${target[0]} (report ${d}-${k}), killing ${killed} people and wounding ${injured}; ${group} was blamed.`;
      specs.push({ date, c, place, type, target, group, killed, injured, line });
      lines.push(line);
    }
    const doc = makeDoc(lines.join('\n'), { title: `Synthetic roundup ${d}`, source: 'Bench Wire', published: specs[0]!.date, origin: `bench/${d}.txt` });
    let offset = 0;
    const incidents: Incident[] = specs.map((s, k) => {
      const at = (needle: string) => { const e = span({ ...doc, text: s.line }, needle, 'x'); return { start: offset + e.start, end: offset + e.end }; };
      const ev = (needle: string, field: string, value?: string) => ({ doc: doc.id, field, value: value ?? needle, text: needle, ...at(needle), sentenceStart: offset, sentenceEnd: offset + s.line.length });
      const inc = incident(doc, k, {
        type: s.type[0], date: s.date,
        location: { country: s.c[1], countryCode: s.c[0], admin1: null, place: s.place, lat: s.c[2] + (rand() - 0.5) * 4, lon: s.c[3] + (rand() - 0.5) * 4, precision: 'city' },
        perpetrators: [{ name: s.group, kind: 'organization', attribution: 'suspected' }],
        targets: [{ text: s.target[0], category: s.target[1] }], weapons: [{ text: s.type[2], type: s.type[1] }],
        killed: { value: s.killed }, injured: { value: s.injured },
        evidence: [ev(`killing ${s.killed} people`, 'killed', String(s.killed)), ev(s.place, 'location'), ev(s.group, 'perpetrators')],
      });
      offset += s.line.length + 1;
      return inc;
    });
    await store.ingest(doc, extraction(doc, incidents));
    if (d % 200 === 0) process.stderr.write(`\r  building: ${(d * PER_DOC).toLocaleString('en')} / ${N.toLocaleString('en')} incidents (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await store.close();
  renameSync(partial, DB);
  for (const ext of ['-wal', '-shm']) rmSync(partial + ext, { force: true });
  process.stderr.write(`\n  built in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!; };

/** Per-URL timings of the last timeRequests call, for the breakdown. */
const perUrl = new Map<string, number[]>();

async function timeRequests(base: string, urls: string[], rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (const u of urls) await (await fetch(base + u)).arrayBuffer(); // warm the statement cache
  for (let r = 0; r < rounds; r++) {
    for (const u of urls) {
      const t = performance.now();
      const res = await fetch(base + u);
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${u}: ${res.status}`);
      const ms = performance.now() - t;
      times.push(ms);
      perUrl.set(u, [...(perUrl.get(u) ?? []), ms]);
    }
  }
  return times;
}

async function firstRender(url: string): Promise<number[] | null> {
  if (!existsSync(CHROMIUM)) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const out: number[] = [];
  try {
    for (let i = 0; i < 4; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      await page.goto(url + '/#/incidents');
      await page.waitForSelector('table.incidents tbody tr');
      const ms = await page.evaluate(() => performance.now());
      if (i > 0) out.push(ms); // the first load warms the server's and chromium's caches
      if (i === 3) await page.screenshot({ path: join(ROOT, 'test-artifacts', 'bench-dashboard.png') });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}

async function main(): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  mkdirSync(join(ROOT, 'test-artifacts'), { recursive: true });
  if (!existsSync(DB)) await buildDatabase();
  const store: Store = await openStore(DB);
  const total = (await store.listIncidents({ limit: 1 })).total;
  // Cold: every aggregate computed by the store (the cache off). Warm: the dashboard's repeat reads.
  const cold = await serve({ store, port: 0, host: '127.0.0.1', aggregateTtlMs: 0 });
  const server = await serve({ store, port: 0, host: '127.0.0.1' });
  const lists = [
    '/api/incidents', '/api/incidents?country=NG', '/api/incidents?type=bombing&sort=killed',
    '/api/incidents?from=2010-01-01&to=2010-12-31', '/api/incidents?group=Boko%20Haram', '/api/incidents?minKilled=50&sort=killed',
    '/api/incidents?country=IQ&type=kidnapping&offset=200', '/api/incidents?sort=country&order=asc&offset=5000',
  ];
  const stats = ['/api/stats', '/api/stats?country=NG', '/api/stats?type=bombing', '/api/stats?from=2015-01-01&to=2015-12-31'];
  const rows: [string, number, number, number][] = [];
  const add = (name: string, t: number[]) => rows.push([name, t.length, pct(t, 50), pct(t, 95)]);
  const timelines = ['/api/timeline?interval=month', '/api/timeline?interval=week&country=AF'];
  const points = ['/api/points', '/api/points?country=NG'];
  add('GET /api/incidents (8 filters)', await timeRequests(cold.url, lists, 25));
  const listBreakdown = lists.map((u) => `  ${u.padEnd(60)} p50 ${pct(perUrl.get(u)!, 50).toFixed(1).padStart(8)} ms`);
  add('GET /api/stats, cold (4 filters)', await timeRequests(cold.url, stats, 5));
  add('GET /api/stats, cached', await timeRequests(server.url, stats, 10));
  add('GET /api/timeline, cold', await timeRequests(cold.url, timelines, 5));
  add('GET /api/points (map), cold', await timeRequests(cold.url, points, 3));
  const render = await firstRender(server.url);
  await cold.close();
  await server.close();
  await store.close();

  const ok = (v: number, bar: number) => (v < bar ? 'ok' : 'OVER');
  const lines = [
    `Vigil API benchmark — ${new Date().toISOString()} — ${total.toLocaleString('en')} incidents (SQLite, ${DB.replace(ROOT + '/', '')})`,
    '',
    'request                               n   p50 ms   p95 ms   bar (p95 < 100 ms)',
    ...rows.map(([n, c, p50, p95]) => `${n.padEnd(35)} ${String(c).padStart(4)} ${p50.toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}   ${n.includes('points') || n.includes('timeline') ? '(info)' : ok(p95, 100)}`),
    '',
    'incident list by filter:',
    ...listBreakdown,
    '',
    render ? `dashboard first render (navigation → table rows), 3 warm loads: ${render.map((t) => t.toFixed(0)).join(', ')} ms; median ${pct(render, 50).toFixed(0)} ms   bar < 1500 ms: ${ok(pct(render, 50), 1500)}`
      : 'dashboard first render: SKIPPED (no chromium at ' + CHROMIUM + ')',
  ];
  console.log(lines.join('\n'));
  writeFileSync(join(RESULTS, 'api.txt'), lines.join('\n') + '\n');
}

await main();
