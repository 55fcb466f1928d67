// npm run bench:speed — extraction throughput on ≥ 50 MB of generated news-like text, peak RSS, and the
// ratio to wink-nlp tokenizing and tagging the same text. Writes bench/results/speed.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from '../src/paths.js';
import { documentId, type Document } from '../src/ingest/document.js';
import { extractAll, extractOne } from '../src/pipeline/pool.js';
import { sharedDir } from './shared.js';
import { rng } from './random.js';

const TARGET_MB = Number(process.env.VIGIL_BENCH_MB ?? 50);
const THREADS = 2;
/** One-thread rounds, vigil and wink-nlp alternating on the same text: the machine's drift hits both alike. */
const ROUNDS = 3;
const WARM_MB = 2;


function sentenceCase(p: string): string {
  return p.toLowerCase().replace(/(^|[.!?]\s+)([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase());
}

/** Paragraphs of real reporting (MUC-4 train, the seeds, the examples) recombined into new documents, in all three casings. */
function paragraphs(): string[] {
  const shared = sharedDir();
  const out: string[] = [];
  for (const line of readFileSync(join(shared, 'data', 'muc4', 'train.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    for (const p of (JSON.parse(line) as { text: string }).text.split(/\n\s*\n/)) if (p.trim().length > 80) out.push(p.trim());
  }
  for (const f of ['vocativ-2015-11-17.txt', 'itic-2016-12.txt']) {
    for (const p of readFileSync(join(shared, 'data', 'seeds', f), 'utf8').split(/\n\s*\n/)) if (p.trim().length > 80) out.push(p.trim());
  }
  return out;
}

function* corpus(paras: string[], targetBytes: number, seed = 42): Generator<Document> {
  const r = rng(seed);
  let bytes = 0, n = 0;
  while (bytes < targetBytes) {
    const k = 3 + Math.floor(r() * 10);
    const casing = r();
    const parts: string[] = [];
    for (let i = 0; i < k; i++) {
      const p = paras[Math.floor(r() * paras.length)]!;
      parts.push(casing < 0.4 ? p.toUpperCase() : casing < 0.9 ? sentenceCase(p) : p.toLowerCase());
    }
    const text = parts.join('\n\n');
    bytes += Buffer.byteLength(text);
    const day = 1 + Math.floor(r() * 28), month = 1 + Math.floor(r() * 12);
    yield { id: documentId(text + n++), title: null, source: 'bench', url: null, author: null,
      published: `2016-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      language: 'en', text, origin: `bench#${n}`, format: 'txt' };
  }
}

async function* asAsync<T>(it: Iterable<T>): AsyncGenerator<T> { for (const x of it) yield x; }

async function run(source: Iterable<Document>, threads: number) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 100);
  let bytes = 0, docs = 0, incidents = 0;
  const t0 = process.hrtime.bigint();
  for await (const x of extractAll(asAsync(source), threads)) {
    bytes += Buffer.byteLength(x.doc.text);
    docs++;
    incidents += x.extraction?.incidents.length ?? 0;
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { mb: bytes / 1e6, docs, incidents, secs, peakMb: peak / 1e6 };
}

const require = createRequire(import.meta.url);
const winkNLP = require('wink-nlp');
const winkModel = require('wink-eng-lite-web-model');

function winkBaseline(docs: Document[]) {
  const nlp = winkNLP(winkModel, ['sbd', 'pos']);
  const its = nlp.its;
  let bytes = 0;
  const t0 = process.hrtime.bigint();
  for (const d of docs) {
    const doc = nlp.readDoc(d.text);
    doc.tokens().out(its.pos);
    bytes += Buffer.byteLength(d.text);
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  return { mb: bytes / 1e6, secs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const range = (xs: number[], digits: number) => `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

const paras = paragraphs();
// Threads first: the one-thread run loads the extractor into this thread, which would inflate the RSS of the other.
const all = await run(corpus(paras, TARGET_MB * 1e6), THREADS);
// The one-thread comparison runs on text made beforehand, with the extractor (and its gazetteer) loaded beforehand:
// it measures extraction, not the text generator or the one-off start-up, which is reported on its own.
const sample = [...corpus(paras, Math.min(10, TARGET_MB) * 1e6)];
const t0 = process.hrtime.bigint();
await extractOne(sample[0]!);
const startup = Number(process.hrtime.bigint() - t0) / 1e9;
// The first pass over fresh text is timed on its own (cold: compiling, caches and heap still growing), then both
// sides warm up on other text and run ROUNDS alternating rounds; the ratio is the median of the rounds'.
const cold = await run(sample, 1);
const warm = [...corpus(paras, WARM_MB * 1e6, 7)];
await run(warm, 1);
winkBaseline(warm);
const rounds: { vigil: number; wink: number }[] = [];
for (let r = 0; r < ROUNDS; r++) {
  const v = await run(sample, 1);
  const w = winkBaseline(sample);
  rounds.push({ vigil: v.mb / v.secs, wink: w.mb / w.secs });
}
const perCore = median(rounds.map(r => r.vigil));
const winkRate = median(rounds.map(r => r.wink));
const ratios = rounds.map(r => r.wink / r.vigil);
const ratio = median(ratios);
const mb = cold.mb;
const lines = [
  `# vigil extraction speed — ${new Date().toISOString().slice(0, 10)}`,
  '',
  '| run | text | documents | incidents | time | MB/s | docs/s | peak RSS |',
  '|---|---|---|---|---|---|---|---|',
  `| extract, 1 thread, first pass (cold) | ${mb.toFixed(1)} MB | ${cold.docs} | ${cold.incidents} | ${cold.secs.toFixed(1)} s | ${(mb / cold.secs).toFixed(2)} | ${(cold.docs / cold.secs).toFixed(0)} | ${cold.peakMb.toFixed(0)} MB |`,
  `| extract, 1 thread, warm (median of ${ROUNDS}) | ${mb.toFixed(1)} MB | ${cold.docs} | ${cold.incidents} | ${(mb / perCore).toFixed(1)} s | ${perCore.toFixed(2)} | ${(cold.docs * perCore / mb).toFixed(0)} | — |`,
  `| extract, ${THREADS} worker threads | ${all.mb.toFixed(1)} MB | ${all.docs} | ${all.incidents} | ${all.secs.toFixed(1)} s | ${(all.mb / all.secs).toFixed(2)} | ${(all.docs / all.secs).toFixed(0)} | ${all.peakMb.toFixed(0)} MB |`,
  `| wink-nlp tokens + POS, 1 thread, warm (median of ${ROUNDS}) | ${mb.toFixed(1)} MB | | | ${(mb / winkRate).toFixed(1)} s | ${winkRate.toFixed(2)} | | |`,
  '',
  `- throughput per core: ${perCore.toFixed(2)} MB/s warm (rounds ${range(rounds.map(r => r.vigil), 2)}), ${(mb / cold.secs).toFixed(2)} MB/s on the first pass (bar ≥ 1 MB/s); with ${THREADS} threads ${(all.mb / all.secs / THREADS).toFixed(2)} MB/s per core`,
  `- start-up (loading the extractor and its gazetteer, once per thread): ${startup.toFixed(1)} s, not in the one-thread time`,
  `- wink-nlp baseline / vigil: ${ratio.toFixed(2)}× (median of ${ROUNDS} alternating warm rounds, ${range(ratios, 2)}; bar ≤ 3×); first pass against the warm baseline: ${(winkRate / (mb / cold.secs)).toFixed(2)}×`,
  `- both warmed up first on ${WARM_MB} MB of other text; the warm rounds' RSS is not reported: that process also holds wink-nlp, its model and the text of every round`,
  `- peak RSS over ${all.mb.toFixed(0)} MB: ${all.peakMb.toFixed(0)} MB (bar < 600 MB)`,
];
const text = lines.join('\n');
process.stdout.write(text + '\n');
writeFileSync(join(ROOT, 'bench', 'results', 'speed.md'), text + '\n');
