// npm run bench:resolve — cross-document resolution: B-cubed accuracy on a labelled set of news reports,
// stability over ingestion orders, and time and memory to resolve one million generated mentions.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath } from 'node:url';
import type { Document } from '../src/ingest/document.js';
import type { Extraction, Incident, IncidentType, Perpetrator, Status } from '../src/model.js';
import type { MentionRecord } from '../src/resolve/contract.js';
import { BlockIndex } from '../src/resolve/block-index.js';
import { resolver } from '../src/resolve/index.js';
import { COMPONENT_LIMIT, WINDOW_DAYS } from '../src/resolve/config.js';
import { ROOT } from '../src/paths.js';
import { rng } from './random.js';

interface GoldMention {
  type: IncidentType; status: Status; date: Incident['date']; countryCode: string; place: string | null;
  lat?: number; lon?: number; admin1?: string; killed?: number; injured?: number;
  perpetrators?: Perpetrator[]; targets?: string[]; weapons?: string[]; background?: boolean; group?: string; evidence: string;
}
interface LabelledDoc {
  id: string; title: string; source: string; published: string; text: string;
  truth: string[]; mentions: GoldMention[];
}

const out: string[] = [];
const log = (s = ''): void => { out.push(s); console.log(s); };

function loadDocs(): LabelledDoc[] {
  const file = join(ROOT, 'bench', 'data', 'resolve', 'documents.jsonl');
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as LabelledDoc);
}

function goldRecord(doc: LabelledDoc, g: GoldMention, n: number): MentionRecord {
  const id = `men_${doc.id}_${n}`;
  const start = Math.max(0, doc.text.indexOf(g.evidence));
  const incident: Incident = {
    id, type: g.type, status: g.status, date: g.date,
    location: { country: null, countryCode: g.countryCode, admin1: g.admin1 ?? null, place: g.place,
      lat: g.lat ?? null, lon: g.lon ?? null, precision: g.place ? 'city' : 'country' },
    perpetrators: g.perpetrators ?? [],
    targets: (g.targets ?? []).map((text) => ({ text, category: 'other' as const })),
    victims: [], weapons: (g.weapons ?? []).map((text) => ({ text, type: 'unknown' as const })),
    killed: g.killed === undefined ? null : { value: g.killed },
    injured: g.injured === undefined ? null : { value: g.injured },
    suicide: false,
    evidence: [{ doc: doc.id, field: 'killed', start, end: start + g.evidence.length, text: g.evidence }],
    sources: [doc.id],
  };
  if (g.background) incident.background = true;
  if (g.group) incident.group = g.group;
  return { id, docId: doc.id, published: doc.published, incident };
}

/** B-cubed precision and recall of a clustering against the truth, averaged over mentions. */
function bcubed(clusterOf: Map<string, string>, truthOf: Map<string, string>): { p: number; r: number; f: number } {
  const byCluster = new Map<string, string[]>();
  const byTruth = new Map<string, number>();
  for (const [m, c] of clusterOf) {
    byCluster.set(c, [...(byCluster.get(c) ?? []), m]);
    const t = truthOf.get(m)!;
    byTruth.set(t, (byTruth.get(t) ?? 0) + 1);
  }
  let p = 0, r = 0;
  for (const [m, c] of clusterOf) {
    const members = byCluster.get(c)!;
    const same = members.filter((x) => truthOf.get(x) === truthOf.get(m)).length;
    p += same / members.length;
    r += same / byTruth.get(truthOf.get(m)!)!;
  }
  const n = clusterOf.size;
  p /= n; r /= n;
  return { p, r, f: (2 * p * r) / (p + r) };
}

function resolveInOrder(docs: { records: MentionRecord[] }[]): Map<string, string> {
  const index = new BlockIndex(resolver);
  for (const d of docs) if (d.records.length) index.addDocument(d.records);
  const clusterOf = new Map<string, string>();
  for (const [inc, ids] of index.partition()) for (const id of ids) clusterOf.set(id, inc);
  return clusterOf;
}

function shuffled<T>(xs: T[], seed: number): T[] {
  const a = xs.slice();
  let s = seed >>> 0;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

const fmt = (x: number): string => x.toFixed(3);

function goldBenchmark(docs: LabelledDoc[]): void {
  const withRecords = docs.map((d) => ({ doc: d, records: d.mentions.map((g, n) => goldRecord(d, g, n)) }));
  const truthOf = new Map<string, string>();
  for (const { doc, records } of withRecords) records.forEach((r, n) => truthOf.set(r.id, doc.truth[n]!));
  const chronological = withRecords.slice().sort((a, b) => a.doc.published.localeCompare(b.doc.published) || a.doc.id.localeCompare(b.doc.id));
  const base = resolveInOrder(chronological);
  const score = bcubed(base, truthOf);
  const signature = (m: Map<string, string>): string => JSON.stringify([...m].sort());
  const baseSig = signature(base);
  const ORDERS = 20;
  let identical = 0;
  for (let k = 0; k < ORDERS; k++) if (signature(resolveInOrder(shuffled(withRecords, 1000 + k))) === baseSig) identical++;
  const incidents = new Set(base.values()).size;
  const truths = new Set(truthOf.values()).size;
  log('Labelled set (gold mentions)');
  log(`  documents ${docs.length}, mentions ${truthOf.size} (${[...withRecords].flatMap((w) => w.records).filter((r) => r.incident.background).length} background), true incidents ${truths}, resolved clusters ${incidents}`);
  log(`  B-cubed precision ${fmt(score.p)}  recall ${fmt(score.r)}  F1 ${fmt(score.f)}   (bar: F1 >= 0.95)`);
  log(`  ingestion orders giving the identical clustering: ${identical}/${ORDERS} random permutations`);
  // Errors, for whoever tunes the weights.
  const byCluster = new Map<string, string[]>();
  for (const [m, c] of base) byCluster.set(c, [...(byCluster.get(c) ?? []), m]);
  for (const [, ms] of byCluster) {
    const ts = new Set(ms.map((m) => truthOf.get(m)));
    if (ts.size > 1) log(`  merged: ${[...ts].join(' + ')}`);
  }
  const byTruth = new Map<string, Set<string>>();
  for (const [m, t] of truthOf) byTruth.set(t, (byTruth.get(t) ?? new Set()).add(base.get(m)!));
  for (const [t, cs] of byTruth) if (cs.size > 1) log(`  split: ${t} into ${cs.size}`);
}

// ---- End to end: the real extractor's mentions, when src/extract exists -------------------------------

async function loadExtractor(): Promise<((doc: Document) => Extraction) | null> {
  const url = new URL('../src/extract/index.js', import.meta.url);
  const file = fileURLToPath(url);
  if (!existsSync(file) && !existsSync(file.replace(/\.js$/, '.ts'))) return null;
  try {
    const mod = (await import(url.href)) as { extract?: (doc: Document) => Extraction };
    return typeof mod.extract === 'function' ? mod.extract : null;
  } catch (e) {
    log(`  (extractor present but failed to load: ${(e as Error).message.split('\n')[0]})`);
    return null;
  }
}

/** Which true incident an extracted mention stands for: the gold mention it best agrees with, else its position. */
function matchTruth(doc: LabelledDoc, inc: Incident, n: number, used: Set<number>): string {
  let best = -1, bestScore = 0;
  doc.mentions.forEach((g, k) => {
    if (used.has(k)) return;
    let s = 0;
    if (JSON.stringify(g.date) === JSON.stringify(inc.date)) s += 2;
    else if (typeof g.date === 'string' && typeof inc.date === 'string' && g.date.slice(0, 7) === inc.date.slice(0, 7)) s += 1;
    const place = inc.location?.place?.toLowerCase();
    if (place && g.place && place === g.place.toLowerCase()) s += 2;
    if (g.type === inc.type) s += 1;
    if (g.killed !== undefined && inc.killed && typeof inc.killed === 'object' && inc.killed.value === g.killed) s += 1;
    if (s > bestScore) { best = k; bestScore = s; }
  });
  if (best < 0 && n < doc.mentions.length && !used.has(n)) best = n;
  if (best < 0) return `spurious:${doc.id}:${n}`;
  used.add(best);
  return doc.truth[best]!;
}

async function endToEnd(docs: LabelledDoc[]): Promise<void> {
  log('End to end (src/extract → resolve)');
  const extract = await loadExtractor();
  if (!extract) { log('  skipped: src/extract/index.js does not exist yet'); return; }
  const truthOf = new Map<string, string>();
  const withRecords = docs.map((d) => {
    const document: Document = { id: d.id, title: d.title, source: d.source, url: null, author: null, published: d.published,
      language: 'en', text: d.text, origin: 'bench/data/resolve/documents.jsonl', format: 'jsonl' };
    const used = new Set<number>();
    const records = extract(document).incidents.map((inc, n): MentionRecord => {
      const id = `men_${d.id}_${n}`;
      truthOf.set(id, matchTruth(d, inc, n, used));
      return { id, docId: d.id, published: d.published, incident: { ...inc, id, sources: [d.id] } };
    });
    return { doc: d, records };
  });
  const extracted = truthOf.size;
  const gold = docs.reduce((n, d) => n + d.mentions.length, 0);
  const spurious = [...truthOf.values()].filter((t) => t.startsWith('spurious:')).length;
  const chronological = withRecords.sort((a, b) => a.doc.published.localeCompare(b.doc.published) || a.doc.id.localeCompare(b.doc.id));
  const score = bcubed(resolveInOrder(chronological), truthOf);
  log(`  extracted mentions ${extracted} (gold ${gold}, ${spurious} matching no gold mention)`);
  log(`  B-cubed precision ${fmt(score.p)}  recall ${fmt(score.r)}  F1 ${fmt(score.f)}  (over extracted mentions)`);
}

// ---- One million generated mentions ----------------------------------------------------------------------


const SYLLABLES = ['ka', 'ra', 'mo', 'shi', 'tal', 'bar', 'dul', 'ni', 'zan', 'go', 'ham', 'ul', 'qar', 'sa', 'bek', 'lo', 'mir', 'tu'];
const NOUNS = ['market', 'checkpoint', 'mosque', 'church', 'school', 'bus', 'police', 'station', 'convoy', 'hotel', 'wedding',
  'funeral', 'office', 'bank', 'bridge', 'camp', 'village', 'restaurant', 'hospital', 'stadium', 'border', 'court', 'ministry',
  'embassy', 'bazaar', 'square', 'shrine', 'university', 'patrol', 'pipeline', 'rally', 'prison', 'airport', 'port', 'farm'];
const TYPES: IncidentType[] = ['bombing', 'bombing', 'bombing', 'armed_assault', 'armed_assault', 'kidnapping', 'assassination', 'arson', 'hostage_taking'];

interface SynthTruth { truth: number; size: number }

interface Country { code: string; lat: number; lon: number; places: { name: string; lat: number; lon: number }[]; groups: string[] }

/** Countries in the generated world, and the Zipf exponent of their share of incidents. */
const COUNTRIES = 150;
const ZIPF = 1;

function makeWorld(rand: () => number, n: number): { countries: Country[]; cumulative: number[] } {
  const word = (k: number): string => Array.from({ length: k }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join('');
  const countries: Country[] = [];
  for (let i = 0; i < n; i++) {
    const lat = -30 + rand() * 80, lon = -100 + rand() * 240;
    const places = Array.from({ length: 30 }, () => ({ name: word(2 + Math.floor(rand() * 2)), lat: lat + (rand() - 0.5) * 8, lon: lon + (rand() - 0.5) * 8 }));
    const groups = Array.from({ length: 5 }, () => word(3) + ' front');
    countries.push({ code: String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)), lat, lon, places, groups });
  }
  // Zipf weights: a few countries carry most of the violence, as in GTD (with 150 countries and exponent 1,
  // the busiest carries 18% of incidents and the 15 busiest 59%).
  const weights = countries.map((_, i) => 1 / Math.pow(i + 1, ZIPF));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return { countries, cumulative: weights.map((w) => (acc += w / total)) };
}

/** New incidents per day: uniform in [INCIDENTS_PER_DAY, INCIDENTS_PER_DAY + 12]. */
const INCIDENTS_PER_DAY = 20;

/**
 * Streams `total` mentions in publication order. The density, documented because the cost depends on it:
 * 26 new incidents a day on average across 150 countries (Zipf, above), each reported 1–20 times (10.5 on
 * average) over the following week — about 275 mentions a day, so one million mentions cover ten years
 * (2014–2023), near GTD's peak rate of incidents with far more reports each. Reports carry tolls that
 * rise, dates off by a day or only a month, places misspelt or missing, and a few passing (background)
 * references 1–3 weeks later. Mention dates lag publication by at most 25 days plus a month (background
 * references dated to the month only). Holds only the reports not yet published.
 */
function* syntheticStream(total: number, seed: number, truthOf: Map<string, SynthTruth>): Generator<{ day: number; m: MentionRecord }> {
  const rand = rng(seed);
  const { countries, cumulative } = makeWorld(rand, COUNTRIES);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const start = Date.UTC(2014, 0, 1) / 86_400_000;
  const iso = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
  const pending = new Map<number, MentionRecord[]>();
  let emitted = 0, truth = 0, doc = 0;
  for (let day = start; emitted < total; day++) {
    const incidents = Math.round(INCIDENTS_PER_DAY + rand() * 12);
    for (let k = 0; k < incidents; k++) {
      const r = rand();
      const c = countries[Math.max(0, cumulative.findIndex((x) => x >= r))]!;
      const place = c.places[Math.floor(rand() * c.places.length)]!;
      const type = pick(TYPES);
      const killed = Math.floor(Math.pow(rand(), 3) * 80);
      const nouns = [pick(NOUNS), pick(NOUNS)];
      const group = rand() < 0.6 ? pick(c.groups) : null;
      const size = 1 + Math.floor(rand() * 20);
      const id = truth++;
      for (let j = 0; j < size; j++) {
        const background = j > 0 && rand() < 0.03;
        const delay = background ? 7 + Math.floor(rand() * 18) : Math.floor(Math.pow(rand(), 2) * 7);
        const dr = rand();
        const date = background || dr < 0.02 ? iso(day).slice(0, 7) : iso(day + (dr < 0.12 ? (rand() < 0.5 ? -1 : 1) : 0));
        const pr = rand();
        const located = pr < 0.9;
        const placeName = pr < 0.95 ? place.name : pr < 0.97 ? place.name.replace(/([aeiou])/, '$1$1') : null;
        const toll = rand() < 0.2 ? null : Math.max(0, Math.round(killed * Math.min(1, 0.3 + delay / 5) + (rand() - 0.5) * 2));
        const docId = `sd${(doc++).toString(36)}`;
        const mid = `men_${docId}_0`;
        const targets = nouns.filter(() => rand() < 0.7).map((t) => ({ text: `${t} in ${place.name}`, category: 'other' as const }));
        const evidence = `${pick(['A', 'The', 'An'])} ${type.replace('_', ' ')} hit a ${nouns[0]} near the ${nouns[1]} in ${placeName ?? 'the province'}, ` +
          `killing ${toll ?? 'several'} ${pick(['people', 'civilians', 'worshippers', 'soldiers', 'shoppers'])}.`;
        const incident: Incident = {
          id: mid, type: rand() < 0.08 ? pick(TYPES) : type, status: 'carried_out', date,
          location: { country: null, countryCode: c.code, admin1: null, place: placeName,
            lat: located ? place.lat : null, lon: located ? place.lon : null, precision: placeName ? 'city' : 'country' },
          perpetrators: group && rand() < 0.7 ? [{ name: group, kind: 'organization', attribution: pick(['claimed', 'suspected', 'reported'] as const) }] : [],
          targets, victims: [], weapons: [], killed: toll === null ? null : { value: toll }, injured: null, suicide: false,
          evidence: [{ doc: docId, field: 'killed', start: 0, end: evidence.length, text: evidence }], sources: [docId],
        };
        if (background) incident.background = true;
        truthOf.set(mid, { truth: id, size });
        const at = day + delay;
        const list = pending.get(at) ?? [];
        list.push({ id: mid, docId, published: iso(at), incident });
        pending.set(at, list);
      }
    }
    for (const m of pending.get(day) ?? []) {
      if (emitted >= total) break;
      emitted++;
      yield { day, m };
    }
    pending.delete(day);
  }
}

/**
 * Days behind the stream's current publication day (beyond the ±WINDOW_DAYS window) after which an
 * incident whose mentions all end earlier leaves the in-memory index. The generator's mention dates lag
 * publication by at most ~25 days (a month, for background references), so no later report can belong to
 * an evicted incident. This is the benchmark standing in for a store, whose older rows stay on disk and
 * are simply never fetched: what it measures is the per-mention work and a flat working set.
 */
const EVICT_MARGIN_DAYS = 42;

function million(total: number): void {
  log(`Scale: ${total.toLocaleString('en')} generated mentions, resolved one report at a time (in-memory block index, window ±${WINDOW_DAYS} days by country;`);
  log(`  related() against the block, cluster() of the component joined (whole up to ${COMPONENT_LIMIT} mentions, else local);`);
  log(`  ${COUNTRIES} countries (Zipf ${ZIPF}), ~${INCIDENTS_PER_DAY + 6} incidents/day of 1–20 reports;`);
  log(`  incidents leave the index ${WINDOW_DAYS + EVICT_MARGIN_DAYS} days behind the stream, standing in for rows on disk)`);
  const truthOf = new Map<string, SynthTruth>();
  const index = new BlockIndex(resolver);
  // B-cubed on the generated truth, counted incrementally on every cluster as eviction closes it.
  let p = 0, r = 0, scored = 0, lastDay = 0, firstDay = 0;
  const onEvict = (_: string, ms: MentionRecord[]): void => {
    for (const m of ms) {
      const t = truthOf.get(m.id)!;
      let same = 0;
      for (const x of ms) if (truthOf.get(x.id)!.truth === t.truth) same++;
      p += same / ms.length;
      r += same / t.size;
      scored++;
    }
    for (const m of ms) truthOf.delete(m.id);
  };
  const mb = (b: number): string => (b / 1048576).toFixed(0);
  // RSS sampled every 2 s (checked every 256 mentions) and at fixed fractions of the stream, each time after
  // a full garbage collection: otherwise RSS shows when V8 last chose to collect (it lets the heap grow to
  // several times what is live before a major GC) rather than what the resolver keeps.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const rssSeries: { n: number; rss: number }[] = [];
  const milestones = [0.1, 0.25, 0.5, 0.75, 1].map((f) => Math.round(total * f));
  const marks: string[] = [];
  let peak = 0, lastSample = 0;
  const t0 = performance.now();
  let n = 0;
  const sample = (now: number): number => {
    gc();
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    rssSeries.push({ n, rss });
    lastSample = now;
    return rss;
  };
  for (const { day, m } of syntheticStream(total, 42, truthOf)) {
    if (firstDay === 0) firstDay = day;
    index.addDocument([m]);
    n++;
    if (day !== lastDay) {
      index.evictBefore(day - WINDOW_DAYS - EVICT_MARGIN_DAYS, onEvict);
      lastDay = day;
    }
    if ((n & 255) === 0 || milestones.includes(n)) {
      const now = performance.now();
      if (now - lastSample >= 2000 || milestones.includes(n)) {
        const rss = sample(now);
        if (milestones.includes(n)) {
          marks.push(`${n >= 1000 ? `${+(n / 1000).toFixed(1)}k` : n}:${mb(rss)}`);
          console.error(`  … ${n.toLocaleString('en')} mentions, ${((now - t0) / 1000).toFixed(0)} s, ${Math.round(n / ((now - t0) / 1000))} mentions/s, rss ${mb(rss)} MB, live ${index.size}`);
        }
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const years = (lastDay - firstDay) / 365.25;
  index.evictBefore(Number.MAX_SAFE_INTEGER, onEvict);
  const f = (2 * (p / scored) * (r / scored)) / (p / scored + r / scored);
  const warm = rssSeries.filter((x) => x.n >= total * 0.1).map((x) => x.rss);
  const lo = Math.min(...warm), hi = Math.max(...warm);
  log(`  ${years.toFixed(1)} years of reports; wall time ${seconds.toFixed(1)} s (${(seconds / 60).toFixed(2)} min; bar: < 10 min)   ${Math.round(n / seconds).toLocaleString('en')} mentions/s`);
  log(`  RSS by mentions resolved (count:MB) ${marks.join(' ')}; peak ${mb(peak)} MB`);
  log(`  RSS after warm-up (from 10% of the stream, ${warm.length} samples 2 s apart, after a full GC): ${mb(lo)}–${mb(hi)} MB, spread ${mb(hi - lo)} MB`);
  log(`  largest block ${index.maxBlock} mentions, largest component clustered ${index.maxComponent}; B-cubed on the generated truth (${scored.toLocaleString('en')} mentions) P ${fmt(p / scored)} R ${fmt(r / scored)} F1 ${fmt(f)}`);
}

async function main(): Promise<void> {
  const docs = loadDocs();
  log(`Vigil resolution benchmark — ${new Date().toISOString().slice(0, 10)}, node ${process.version}`);
  log();
  goldBenchmark(docs);
  log();
  await endToEnd(docs);
  log();
  const total = Number(process.env.VIGIL_BENCH_MENTIONS ?? 1_000_000);
  million(total);
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'resolve.txt'), out.join('\n') + '\n');
}

await main();
