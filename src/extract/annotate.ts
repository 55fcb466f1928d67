// The annotated document: the text owns everything, every annotation is a span into it (STYLE.md).
import type { Document } from '../ingest/document.js';
import { caseMode, tokenize, type CaseMode, type Sentence, type Token } from '../nlp/tokens.js';
import { findDates, type DateMention } from '../nlp/dates.js';
import { findPlaces, resolvePlace, type GeoPlace } from '../gazetteer/places.js';
import { findActors } from '../gazetteer/actors.js';

export interface Span { from: number; to: number; start: number; end: number }
export interface DateSpan extends Span { date: DateMention }
export interface PlaceSpan extends Span { place: GeoPlace; text: string }
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
  const reference = doc.published ? doc.published.slice(0, 10) : null;
  const dates = findDates(text, reference).map(d => ({ ...toSpan(tokens, d.start, d.end), date: d }));

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
    .map(m => ({ ...toSpan(tokens, m.start, m.end), place: resolvePlace(m, ctx), text: m.text }));
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
