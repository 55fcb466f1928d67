// Killed and injured counts of a sentence: "at least 12 people were killed", "killing 130",
// "the death toll rose to 224", "dozens were wounded". Counts of attackers are kept apart.
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import { numberAt, type NumberSpan } from '../nlp/numbers.js';
import { PhraseMatcher } from '../nlp/phrases.js';
import type { Count } from '../model.js';
import type { Annotated } from './annotate.js';
import type { Token } from '../nlp/tokens.js';
import { asideOpeners, determiners, nouns, functionWords, lawAgentAround, relativePronouns } from './lexicon.js';
import { countryOfDemonym } from '../gazetteer/places.js';

interface CasualtyFile { killed: string[]; injured: string[]; killedBefore: string[]; injuredBefore: string[]; toll: string[]; tollVerbs: string[]; deathVerbs: string[] }
const C: CasualtyFile = JSON.parse(readFileSync(dataPath('lexicon', 'casualties.json'), 'utf8'));
const after = new PhraseMatcher<'killed' | 'injured'>().addAll(C.killed, 'killed').addAll(C.injured, 'injured');
const before = new PhraseMatcher<'killed' | 'injured'>().addAll(C.killedBefore, 'killed').addAll(C.injuredBefore, 'injured');
const toll = new PhraseMatcher<true>().addAll(C.toll, true);
const tollVerb = new PhraseMatcher<true>().addAll(C.tollVerbs, true);
const deathVerbs = new Set(C.deathVerbs);

export interface CasualtyMention {
  field: 'killed' | 'injured' | 'perpetratorsKilled';
  count: Count;
  from: number;
  to: number;
  /** "killing the former prime minister and nine other people": the count holds the person before "and". */
  withOne?: boolean;
}

/** How far back a toll phrase may stand from its number. */
const TOLL_REACH = 20;

const LINKS = new Set(['were', 'was', 'are', 'is', 'have', 'has', 'had', 'been', 'being', 'be', 'reported', 'left',
  'people', 'persons', 'others', 'and', 'at', 'least', 'confirmed', 'already', 'also', 'all', 'later', 'reportedly',
  'on', 'board', 'aboard', 'inside', 'in', 'who', 'other', 'more', 'further', 'additional']);

export function casualties(a: Annotated, from: number, to: number): CasualtyMention[] {
  const { tokens } = a;
  const out: CasualtyMention[] = [];
  for (let i = from; i < to; i++) {
    // "Nobody was hurt": a count of none.
    const n = numberAt(tokens, i) ?? (tokens[i]!.lower === 'nobody' ? { from: i, to: i + 1, count: { value: 0 } } : null);
    if (!n || n.count.value > 100000) continue;
    if (isYear(tokens[n.to - 1]!)) continue; // a year, not a count
    const byVerbBefore = countBefore(a, n, from);
    const found = toDeath(a, n, to) ?? byVerbBefore ?? countAfter(a, n, to);
    // "killing the former prime minister and at least nine other people": ten.
    const others = found ? null : andOthers(a, n, from);
    if (others) {
      out.push({ field: others, count: { ...n.count, value: n.count.value + 1 }, from: n.from, to: n.to, withOne: true });
      i = n.to - 1;
      continue;
    }
    // "No one was injured": none.
    const none = tokens[n.from - 1]?.lower === 'no' && n.count.value === 1;
    // "killed 58 foreign tourists and four Egyptians": one toll of both.
    const more = found && found === byVerbBefore ? conjoinedCount(a, n, to) : null;
    if (more) {
      out.push({ field: found!.field, count: { ...n.count, value: n.count.value + more.count.value }, from: n.from, to: more.to });
      i = more.to - 1;
      continue;
    }
    if (found) out.push({ ...found, count: none ? { value: 0 } : n.count, from: none ? n.from - 1 : n.from, to: found.to });
    i = n.to - 1;
  }
  return out;
}

const OTHERS = /^others?$/;
const isYear = (t: Token): boolean => /^(19|20)\d\d$/.test(t.text);

/** The longest phrase a counted noun may take before "and" and the next count ("58 foreign tourists and four Egyptians"). */
const CONJOINED_WORDS = 4;

/** The counts and people after the first that share its verb ("six policemen, two security staff and a gardener"), summed, when they do. */
function conjoinedCount(a: Annotated, n: NumberSpan, limit: number): NumberSpan | null {
  const t = a.tokens;
  let total = 0, j = n.to;
  for (;;) {
    const stop = Math.min(limit, j + CONJOINED_WORDS);
    while (j < stop && t[j]!.kind === 'word' && t[j]!.lower !== 'and') j++;
    const last = t[j]?.lower === 'and' || t[j]?.text === ',' && t[j + 1]?.lower === 'and';
    if (!last && t[j]?.text !== ',') return null;
    const next = peopleCounted(a, t[j]?.lower === 'and' ? j + 1 : last ? j + 2 : j + 1, limit);
    if (!next) return null;
    total += next.count;
    // Only a list that "and" closes: "killing 37 people and wounding 60, the regional governor said" is none.
    if (last) return { ...n, count: { ...n.count, value: total }, to: next.to };
    j = next.to;
  }
}

/** "four Egyptians", "five others", "a gardener" at token j: how many people, and where the phrase ends. */
function peopleCounted(a: Annotated, j: number, limit: number): { count: number; to: number } | null {
  const t = a.tokens;
  if (t[j]?.lower === 'the' && numberAt(t, j + 1)) j++; // "the two drivers"
  // "a gardener", "the driver": one person (not "the two drivers", "the passengers").
  const definite = t[j]?.lower === 'the' && !numberAt(t, j + 1);
  const one = t[j]?.lower === 'a' || t[j]?.lower === 'an' || definite;
  const m = one ? null : numberAt(t, j);
  if (!one && (!m || m.from !== j || isYear(t[m.to - 1]!))) return null;
  // "…and 40 wounded": a count of its own.
  if (m && countAfter(a, m, limit)) return null;
  const count = m ? m.count.value : 1, from = m ? m.to : j + 1;
  if (OTHERS.test(t[from]?.lower ?? '') && !one) return { count, to: from + 1 };
  // People: a word for people, or a nationality ("four Egyptians").
  for (let k = from; k < Math.min(limit, from + CONJOINED_WORDS) && t[k]!.kind === 'word'; k++) {
    const noun = nouns.matchAt(t, k, limit);
    if (noun?.value.some(c => c.cls === 'person' || c.cls === 'needsModifier')) return definite && /s$/.test(t[noun.to - 1]!.lower) ? null : { count, to: noun.to };
    if (!one && /s$/.test(t[k]!.lower) && countryOfDemonym(t[k]!.lower)) return { count, to: k + 1 };
  }
  return null;
}

/** How far before "and N others" the verb may stand ("killing the billionaire politician and at least nine other people"). */
const OTHERS_REACH = 8;

/** "killing <one person> and N other people": the field of the verb before the one person, when nothing else is counted there. */
function andOthers(a: Annotated, n: NumberSpan, limit: number): 'killed' | 'injured' | null {
  const t = a.tokens;
  if (t[n.from - 1]?.lower !== 'and' || !OTHERS.test(t[n.to]?.lower ?? '')) return null;
  for (let j = n.from - 2; j >= Math.max(limit, n.from - 1 - OTHERS_REACH); j--) {
    if (t[j]!.kind !== 'word' || numberAt(t, j)) return null;
    const verb = before.matchAt(t, j, n.from - 1);
    if (verb) return verb.value;
  }
  return null;
}

/** The longest aside between a count and its verb ("five people, including two children, were killed"). */
const INSERT_WORDS = 8;

/** "12 (people|of the attackers) (were) killed", "12 dead". */
function countAfter(a: Annotated, n: NumberSpan, limit: number): Omit<CasualtyMention, 'count' | 'from'> | null {
  const { tokens } = a;
  let perpetrators = false;
  let reach = n.to + 7;
  for (let j = n.to; j < Math.min(limit, reach); j++) {
    const hit = after.matchAt(tokens, j, limit);
    if (hit) {
      const field = hit.value === 'killed' && perpetrators ? 'perpetratorsKilled' : hit.value;
      return { field, to: hit.to };
    }
    const t = tokens[j]!;
    // "at least five people, including two children, were killed"
    if (t.text === ',' && asideOpeners.has(tokens[j + 1]?.lower ?? '')) {
      let k = j + 2;
      while (k < Math.min(limit, j + 2 + INSERT_WORDS) && tokens[k]!.text !== ',') k++;
      if (tokens[k]?.text === ',') { reach += k - j + 1; j = k; continue; }
    }
    if (t.kind === 'punct' && t.text !== '-') return null;
    const noun = nouns.matchAt(tokens, j, limit);
    if (noun) {
      if (noun.value.some(c => c.cls === 'perpetrator')) perpetrators = true;
      j = noun.to - 1;
      continue;
    }
    if (LINKS.has(t.lower) || t.lower === 'of' || t.lower === 'the' || t.lower === 'them' || t.lower === 'whom') continue;
    if (functionWords.has(t.lower) || t.kind === 'num') return null;
  }
  return null;
}

/** How long a relative clause between a person and the verb may be ("Theo van Gogh, who had received death threats…, was shot"). */
const RELATIVE_WORDS = 20;
/** How many words a verb of harm may stand before the person it harmed, with determiners between. */
const PERSON_VERB_REACH = 3;

/**
 * "killing the mayor", "Theo van Gogh, who had received death threats over a film, was shot and stabbed to death":
 * whether the sentence tells the one person of the phrase [from, to) killed or injured.
 */
export function personToll(a: Annotated, from: number, to: number, sentence: { from: number; to: number }): 'killed' | 'injured' | null {
  const t = a.tokens;
  let k = from;
  while (k > sentence.from && determiners.has(t[k - 1]!.lower)) k--;
  for (let j = Math.max(sentence.from, k - PERSON_VERB_REACH); j < k; j++) {
    const b = before.matchAt(t, j, k);
    if (b && b.to === k) return lawAgentAround(t, j, j) ? null : b.value;
  }
  let end = to;
  if (t[end]?.text === ',' && relativePronouns.has(t[end + 1]?.lower ?? '')) {
    let m = end + 2;
    while (m < Math.min(sentence.to, end + 2 + RELATIVE_WORDS) && t[m]!.text !== ',') m++;
    if (t[m]?.text !== ',') return null;
    end = m + 1;
  }
  const found = countAfter(a, { from, to: end, count: { value: 1 } }, sentence.to);
  return found && found.field !== 'perpetratorsKilled' ? found.field : null;
}

const TO_DEATH_REACH = 4;

/** "stabbed two people to death": a verb of harm, the count, and "to death" after the people counted. */
function toDeath(a: Annotated, n: NumberSpan, limit: number): Omit<CasualtyMention, 'count' | 'from'> | null {
  const t = a.tokens;
  if (!deathVerbs.has(t[n.from - 1]?.lower ?? '')) return null;
  for (let j = n.to; j < Math.min(limit - 1, n.to + TO_DEATH_REACH); j++) {
    if (t[j]!.lower === 'to' && t[j + 1]!.lower === 'death') return { field: 'killed', to: j + 2 };
    if (t[j]!.kind === 'punct') return null;
  }
  return null;
}

/** "killing 12", "the death toll rose to 224". */
function countBefore(a: Annotated, n: NumberSpan, limit: number): Omit<CasualtyMention, 'count' | 'from'> | null {
  const { tokens } = a;
  for (let j = n.from - 1; j >= Math.max(limit, n.from - TOLL_REACH); j--) {
    const b = j >= n.from - 6 ? before.matchAt(tokens, j, n.from) : null;
    // "police shot dead five men": the attackers' deaths.
    if (b && b.to === n.from) return { field: b.value === 'killed' && lawAgentAround(tokens, j, j) ? 'perpetratorsKilled' : b.value, to: n.to };
    const hit = toll.matchAt(tokens, j, n.from);
    if (hit) {
      // "the death toll rose to 224", "the number of people killed in Saturday's bombing has risen to 276"
      const k = hit.to;
      if (k === n.from) return { field: 'killed', to: n.to };
      for (let v = n.from - 1; v >= k && v >= n.from - 4; v--) {
        const verb = tollVerb.matchAt(tokens, v, n.from);
        if (verb && verb.to === n.from) return { field: 'killed', to: n.to };
      }
    }
  }
  return null;
}
