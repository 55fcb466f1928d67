// Fits the role model (perpetrator / target / victim / weapon) on MUC-4 train, never devtest or seeds:
// every noun phrase of every candidate incident is labelled with the role whose gold strings it matches
// (the official scorer's matching), one logistic model per role; writes data/model/roles.json.
//
//   npx tsx scripts/fit-roles.ts [path/to/shared]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bestThreshold, compact, fitLogistic, outOfFold, type Sample, fitL2, trainingDocs } from './logistic.js';

process.env.VIGIL_FEATURES = '1';
const { dataPath, ROOT } = await import('../src/paths.js');
// Candidates come from the hand rules alone (which incidents are kept depends on the roles found), so the
// fit starts from the same place whatever model the repository has now.
process.env.VIGIL_RULES_ONLY = '1';
const { extract } = await import('../src/extract/index.js');
const { ROLES } = await import('../src/extract/roles.js');

const shared = resolve(process.argv[2] ?? join(ROOT, '..', 'shared'));
const scorer = await import(pathToFileURL(join(shared, 'eval', 'score.mjs')).href) as { norm: (s: string) => string; head: (s: string) => string };
const STOP = new Set(['the', 'a', 'an', 'of', 'and', 'in', 'at', 'on', 'to', 'for', 'by', 'with', 'from', 'its', 'their', 'his', 'her']);
function matches(pred: string, gold: string): boolean {
  const p = scorer.norm(pred), g = scorer.norm(gold);
  if (!p || !g) return false;
  if (p === g) return true;
  if (scorer.head(p) !== scorer.head(g)) return false;
  const pw = p.split(' ').filter(w => !STOP.has(w)), gw = g.split(' ').filter(w => !STOP.has(w));
  const [short, long] = pw.length <= gw.length ? [pw, new Set(gw)] : [gw, new Set(pw)];
  return short.every(w => long.has(w));
}

const SLOT: Record<string, string> = { perpetrator: 'perpetrator_individuals', target: 'targets', victim: 'victims', weapon: 'weapons' };
interface GoldDoc { id: string; text: string; published: string | null; dateline?: string | null; incidents: Record<string, { strings: string[] }[]>[] }
const docs = trainingDocs(readFileSync(join(shared, 'data', 'muc4', 'train.jsonl'), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l) as GoldDoc));

const samples: Record<string, Sample[]> = Object.fromEntries(ROLES.map(r => [r, []]));
const possible: Record<string, number> = Object.fromEntries(ROLES.map(r => [r, 0]));
for (const [docIndex, d] of docs.entries()) {
  // Roles are judged within incidents; whether a document reports any is the incident filter's call.
  if (!d.incidents.length) continue;
  const ex = extract({ id: d.id, title: null, source: null, url: null, author: null, published: d.published, language: 'en', text: d.text, origin: d.id, format: 'jsonl', dateline: d.dateline ?? null });
  const gold = Object.fromEntries(ROLES.map(r => [r, d.incidents.flatMap(i => (i[SLOT[r]!] ?? []).flatMap(e => e.strings))]));
  for (const r of ROLES) possible[r]! += d.incidents.reduce((n, i) => n + (i[SLOT[r]!]?.length ?? 0), 0);
  const seen = new Set<string>();
  for (const inc of ex.incidents as unknown as { _roles: { text: string; f: Record<string, number> }[] }[]) {
    for (const c of inc._roles) {
      const key = scorer.norm(c.text);
      const x = new Map(Object.entries(c.f));
      for (const r of ROLES) samples[r]!.push({ x, y: !seen.has(r + key) && gold[r]!.some(g => matches(c.text, g)) ? 1 : 0, group: docIndex });
      for (const r of ROLES) if (gold[r]!.some(g => matches(c.text, g))) seen.add(r + key);
    }
  }
}

const out: Record<string, { threshold: number; weights: Record<string, number> }> = {};
for (const r of ROLES) {
  const opts = { epochs: 250, l2: fitL2() };
  const w = fitLogistic(samples[r]!, opts);
  const oof = outOfFold(samples[r]!, opts);
  const best = bestThreshold(samples[r]!.map((s, i) => ({ p: oof[i]!, y: s.y })), possible[r]!);
  out[r] = { threshold: best.t, weights: compact(w) };
  console.log(`${r}: ${samples[r]!.filter(s => s.y).length} positive of ${samples[r]!.length}; gold ${possible[r]}; threshold ${best.t}, out-of-fold F1 ${(100 * best.f).toFixed(1)}`);
}
mkdirSync(dataPath('model'), { recursive: true });
writeFileSync(dataPath('model', 'roles.json'), JSON.stringify({ fittedOn: 'MUC-4 train.jsonl', roles: out }) + '\n');
