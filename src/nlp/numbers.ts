// Counts in text: digits ("1,200"), number words ("twenty-five", "two hundred"), vague counts
// (ACLED: "dozens" = 12, "tens" = 10, "hundreds" = 100) and their qualifiers ("at least").
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import type { Token } from './tokens.js';
import type { Count } from '../model.js';

interface NumberLexicon {
  units: Record<string, number>;
  multipliers: Record<string, number>;
  vague: Record<string, number>;
  qualifiers: Record<string, string>;
}
const LEX: NumberLexicon = JSON.parse(readFileSync(dataPath('lexicon', 'numbers.json'), 'utf8'));
const UNITS = new Map(Object.entries(LEX.units));
const MULT = new Map(Object.entries(LEX.multipliers));
const VAGUE = new Map(Object.entries(LEX.vague));
/** Qualifiers by their first word, longest first: one look-up per token instead of one test per qualifier. */
const QUALIFIERS = new Map<string, { words: string[]; value: string }[]>();
for (const [k, value] of Object.entries(LEX.qualifiers)) {
  const words = k.split(' ');
  const list = QUALIFIERS.get(words[0]!) ?? [];
  list.push({ words, value });
  list.sort((a, b) => b.words.length - a.words.length);
  QUALIFIERS.set(words[0]!, list);
}

export interface NumberSpan { from: number; to: number; count: Count }

function wordValue(lower: string): number | undefined {
  const u = UNITS.get(lower);
  if (u !== undefined) return u;
  if (!lower.includes('-')) return undefined;
  const parts = lower.split('-');
  if (parts.length === 2) {
    const a = UNITS.get(parts[0]!), b = UNITS.get(parts[1]!);
    if (a !== undefined && b !== undefined && a >= 20 && b < 10) return a + b;
  }
  return undefined;
}

/** The number starting at token `i` (qualifier included), or null. Articles count only before a multiplier. */
export function numberAt(tokens: Token[], i: number): NumberSpan | null {
  // "between 30 and 40"
  if (tokens[i]?.lower === 'between') {
    const low = numberAt(tokens, i + 1);
    const high = low && tokens[low.to]?.lower === 'and' ? numberAt(tokens, low.to + 1) : null;
    if (!low || !high || high.count.value <= low.count.value) return null;
    return { from: i, to: high.to, count: { value: low.count.value, max: high.count.value } };
  }
  let from = i, qualifier: string | undefined;
  for (const q of QUALIFIERS.get(tokens[i]?.lower ?? '') ?? []) {
    if (q.words.every((w, k) => tokens[i + k]?.lower === w)) { qualifier = q.value; i += q.words.length; break; }
  }
  const t = tokens[i];
  if (!t) return null;
  let value: number | undefined, to = i + 1;
  if (t.kind === 'num') {
    if (!/^\d{1,3}(,\d{3})*$|^\d+$/.test(t.text)) return null;
    value = Number(t.text.replace(/,/g, ''));
  } else {
    const v = VAGUE.get(t.lower);
    if (v !== undefined) {
      const of = tokens[i + 1]?.lower === 'of' ? 1 : 0;
      return { from, to: i + 1 + of, count: { value: v, qualifier: qualifier ?? t.lower } };
    }
    value = wordValue(t.lower);
    if (value === undefined) return null;
    if ((t.lower === 'a' || t.lower === 'an' || t.lower === 'no') && !MULT.has(tokens[i + 1]?.lower ?? '') && tokens[i + 1]?.lower !== 'dozen') {
      return null;
    }
  }
  // "two hundred", "1.2 million", "a dozen"
  for (let m = MULT.get(tokens[to]?.lower ?? ''); m !== undefined; m = MULT.get(tokens[to]?.lower ?? '')) { value *= m; to++; }
  if (tokens[to]?.lower === 'dozen' && value < 12) { value *= 12; to++; }
  // ranges: "10 to 15", "10-15"
  let max: number | undefined;
  if ((tokens[to]?.lower === 'to' || tokens[to]?.lower === 'or') && tokens[to + 1]?.kind === 'num') {
    const m = Number(tokens[to + 1]!.text.replace(/,/g, ''));
    if (m > value) { max = m; to += 2; }
  }
  const count: Count = { value };
  if (qualifier) count.qualifier = qualifier;
  if (max !== undefined) count.max = max;
  return { from, to, count };
}
