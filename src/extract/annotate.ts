// The annotated document: the text owns everything, every annotation is a span into it (STYLE.md).
import type { Document } from '../ingest/document.js';
import { caseMode, tokenize, type CaseMode, type Sentence, type Token } from '../nlp/tokens.js';
import { findDates, type DateMention } from '../nlp/dates.js';
import { findPlaces, resolvePlace, type GeoPlace } from '../gazetteer/places.js';
import { findActors } from '../gazetteer/actors.js';

export interface Span { from: number; to: number; start: number; end: number }
export interface DateSpan extends Span { date: DateMention }
export interface PlaceSpan extends Span {
  place: GeoPlace;
  text: string;
  /** After "in", "at", "near"…: said as where something is. */
  cue: boolean;
  /** In the dateline: where the report was filed, not necessarily where it happened. */
  dateline: boolean;
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
}

/** "BOGOTA, 9 JAN 90 (EFE) --": the date of the report, at the head of the text before the dash. */
export function isDatelineDate(text: string, d: { start: number; end: number }): boolean {
  if (d.start > 80) return false;
  return /^[^.\n]{0,30}(--|—|\[TEXT\])/.test(text.slice(d.end, d.end + 40));
}

/** A place at the head of the text followed by a date or a dash: "BOGOTA, 9 JAN 90 (EFE) --", "PARIS (Reuters) -". */
function inDatelineHead(text: string, m: { start: number; end: number }): boolean {
  if (m.start > 40) return false;
  return /^[^.\n]{0,40}?(--|—| - |\[TEXT\])/.test(text.slice(m.end, m.end + 50)) && !/[.!?]/.test(text.slice(0, m.start));
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
  // The dateline's country weighs like several mentions: wire copy is mostly about where it is filed from.
  if (doc.dateline) {
    const d = findPlaces(doc.dateline)[0];
    const codes = new Set(d?.candidates.map(c => c.countryCode));
    if (d && codes.size === 1) { const c = [...codes][0]!; countryCounts.set(c, (countryCounts.get(c) ?? 0) + 3); }
  }
  const ctx = { countryCounts, dateline: doc.dateline ?? null };
  const actors = findActors(text, { upperCaseDoc: mode === 'upper' })
    .map(a => ({ ...toSpan(tokens, a.start, a.end), actorId: a.actorId, name: a.name, text: a.text }));
  // A place inside a group's name ("Farabundo Marti National Liberation Front") is not where anything happened.
  const inActor = (m: { start: number; end: number }) => actors.some(a => m.start < a.end && a.start < m.end);
  const places = mentions.filter(m => !inActor(m))
    .map(m => ({ ...toSpan(tokens, m.start, m.end), place: resolvePlace(m, ctx), text: m.text, cue: m.cue, dateline: inDatelineHead(text, m) }));
  return { doc, text, mode, tokens, sentences, reference, dates, places, actors, countryCounts };
}

/** Spans of a list that fall inside token range [from, to). Lists are sorted by position. */
export function within<T extends Span>(list: T[], from: number, to: number): T[] {
  const out: T[] = [];
  for (const s of list) {
    if (s.from >= to) break;
    if (s.from >= from && s.to <= to) out.push(s);
  }
  return out;
}
