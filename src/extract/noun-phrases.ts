// Noun phrases around lexicon heads: the head noun (longest lexicon phrase), extended to the left over
// its modifiers. Works without capitals: unknown words count as modifiers only when they look nominal.
import type { Token } from '../nlp/tokens.js';
import type { Annotated } from './annotate.js';
import { functionWords, modifiers, nounWords, nouns, pastForms, predicateNouns, reportingVerbs, timeDistances, triggers, verbParticles, verbsAfterNoun, type NounClass } from './lexicon.js';
import { numberAt } from '../nlp/numbers.js';
import { given } from './names.js';

export interface NounPhrase {
  from: number;
  to: number;
  /** Token range of the head phrase. */
  headFrom: number;
  classes: NounClass[];
  start: number;
  end: number;
  text: string;
}

const MAX_LEFT = 5;
const CALENDAR = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'yesterday', 'tonight']);

function isModifier(a: Annotated, t: Token, unknownSoFar: number): 'known' | 'unknown' | null {
  const w = t.lower;
  if (t.kind === 'punct') return null;
  if (t.kind === 'num') return /^(1[89]|20)\d\d$/.test(w) ? null : 'known';
  // "during the last few hours terrorists staged…": a stretch of time ends the phrase before it.
  if (CALENDAR.has(w) || pastForms.has(w) || timeDistances.has(w)) return null;
  if (modifiers.has(w) || nounWords.has(w)) return 'known';
  if (functionWords.has(w) || reportingVerbs.has(w)) return null;
  if (numberAt([t], 0)) return 'known';
  if (/-/.test(w) && w.length > 3) return 'known';
  if (w.endsWith("'s")) return unknownSoFar < 3 ? 'unknown' : null;
  if (triggers.matchAt([t], 0)) return null;
  if (a.mode === 'mixed') return t.cap && unknownSoFar < 3 ? 'unknown' : null;
  // Upper- or lower-case text: an unknown word that does not look like a verb or an adverb.
  if (unknownSoFar >= 2 || w.length < 3 || /(?:ly|ing|ed)$/.test(w)) return null;
  return 'unknown';
}

export function nounPhrases(a: Annotated, from: number, to: number): NounPhrase[] {
  const { tokens, text } = a;
  const out: NounPhrase[] = [];
  for (let i = from; i < to; i++) {
    const hit = nouns.matchAt(tokens, i, to);
    if (!hit) continue;
    // "armed men shot dead…": after a noun, a past form is the verb.
    if (afterNoun(tokens, i, from)) continue;
    // "took 20 crew members hostage": said of the people before it.
    if (i > from && predicateNouns.has(tokens[i]!.lower) && nounWords.has(tokens[i - 1]!.lower)) continue;
    // A lexicon noun followed by another one is a modifier of a compound ("police station", "car bomb").
    // The same for a noun before a nominal trigger: "terrorist attack", "guerrilla raid".
    const next = hit.to < to && !afterNoun(tokens, hit.to, from) && !predicateNouns.has(tokens[hit.to]!.lower) ? nouns.matchAt(tokens, hit.to, to) ?? nominalTrigger(tokens, hit.to, to) : null;
    if (next) { i = hit.to - 1; continue; }
    let left = hit.from, unknown = 0;
    while (left > from && hit.from - left < MAX_LEFT) {
      const kind = isModifier(a, tokens[left - 1]!, unknown);
      if (!kind) break;
      // "police suspect Malay Muslim insurgents": after a noun, "suspect" is the verb.
      if (left - 1 > from && verbsAfterNoun.has(tokens[left - 1]!.lower) && nounWords.has(tokens[left - 2]!.lower)) break;
      if (kind === 'unknown') unknown++;
      left--;
      // A count opens the phrase: "shot dead four members" is not one phrase.
      if (tokens[left]!.kind === 'num' || numberAt([tokens[left]!], 0)) break;
    }
    // Do not start a phrase on an unknown word when it is not next to a known one: it is likely a verb.
    // A possessive is no verb ("the group's afghan branch"), nor is a group's name ("boko haram fighters") or a
    // given name ("a taylor swift concert").
    while (left < hit.from && isModifier(a, tokens[left]!, 0) === 'unknown' && a.mode !== 'mixed' && left + 1 < hit.from
      && !tokens[left]!.lower.endsWith("'s") && a.actorAt[left]! < 0 && !given(tokens[left]!.lower)
      && isModifier(a, tokens[left + 1]!, 0) === 'unknown') left++;
    // A head whose modifiers reach back into the phrase before it extends that phrase ("guerrilla urban commandos").
    const prev = out[out.length - 1];
    if (prev && left <= prev.to - 1 && prev.to <= hit.from) { left = Math.min(left, prev.from); out.pop(); }
    const start = tokens[left]!.start, end = tokens[hit.to - 1]!.end;
    out.push({ from: left, to: hit.to, headFrom: hit.from, classes: hit.value, start, end, text: text.slice(start, end).replace(/\s+/g, ' ') });
    i = hit.to - 1;
  }
  return ofPhrases(a, out);
}

const OF_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'their']);

/**
 * "a group of armed men", "four members of a family": a head that needs a modifier and the phrase after
 * its "of" are one phrase, which is what the second says it is.
 */
function ofPhrases(a: Annotated, nps: NounPhrase[]): NounPhrase[] {
  const { tokens, text } = a;
  const out: NounPhrase[] = [];
  for (let k = 0; k < nps.length; k++) {
    const np = nps[k]!, next = nps[k + 1];
    // "members of the FMLN" are people of the group, which the registry names: the phrase stays "members".
    if (next && np.classes.every(c => c.cls === 'needsModifier') && tokens[np.to]?.lower === 'of' && a.actorAt[next.to - 1]! < 0) {
      let i = np.to + 1;
      while (i < next.from && OF_DETERMINERS.has(tokens[i]!.lower)) i++;
      if (i === next.from) {
        out.push({ ...next, from: np.from, start: np.start, text: text.slice(np.start, next.end).replace(/\s+/g, ' ') });
        k++;
        continue;
      }
    }
    out.push(np);
  }
  return out;
}

function afterNoun(tokens: Token[], i: number, from: number): boolean {
  return i > from && pastForms.has(tokens[i]!.lower) && nounWords.has(tokens[i - 1]!.lower);
}

function nominalTrigger(tokens: Token[], i: number, to: number): unknown {
  const t = triggers.matchAt(tokens, i, to);
  // "attackers set fire to…": a verb phrase, not the head of a compound.
  const verbal = (k: number) => /ed$/.test(tokens[k]!.lower) || pastForms.has(tokens[k]!.lower);
  return t && !verbal(i) && !verbal(t.to - 1) && !(t.to - t.from > 1 && verbParticles.has(tokens[t.to - 1]!.lower)) ? t : null;
}
