// Coverage of the gazetteer on MUC-4 train.jsonl gold places: the fraction of gold place names (by kind)
// that findPlaces finds in the document's text. Development only (never run on devtest.jsonl).
// Run: npx tsx scripts/place-coverage.ts [path/to/train.jsonl] [--misses]
import { readFileSync } from 'node:fs';
import { countryCounts, findPlaces, resolvePlace, type PlaceMention } from '../src/gazetteer/places.js';
import { fold } from '../src/gazetteer/tokens.js';

const file = process.argv.find((a) => a.endsWith('.jsonl')) ?? '/work/shared/data/muc4/train.jsonl';
if (/devtest/.test(file)) throw new Error('place-coverage: not on devtest');
const showMisses = process.argv.includes('--misses');
const norm = (s: string): string => fold(s).replace(/[^a-z0-9]+/g, ' ').trim();

const byKind = new Map<string, [number, number]>();
const misses = new Map<string, number>();
let mentions = 0;
const resolved = [0, 0];
const wrongCountry: string[] = [];
let textChars = 0;
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const d = JSON.parse(line) as { text: string; dateline: string | null; incidents: { location?: { country?: string; places?: { name: string; kind: string | null }[] }[] }[] };
  const found = findPlaces(d.text);
  const normText = norm(d.text);
  mentions += found.length;
  textChars += d.text.length;
  const names = new Set<string>();
  const byName = new Map<string, PlaceMention>();
  const counts = countryCounts(found);
  for (const m of found) {
    byName.set(norm(m.text), m);
    byName.set(norm(m.text).split(' ').slice(0, -1).join(' '), byName.get(norm(m.text).split(' ').slice(0, -1).join(' ')) ?? m);
    names.add(norm(m.text));
    for (const c of m.candidates) names.add(norm(c.name));
    // the bare name without its type word ("san miguel department" → "san miguel")
    names.add(norm(m.text).split(' ').slice(0, -1).join(' '));
  }
  const seen = new Set<string>();
  for (const inc of d.incidents) {
    for (const loc of inc.location ?? []) {
      const golds: [string, string][] = (loc.places ?? []).map((p) => [p.name, p.kind ?? '?']);
      if (loc.country) golds.push([loc.country, 'country']);
      for (const [name, kind] of golds) {
        const k = norm(name);
        if (!k || seen.has(kind + k) || !(' ' + normText + ' ').includes(' ' + k + ' ')) continue; // only names present in the text
        seen.add(kind + k);
        const hit = names.has(k);
        const s = byKind.get(kind) ?? [0, 0];
        s[0] += hit ? 1 : 0; s[1]++;
        byKind.set(kind, s);
        const m = byName.get(k);
        if (hit && m && loc.country && kind !== 'country') {
          const p = resolvePlace(m, { countryCounts: counts, dateline: d.dateline });
          resolved[1]++;
          if (norm(p.country) === norm(loc.country)) resolved[0]++;
          else if (showMisses) wrongCountry.push(`${k}: ${p.name}, ${p.country} (gold ${loc.country})`);
        }
        if (!hit) misses.set(`${kind}: ${k}`, (misses.get(`${kind}: ${k}`) ?? 0) + 1);
      }
    }
  }
}
let hit = 0, all = 0;
for (const [kind, [h, n]] of [...byKind].sort((a, b) => b[1][1] - a[1][1])) {
  hit += h; all += n;
  console.log(`${kind.padEnd(14)} ${h}/${n}  ${((100 * h) / n).toFixed(1)}%`);
}
console.log(`ALL            ${hit}/${all}  ${((100 * hit) / all).toFixed(1)}%   (${mentions} mentions in ${(textChars / 1e6).toFixed(1)} MB)`);
console.log(`resolved to the gold country: ${resolved[0]}/${resolved[1]}  ${((100 * resolved[0]) / resolved[1]).toFixed(1)}%  (places other than countries, found by name)`);
if (showMisses) console.log(wrongCountry.join('\n'));
if (showMisses) for (const [k, v] of [...misses].sort((a, b) => b[1] - a[1])) console.log(v, k);
