// The annotated document: the text owns everything, every annotation is a span into it (STYLE.md).
import type { Document } from '../ingest/document.js';
import { caseMode, tokenize, type CaseMode, type Sentence, type Token } from '../nlp/tokens.js';
import { findDates, type DateMention } from '../nlp/dates.js';
import { capitalOf, countryOfDemonym, findPlaces, isPlaceWord, placeWords, resolvePlace, type GeoPlace } from '../gazetteer/places.js';
import { findActors, nationalForces } from '../gazetteer/actors.js';
import { PhraseMatcher } from '../nlp/phrases.js';
import { functionWords, nouns } from './lexicon.js';
import { given } from './names.js';

export interface Span { from: number; to: number; start: number; end: number }
export interface DateSpan extends Span { date: DateMention }
export interface PlaceSpan extends Span {
  place: GeoPlace;
  text: string;
  /** After "in", "at", "near"…: said as where something is. */
  cue: boolean;
  /** In the dateline: where the report was filed, not necessarily where it happened. */
  dateline: boolean;
  /**
   * Named, but not where anything happened: the name of something else (a street, "Toyota cars", a quoted
   * title), or a small place abroad in a text about one country whose country the paragraph never names (most
   * likely a local place the gazetteer lacks that shares a foreign town's name: Linwood, Christchurch → Linwood, US).
   */
  notTheScene?: boolean;
}
export interface ActorSpan extends Span { actorId: string; name: string; text: string }


export interface Annotated {
  doc: Document;
  text: string;
  mode: CaseMode;
  tokens: Token[];
  sentences: Sentence[];
  /** The reference for relative dates: publication date, else a dated dateline. */
  reference: string | null;
  dates: DateSpan[];
  places: PlaceSpan[];
  actors: ActorSpan[];
  /** Countries by how often the text names places in them: the context for ambiguous places. */
  countryCounts: Map<string, number>;
  /** Per token, the index in `actors` / `places` / `dates` of the span covering it, or -1. */
  actorAt: Int32Array;
  placeAt: Int32Array;
  dateAt: Int32Array;
  /** Where the head of wire copy (dateline, source, bracketed notes) ends, or -1: see wireHeadEnd. */
  headEnd: number;
}

/** "BOGOTA, 9 JAN 90 (EFE) --": the date of the report, at the head of the text before the dash. */
export function isDatelineDate(text: string, d: { start: number; end: number }): boolean {
  if (d.start > 80) return false;
  return /^[^.\n]{0,30}(--|—|\[TEXT\])/.test(text.slice(d.end, d.end + 40));
}

/**
 * A place at the head of the text, or of the paragraph after a headline, followed by a date or a dash:
 * "BOGOTA, 9 JAN 90 (EFE) --", "PARIS (Reuters) -".
 */
function inDatelineHead(text: string, m: { start: number; end: number }): boolean {
  if (m.start > HEADLINE_REACH + 40) return false;
  const para = paragraphStart(text, m.start);
  if (m.start - para > 40 || para > HEADLINE_REACH || para > 0 && !isHeadline(text.slice(0, para))) return false;
  return /^[^.\n]{0,80}?(--|—| - |\[TEXT\])/.test(text.slice(m.end, m.end + 90)) && !/[.!?]/.test(text.slice(para, m.start));
}

const HEADLINE_REACH = 200;

/** Where the paragraph holding offset `i` begins (after a blank line), or 0. */
function paragraphStart(text: string, i: number): number {
  const before = text.slice(0, i);
  const m = /\n[ \t\r]*\n[ \t\r]*(?=[^\n]*$)/.exec(before);
  return m ? m.index + m[0].length : 0;
}

/** One short line without a full stop: a headline. */
function isHeadline(s: string): boolean {
  const t = s.trim();
  return t.length > 0 && !t.includes('\n') && !/[.!?]["”']?$/.test(t);
}

/** Index of the token containing (or first after) character offset `c`. */
export function tokenAt(tokens: Token[], c: number): number {
  let lo = 0, hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= c) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function toSpan(tokens: Token[], start: number, end: number): Span {
  const from = tokenAt(tokens, start);
  let to = tokenAt(tokens, end - 1) + 1;
  if (to <= from) to = from + 1;
  return { from, to, start, end };
}

export function annotate(doc: Document): Annotated {
  const text = doc.text;
  const mode = caseMode(text);
  const { tokens, sentences } = tokenize(text, mode);
  let reference = doc.published ? doc.published.slice(0, 10) : null;
  let found = findDates(text, reference);
  // No publication date: a dated dateline ("TEGUCIGALPA, 26 JAN 89 --") is the reference instead.
  if (!reference) {
    const d = found.find(m => isDatelineDate(text, m) && typeof m.value === 'string' && m.value.length === 10);
    if (d) { reference = d.value as string; found = findDates(text, reference); }
  }
  const dates = found.map(d => ({ ...toSpan(tokens, d.start, d.end), date: d }));

  const mentions = findPlaces(text);
  const countryCounts = new Map<string, number>();
  // Unambiguous places (one candidate country) set the context that disambiguates the others.
  for (const m of mentions) {
    const codes = new Set(m.candidates.map(c => c.countryCode));
    if (codes.size === 1) { const c = [...codes][0]!; countryCounts.set(c, (countryCounts.get(c) ?? 0) + 1); }
  }
  // Before the dateline is looked up: the gazetteer keeps the tokens and actors of the last text only.
  const actors = findActors(text, { upperCaseDoc: mode === 'upper' })
    .map(a => ({ ...toSpan(tokens, a.start, a.end), actorId: a.actorId, name: a.name, text: a.text }))
    .filter(a => !surname(tokens, a, mode));
  // The dateline's country weighs like several mentions: wire copy is mostly about where it is filed from.
  if (doc.dateline) {
    const d = findPlaces(doc.dateline)[0];
    const codes = new Set(d?.candidates.map(c => c.countryCode));
    if (d && codes.size === 1) { const c = [...codes][0]!; countryCounts.set(c, (countryCounts.get(c) ?? 0) + 3); }
  }
  const ctx = { countryCounts, dateline: doc.dateline ?? null };
  const byPosition = (x: Span, y: Span) => x.from - y.from || x.to - y.to;
  actors.sort(byPosition);
  let actorAt = indexSpans(actors, tokens.length);
  // A place inside a group's name ("Farabundo Marti National Liberation Front") is not where anything happened;
  // "Canadian" names a nationality, not the town of Canadian.
  const places = mentions
    .map(m => ({ m, span: toSpan(tokens, m.start, m.end) }))
    .filter(({ m, span }) => !covers(actorAt, span) && !(/^[\p{L}-]+$/u.test(m.text) && countryOfDemonym(m.text)))
    .map(({ m, span }) => ({ ...span, place: resolvePlace(m, ctx), text: m.text, cue: m.cue, dateline: inDatelineHead(text, m) }))
    .filter(p => !nationality(p, tokens));
  const national = nationalMentions(tokens, mainCountry(places), actorAt);
  if (national.length) {
    actors.push(...national);
    actors.sort(byPosition);
    actorAt = indexSpans(actors, tokens.length);
  }
  places.push(...capitals(text, tokens, places));
  dates.sort(byPosition); places.sort(byPosition);
  // "in Niger's Tahoua region": the cue before the country is the region's too.
  for (let k = 1; k < places.length; k++) {
    const before = places[k - 1]!, p = places[k]!;
    if (!p.cue && before.cue && before.to === p.from && before.place.kind === 'country' && /['’]s$/.test(tokens[before.to - 1]!.text)) p.cue = true;
  }
  const placeAt = indexSpans(places, tokens.length);
  const dateAt = indexSpans(dates, tokens.length);
  markStreetsAndTitles(places, tokens);
  const headEnd = wireHeadEnd(text);
  markSourceNotes(places, text, headEnd);
  markForeign(places, sentences, tokens, countryCounts);
  return { doc, text, mode, tokens, sentences, reference, dates, places, actors, countryCounts, actorAt, placeAt, dateAt, headEnd };
}

/** "U.S. professor", "the Peru embassy", "the Paris prosecutor": a place naming whose someone or something is, not where. */
function nationality(p: PlaceSpan, tokens: Token[]): boolean {
  if (p.cue) return false;
  // The tokenizer leaves the final period of "U.S." apart.
  const next = tokens[p.to]?.text === '.' && p.text.includes('.') ? p.to + 1 : p.to;
  // "the Paris prosecutor", "Baghdad police": whose office, for a town as for a country.
  if (tokens[next] && isPlaceWord('officeNouns', tokens[next]!.lower)) return true;
  return p.place.kind === 'country' && !!nouns.matchAt(tokens, next);
}

/** The country most of the text's places are in (the dateline counts double). */
function mainCountry(places: { place: GeoPlace; dateline: boolean }[]): string | null {
  const n = new Map<string, number>();
  for (const p of places) if (p.place.countryCode) n.set(p.place.countryCode, (n.get(p.place.countryCode) ?? 0) + (p.dateline ? 2 : 1));
  return [...n].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
}

const nationalMatchers = new Map<string, PhraseMatcher<{ id: string; name: string }>>();

/**
 * "the army", "its armed forces" in a text about one country: that country's forces (data/actors.json
 * `national`). Only after a function word or punctuation, so "Zarate Willka Armed Forces" stays a name.
 */
function nationalMentions(tokens: Token[], top: string | null, actorAt: Int32Array): ActorSpan[] {
  if (!top) return [];
  let m = nationalMatchers.get(top);
  if (!m) {
    m = new PhraseMatcher();
    for (const [w, actor] of nationalForces(top)) m.add(w, { id: actor.id, name: actor.name });
    nationalMatchers.set(top, m);
  }
  const out: ActorSpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const hit = m.matchAt(tokens, i);
    if (!hit) continue;
    const prev = tokens[i - 1];
    if (prev && /\p{L}/u.test(prev.text) && !functionWords.has(prev.lower)) continue;
    let covered = false;
    for (let k = hit.from; k < hit.to; k++) if (actorAt[k]! >= 0) covered = true;
    if (covered) continue;
    const start = tokens[hit.from]!.start, end = tokens[hit.to - 1]!.end;
    out.push({ from: hit.from, to: hit.to, start, end, actorId: hit.value.id, name: hit.value.name, text: tokens.slice(hit.from, hit.to).map(t => t.text).join(' ') });
    i = hit.to - 1;
  }
  return out;
}

/** For each token, the index of the span covering it, or -1: constant-time "is this token inside an actor?". */
function indexSpans(spans: Span[], n: number): Int32Array {
  const at = new Int32Array(n).fill(-1);
  spans.forEach((s, k) => { for (let i = s.from; i < s.to && i < n; i++) at[i] = k; });
  return at;
}

const covers = (at: Int32Array, s: Span): boolean => {
  for (let i = s.from; i < s.to; i++) if (at[i]! >= 0) return true;
  return false;
};

/** Spans of a list that fall inside token range [from, to). Lists are sorted by position. */
export function within<T extends Span>(list: T[], from: number, to: number): T[] {
  let lo = 0, hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]!.from < from) lo = mid + 1; else hi = mid; }
  const out: T[] = [];
  for (let i = lo; i < list.length && list[i]!.from < to; i++) if (list[i]!.to <= to) out.push(list[i]!);
  return out;
}

let CAPITAL_RE: RegExp | undefined;

/**
 * "in Colombia's capital", "the capital of Mali", "in the Afghan capital": the capital city. A country said
 * so becomes its capital; a people's capital is a place of its own.
 */
function capitals(text: string, tokens: Token[], places: PlaceSpan[]): PlaceSpan[] {
  const out: PlaceSpan[] = [];
  const words = placeWords('capitalWords');
  // Most reports name no capital: one search of the text spares a look at every token.
  CAPITAL_RE ??= new RegExp([...words].map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
  if (!CAPITAL_RE.test(text)) return out;
  for (let i = 1; i < tokens.length; i++) {
    if (!words.has(tokens[i]!.lower)) continue;
    const before = places.find(p => p.to === i && p.place.kind === 'country' && /'s$/i.test(tokens[i - 1]!.text));
    const after = tokens[i + 1]?.lower === 'of' ? places.find(p => p.from === i + 2 && p.place.kind === 'country') : undefined;
    const country = before ?? after;
    if (country) {
      const city = capitalOf(country.place.countryCode);
      if (city) country.place = city;
      continue;
    }
    const code = countryOfDemonym(tokens[i - 1]!.lower);
    const city = code ? capitalOf(code) : null;
    if (!city || tokens[i - 1]!.kind !== 'word') continue;
    const from = i - 1, to = i + 1;
    out.push({ from, to, start: tokens[from]!.start, end: tokens[i]!.end, place: city, text: `${tokens[from]!.text} ${tokens[i]!.text}`,
      cue: tokens[i - 2]?.lower === 'the' && isPlaceWord('cues', tokens[i - 3]?.lower ?? ''), dateline: false });
  }
  return out;
}

/** Whether a token from `from` up to `to` is one of `words` ("after", "before"…). */
export function anyWord(tokens: Token[], from: number, to: number, words: ReadonlySet<string>): boolean {
  for (let k = from; k < to; k++) if (words.has(tokens[k]!.lower)) return true;
  return false;
}

const MINOR_POPULATION = 200_000;
const LOCALITY = new Set(['district', 'neighborhood', 'neighbourhood', 'quarter', 'suburb', 'area', 'borough', 'sector', 'ward', 'township']);

const QUOTES = new Set(['"', '\u201c', '\u201d', "'", '\u2018', '\u2019']);

/**
 * "the Basingstoke Road area": a street named after a place, wherever it is, is not that place; nor is a
 * place name quoted alone, a title ("films such as \"Salvador\""), nor where someone comes from ("a Vienna
 * development worker in Peru", "a Texas man").
 */
function markStreetsAndTitles(places: PlaceSpan[], tokens: Token[]): void {
  for (const p of places) {
    if (isPlaceWord('streetWords', tokens[p.to]?.lower ?? '')) p.notTheScene = true;
    else if (QUOTES.has(tokens[p.from - 1]?.text ?? '') && QUOTES.has(tokens[p.to]?.text ?? '')) p.notTheScene = true;
    else if (INDEFINITE.has(tokens[p.from - 1]?.lower ?? '') && personAfter(tokens, p.to)) p.notTheScene = true;
  }
}

const INDEFINITE = new Set(['a', 'an']);
const ORIGIN_REACH = 3;

/** A word for a person heads the phrase the place name opens. */
function personAfter(tokens: Token[], from: number): boolean {
  for (let k = from; k < Math.min(tokens.length, from + ORIGIN_REACH); k++) {
    if (tokens[k]!.kind === 'punct') return false;
    const hit = nouns.matchAt(tokens, k);
    if (hit) return hit.value.some(c => c.cls === 'person') && !hit.value.some(c => c.cls === 'target');
  }
  return false;
}

const HEAD_REACH = 400;

/**
 * Where the head of wire copy ends: its "[TEXT]" mark, else the dateline's dash ("SAN SALVADOR, 19 JUL 89
 * (RADIO CADENA SONORA) --"); -1 when the text opens with prose.
 */
export function wireHeadEnd(text: string): number {
  const head = text.slice(0, HEAD_REACH);
  const mark = head.indexOf('[TEXT]');
  if (mark >= 0) return mark;
  const dash = Math.max(head.indexOf('--'), head.indexOf('—'));
  return dash >= 0 && !/[.!?]\s/.test(head.slice(0, dash)) ? dash : -1;
}

/**
 * The bracketed note of the wire head that holds offset `at`, or null when `at` is in none: the broadcaster in
 * parentheses after the date ("(RADIO CADENA SONORA)"), the editor's notes in square brackets ("[COMMUNIQUE]",
 * "[INTERVIEW WITH … BY NELSON LOPEZ]").
 */
export function headNote(text: string, headEnd: number, at: number): { bracket: '(' | '['; text: string } | null {
  if (at >= headEnd) return null;
  const round = text.lastIndexOf('(', at), square = text.lastIndexOf('[', at);
  const open = Math.max(round, square);
  if (open < 0 || Math.max(text.lastIndexOf(')', at), text.lastIndexOf(']', at)) > open) return null;
  const close = text.slice(open, headEnd).search(/[)\]]/);
  return { bracket: open === square ? '[' : '(', text: close < 0 ? text.slice(open + 1, headEnd) : text.slice(open + 1, open + close) };
}

/**
 * Before the text begins, a place inside a note that holds more than its name is part of a source's or a
 * person's name ("(RADIO CADENA SONORA)", "[… BY NELSON LOPEZ]"). A bracketed name alone ("MADRID (SPAIN)")
 * qualifies the dateline.
 */
function markSourceNotes(places: PlaceSpan[], text: string, headEnd: number): void {
  for (const p of places) {
    if (p.end > headEnd) break;
    const note = headNote(text, headEnd, p.start);
    if (note && note.text.trim() !== p.text.trim()) { p.notTheScene = true; p.dateline = false; }
  }
}

function markForeign(places: PlaceSpan[], sentences: Sentence[], tokens: Token[], context: Map<string, number>): void {
  // The text's country: the dateline and unambiguous places (the context), and every resolved place.
  const counts = new Map(context);
  // A dateline found in the text weighs as much as the document's own dateline field does.
  for (const p of places) counts.set(p.place.countryCode, (counts.get(p.place.countryCode) ?? 0) + (p.dateline ? 3 : 1));
  const ranked = [...counts.entries()].sort((x, y) => y[1] - x[1]);
  const top = ranked[0];
  if (!top || top[1] < 3) return;
  const abroad = places.filter(p => p.place.kind === 'city' && p.place.countryCode !== top[0]);
  // "San Antonio Abad street", "Toyota cars", "Zion Church": the name of something else.
  const small = (p: PlaceSpan) => (p.place.population ?? 0) < MINOR_POPULATION;
  // A word between the two names the building, whatever the town's size ("Santa Maria Catholic Church").
  const namesOther = (p: PlaceSpan, w: string, named: boolean) => isPlaceWord('namesOther', w) || (named || small(p)) && isPlaceWord('namesOtherIfSmall', w);
  for (const p of abroad) if (namesOther(p, tokens[p.to]?.lower ?? '', false) || namesOther(p, tokens[p.to + 1]?.lower ?? '', true)) p.notTheScene = true;
  const paraOf = (p: PlaceSpan) => sentences[tokens[p.from]!.sent]!.para;
  // The distinct places each paragraph names in each country (names of other things aside).
  const perParagraph = new Map<string, Set<string>>();
  for (const p of places) {
    if (p.notTheScene) continue;
    const k = paraOf(p) + ':' + p.place.countryCode;
    perParagraph.set(k, (perParagraph.get(k) ?? new Set()).add(p.place.name));
  }
  for (const p of abroad) {
    if (p.notTheScene) continue;
    const next = tokens[p.to]?.lower ?? '';
    // "the Medina district": a part of a city of the text's country, whatever big city abroad shares the name.
    const part = LOCALITY.has(next) || LOCALITY.has(tokens[p.to + 1]?.lower ?? '');
    if (!part && (p.place.population ?? 0) >= MINOR_POPULATION) continue;
    // Abroad only when the paragraph names another place of that country too.
    const named = (perParagraph.get(paraOf(p) + ':' + p.place.countryCode)?.size ?? 0) > 1;
    if (!named) p.notTheScene = true;
  }
}

/** "said Franz Ruf": one word of a group's name or acronym after a given name is that person's surname. */
function surname(tokens: Token[], s: Span, mode: CaseMode): boolean {
  const prev = tokens[s.from - 1];
  return s.to - s.from === 1 && !!prev && given(prev.lower) && (mode !== 'mixed' || prev.cap);
}
