// Fits the extractor's learned incident filter on MUC-4 train (never devtest, never the seeds):
// extracts every train document with features exposed, labels each candidate with the official scorer
// (does it pair with a gold incident on type and date or place?), fits an L2 logistic regression and
// writes data/model/incident-filter.json.
//
//   npx tsx scripts/fit-incident-filter.ts [path/to/shared]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

process.env.VIGIL_FEATURES = '1';
const { extract } = await import('../src/extract/index.js');
const { ROOT, dataPath } = await import('../src/paths.js');

const shared = resolve(process.argv[2] ?? join(ROOT, '..', 'shared'));
const { score } = await import(pathToFileURL(join(shared, 'eval', 'score.mjs')).href) as {
  score: (g: Map<string, unknown>, p: Map<string, unknown>, slots: string[]) => { all: { cor: number } };
};

interface GoldDoc { id: string; text: string; published: string | null; dateline?: string | null; incidents: unknown[] }
const docs = readFileSync(join(shared, 'data', 'muc4', 'train.jsonl'), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l) as GoldDoc);

type Sample = { x: Map<string, number>; y: number };
const samples: Sample[] = [];
for (const d of docs) {
  const ex = extract({ id: d.id, title: null, source: null, url: null, author: null, published: d.published, language: 'en', text: d.text, origin: d.id, format: 'jsonl', dateline: d.dateline ?? null });
  const claimed = new Set<number>();
  for (const inc of ex.incidents as (typeof ex.incidents[number] & { _features: Record<string, number> })[]) {
    let y = 0;
    for (let g = 0; g < d.incidents.length; g++) {
      if (claimed.has(g)) continue;
      const one = new Map([[d.id, { ...d, incidents: [d.incidents[g]] }]]);
      const cor = score(one, new Map([[d.id, { id: d.id, incidents: [inc] }]]), ['type', 'date', 'location']).all.cor;
      if (cor >= 2) { y = 1; claimed.add(g); break; }
    }
    samples.push({ x: new Map(Object.entries(inc._features)), y });
  }
}

// L2-regularised logistic regression, full-batch gradient descent.
const w = new Map<string, number>();
const LR = 0.5, L2 = 1e-3, EPOCHS = 400;
const dot = (x: Map<string, number>) => { let z = 0; for (const [k, v] of x) z += (w.get(k) ?? 0) * v; return z; };
for (let e = 0; e < EPOCHS; e++) {
  const grad = new Map<string, number>();
  for (const s of samples) {
    const p = 1 / (1 + Math.exp(-dot(s.x)));
    for (const [k, v] of s.x) grad.set(k, (grad.get(k) ?? 0) + (p - s.y) * v);
  }
  for (const [k, g] of grad) w.set(k, (w.get(k) ?? 0) - LR * (g / samples.length + L2 * (w.get(k) ?? 0)));
}

// The threshold that maximises F1 of the kept candidates against the gold incidents they pair with.
const positives = samples.filter(s => s.y).length;
const goldIncidents = docs.reduce((n, d) => n + d.incidents.length, 0);
let best = { t: 0.5, f: 0 };
for (let t = 0.05; t < 0.95; t += 0.01) {
  const kept = samples.filter(s => 1 / (1 + Math.exp(-dot(s.x))) >= t);
  const tp = kept.filter(s => s.y).length;
  const p = tp / Math.max(1, kept.length), r = tp / goldIncidents;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  if (f > best.f) best = { t: +t.toFixed(2), f };
}
const weights = Object.fromEntries([...w].filter(([, v]) => Math.abs(v) > 1e-4).sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => [k, +v.toFixed(4)]));
mkdirSync(dataPath('model'), { recursive: true });
writeFileSync(dataPath('model', 'incident-filter.json'), JSON.stringify({
  fittedOn: 'MUC-4 train.jsonl', samples: samples.length, positives, threshold: best.t, weights,
}, null, 1) + '\n');
console.log(`candidates ${samples.length}, positive ${positives}, gold incidents ${goldIncidents}; threshold ${best.t} (train incident F1 ${(100 * best.f).toFixed(1)})`);
