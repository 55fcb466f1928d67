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

function* corpus(paras: string[], targetBytes: number): Generator<Document> {
  const r = rng(42);
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

function winkBaseline(docs: Document[]) {
  const require = createRequire(import.meta.url);
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model, ['sbd', 'pos']);
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

const paras = paragraphs();
// Threads first: the one-thread run loads the extractor into this thread, which would inflate the RSS of the other.
const all = await run(corpus(paras, TARGET_MB * 1e6), THREADS);
// The one-thread comparison runs on text made beforehand, with the extractor (and its gazetteer) loaded beforehand:
// it measures extraction, not the text generator or the one-off start-up, which is reported on its own.
const sample = [...corpus(paras, Math.min(10, TARGET_MB) * 1e6)];
const t0 = process.hrtime.bigint();
await extractOne(sample[0]!);
const startup = Number(process.hrtime.bigint() - t0) / 1e9;
const oneCore = await run(sample, 1);
const wink = winkBaseline(sample);

const perCore = oneCore.mb / oneCore.secs;
const winkRate = wink.mb / wink.secs;
const lines = [
  `# vigil extraction speed — ${new Date().toISOString().slice(0, 10)}`,
  '',
  '| run | text | documents | incidents | time | MB/s | docs/s | peak RSS |',
  '|---|---|---|---|---|---|---|---|',
  `| extract, 1 thread | ${oneCore.mb.toFixed(1)} MB | ${oneCore.docs} | ${oneCore.incidents} | ${oneCore.secs.toFixed(1)} s | ${perCore.toFixed(2)} | ${(oneCore.docs / oneCore.secs).toFixed(0)} | ${oneCore.peakMb.toFixed(0)} MB |`,
  `| extract, ${THREADS} worker threads | ${all.mb.toFixed(1)} MB | ${all.docs} | ${all.incidents} | ${all.secs.toFixed(1)} s | ${(all.mb / all.secs).toFixed(2)} | ${(all.docs / all.secs).toFixed(0)} | ${all.peakMb.toFixed(0)} MB |`,
  `| wink-nlp tokens + POS, 1 thread | ${wink.mb.toFixed(1)} MB | | | ${wink.secs.toFixed(1)} s | ${winkRate.toFixed(2)} | | |`,
  '',
  `- throughput per core: ${perCore.toFixed(2)} MB/s (bar ≥ 1 MB/s); with ${THREADS} threads ${(all.mb / all.secs / THREADS).toFixed(2)} MB/s per core`,
  `- start-up (loading the extractor and its gazetteer, once per thread): ${startup.toFixed(1)} s, not in the one-thread time`,
  `- wink-nlp baseline / vigil: ${(winkRate / perCore).toFixed(2)}× (bar ≤ 3×)`,
  `- peak RSS over ${all.mb.toFixed(0)} MB: ${all.peakMb.toFixed(0)} MB (bar < 600 MB)`,
];
const text = lines.join('\n');
process.stdout.write(text + '\n');
writeFileSync(join(ROOT, 'bench', 'results', 'speed.md'), text + '\n');
