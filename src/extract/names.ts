// People's names: a given name (GeoNames-independent name lists built into data/) or a title followed by
// one to three name-like words. In upper- or lower-case text a name-like word is one no lexicon knows.
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import { fold } from '../gazetteer/tokens.js';
import { placeWords } from '../gazetteer/places.js';
import type { Token } from '../nlp/tokens.js';
import type { Annotated } from './annotate.js';
import { calendarWords, functionWords, modifiers, namingVerbs, nounEndingAt, nounWords, nouns, reportingVerbs, speechVerbs, triggers } from './lexicon.js';

const names = JSON.parse(readFileSync(dataPath('place-common-words.json'), 'utf8')) as { givenNames: string[]; personNames: string[] };
const extraGiven = JSON.parse(readFileSync(dataPath('lexicon', 'given-names.json'), 'utf8')) as { givenNames: string[] };
const GIVEN = new Set([...names.givenNames, ...extraGiven.givenNames]);
const TITLE_FILE = JSON.parse(readFileSync(dataPath('lexicon', 'titles.json'), 'utf8')) as { titles: string[]; honorifics: string[] };
const TITLES = new Set(TITLE_FILE.titles);
const HONORIFICS = new Set(TITLE_FILE.honorifics);
/** Words written in lower case far more than capitalised: in caseless text they end a name. */
const COMMON = new Set((JSON.parse(readFileSync(dataPath('lexicon', 'common-words.json'), 'utf8')) as { words: string[] }).words);
/** Words that may open a name before a given name ("Abu Bakr", "Umm Sayyaf"). */
const OPENING_PARTICLES = new Set(['abu', 'umm', 'ibn']);
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'van', 'von', 'der', 'al', 'el', 'bin', 'ibn', 'abu', 'y', 'da', 'dos', 'di']);

/** A title before a name: "general", "msgr.". */
export const isTitle = (w: string): boolean => TITLES.has(w.replace(/\.$/, ''));

export interface NameSpan { from: number; to: number; start: number; end: number; text: string }

function nameLike(a: Annotated, t: Token): boolean {
  if (t.kind !== 'word' || t.text.length < 2 || calendarWords.has(t.lower)) return false;
  if (a.mode === 'mixed') return (t.cap || particleJoined(t.text)) && !functionWords.has(t.lower);
  const w = t.lower;
  // "syed", "ahmed": a given name is no verb for its ending.
  return !inLexicon(t) && (GIVEN.has(w) || !COMMON.has(w) && !/(ed|ing|ly)$/.test(w));
}

/** "al-Masri", "bin-Laden": a particle joined to a capitalised name. */
function particleJoined(text: string): boolean {
  const dash = text.indexOf('-');
  return dash > 0 && PARTICLES.has(text.slice(0, dash).toLowerCase()) && /^\p{Lu}/u.test(text.slice(dash + 1));
}

/** A word the extractor's lexicons know: a function word, a verb of saying, a noun, a modifier, a trigger, a date word. */
function inLexicon(t: Token): boolean {
  const w = t.lower;
  return functionWords.has(w) || reportingVerbs.has(w) || nounWords.has(w) || modifiers.has(w) || calendarWords.has(w) || !!triggers.matchAt([t], 0);
}

/**
 * In mixed case, two capitalised words no lexicon knows ("Andrei Karlov", "Mevlut Mert Altintas"): a name
 * whatever its origin, when neither is a place, a group, a date or a word of the noun lexicon.
 */
function unknownPair(a: Annotated, i: number, to: number): boolean {
  if (a.mode !== 'mixed' || i + 1 >= to) return false;
  const strange = (t: Token) => t.kind === 'word' && t.cap && t.text.length > 2 && !COMMON.has(t.lower) && !inLexicon(t) && !isTitle(t.lower);
  const k = i + 1;
  if (!(strange(a.tokens[i]!) && strange(a.tokens[k]!) && !scene(a, i) && (!scene(a, k) || townInName(a, k)) && a.actorAt[i]! < 0 && a.actorAt[k]! < 0)) return false;
  // Only where a name is expected: in apposition ("the ambassador, Andrei Karlov,"), after "identified as" or "said", or
  // right after a word for a person ("gunman Mevlut Altintas").
  const prev = a.tokens[i - 1];
  if (!prev) return false;
  return prev.text === ',' || NAME_INTRO.has(prev.lower) || speechVerbs.has(prev.lower) || !!nouns.matchAt(a.tokens, i - 1)?.value.some(c => c.cls === 'person' || c.cls === 'perpetrator')
    || aged(a, k + 1);
}

/** ", 27,", ", a 28-year-old": an age after the words before token i. */
function aged(a: Annotated, i: number): boolean {
  const t = a.tokens;
  if (t[i]?.text !== ',') return false;
  if (t[i + 1]?.kind === 'num' && /^\d{1,2}$/.test(t[i + 1]!.text)) return true;
  return (t[i + 1]?.lower === 'a' || t[i + 1]?.lower === 'an') && /^\d{1,2}-year-old$/.test(t[i + 2]?.lower ?? '');
}

const NAME_INTRO = new Set(['as', 'named', 'identified']);

/** "street", "hospital", "university": after a name, the name is of something else (the gazetteer's list, read as is: its words are plain ASCII). */
const namesOther = () => placeWords('namesOther');

/** Population under which a one-word town right after a name's words, with no "in" before it, is the name's ("Mevlut Mert Altintas"). */
const SURNAME_TOWN = 50000;

function townInName(a: Annotated, j: number): boolean {
  const k = a.placeAt[j]!;
  if (k < 0) return false;
  const p = a.places[k]!;
  return p.from === j && p.to === j + 1 && !p.cue && !p.dateline && p.place.kind === 'city' && p.place.population < SURNAME_TOWN;
}

/** A place that may be where something happened; a small town abroad the text does not support ("Usman Khan") may be a name. */
function scene(a: Annotated, i: number): boolean {
  const k = a.placeAt[i]!;
  return k >= 0 && !a.places[k]!.notTheScene;
}

/**
 * In upper- or lower-case text, where a name is expected, two or three unknown words are a name whatever its
 * origin: before an age, between commas after a word for a person ("the attacker, salman abedi, 22,"), after
 * "and" in a list or at the head of a sentence; or after a naming "as" ("identified the bomber as adil ahmad dar").
 */
function expectedName(a: Annotated, i: number, to: number): boolean {
  const t = a.tokens;
  const prev = t[i - 1];
  const opens = !prev || a.sentences[t[i]!.sent]!.from === i;
  if (a.mode === 'mixed' || !opens && prev!.lower !== 'as' && prev!.text !== ',' && prev!.lower !== 'and') return false;
  let j = i;
  while (j < to && j - i < 3 && nameLike(a, t[j]!) && !scene(a, j) && a.actorAt[j]! < 0) j++;
  if (j - i < 2) return false;
  if (!opens && prev!.lower === 'as') {
    for (let v = i - 2; v >= Math.max(0, i - 5); v--) if (namingVerbs.has(t[v]!.lower)) return true;
    return false;
  }
  if (!aged(a, j)) return false;
  // "… and tashfeen malik, 27": one more aged name in a list; "kujtim fejzulai, a 20-year-old …," opening a sentence.
  if (opens || prev!.lower === 'and') return true;
  return !!nounEndingAt(t, i - 1, 3)?.value.some(c => c.cls === 'person' || c.cls === 'perpetrator');
}

/** A given name, looked up without its accents ("José"); folding only words that have any. */
export function given(w: string): boolean {
  if (GIVEN.has(w)) return true;
  for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) > 127) return GIVEN.has(fold(w));
  return false;
}

const expected = (a: Annotated, i: number, to: number): boolean => unknownPair(a, i, to) || expectedName(a, i, to);

export function personNames(a: Annotated, from: number, to: number): NameSpan[] {
  const { tokens } = a;
  const out: NameSpan[] = [];
  // "Easter Sunday" is a date, not a person.
  const taken = (i: number) => a.placeAt[i]! >= 0 || a.actorAt[i]! >= 0 || a.dateAt[i]! >= 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    // "Mr. Torres": the title's abbreviation point is a token of its own.
    const title = tokens[i - 1]?.text === '.' && i - 1 > from ? i - 2 : i - 1;
    const afterTitle = isTitle(tokens[title]?.lower ?? '') && title >= from;
    const known = given(t.lower) && (a.mode !== 'mixed' || t.cap) || afterTitle && nameLike(a, t);
    // A pair of unknown words where a name is expected may start on a small town abroad: "Usman Khan" (Usman', Russia).
    if (known ? taken(i) && !expected(a, i, to) : !expected(a, i, to)) continue;
    let j = i + 1;
    while (j < to && j - i < 5) {
      const u = tokens[j]!;
      if (PARTICLES.has(u.lower) && j + 1 < to && nameLike(a, tokens[j + 1]!)) { j += 2; continue; }
      if (!nameLike(a, u) || taken(j) && !townInName(a, j) || namesOther().has(u.lower)) break;
      j++;
    }
    // A given name alone is too often a word or a place; a surname after "Mr." is a name.
    if (j - i < 2 && !(afterTitle && HONORIFICS.has(tokens[title]!.lower.replace(/\.$/, '')) && nameLike(a, t))) continue;
    // "Bernardo O'Higgins Avenue", "Aga Khan University": the name of a street or a building.
    if (j < to && namesOther().has(tokens[j]!.lower)) { i = j; continue; }
    // "Abu Abdallah al-Masri": a kunya opens the name.
    const first = i > from && OPENING_PARTICLES.has(tokens[i - 1]!.lower) && (a.mode !== 'mixed' || tokens[i - 1]!.cap) ? i - 1 : i;
    const start = tokens[first]!.start, end = tokens[j - 1]!.end;
    out.push({ from: first, to: j, start, end, text: a.text.slice(start, end).replace(/\s+/g, ' ') });
    i = j - 1;
  }
  return out;
}
