// When and where a sentence says something happened: its dates and places, less datelines, claims and speakers.
import type { IncidentDate } from '../model.js';
import { anyWord, isDatelineDate, within, type Annotated, type DateSpan, type PlaceSpan, type Span } from './annotate.js';
import { cues, reportingVerbs, temporalSubordinators } from './lexicon.js';
import { isPlaceWord } from '../gazetteer/places.js';
import { shiftDay } from '../nlp/dates.js';

export const PLACE_RANK: Record<string, number> = { city: 3, region: 2, admin1: 2, country: 1 };

/** The sentence's date closest to the trigger (so a dateline's date does not date the event after it). */
export function sentenceDate(a: Annotated, sent: number, near?: number, clause?: { from: number; to: number }): { value: IncidentDate; span: Span } | null {
  const s = a.sentences[sent]!;
  // Not the date of a claim or a statement: "claimed responsibility on Tuesday for Monday's attack".
  // "claimed responsibility for last Thursday's car bombing": a date in the possessive dates the noun after it.
  const ds = within(a.dates, clause?.from ?? s.from, clause?.to ?? s.to).filter(d => !inDateline(a, d) && (possessive(a, d) || !afterStatement(a, d.from, s.from)) && !beforeStatement(a, d.to));
  if (!ds.length) return null;
  const at = near ?? s.from;
  // "troops launched an operation on Tuesday after fighters killed 30 farmers over the weekend": the main
  // clause's date is not the date of the event its temporal clause tells.
  const own = ds.filter(d => !(d.to <= at && anyWord(a.tokens, d.to, at, temporalSubordinators)));
  const best = (own.length ? own : ds).reduce((b, d) => (Math.abs(d.from - at) < Math.abs(b.from - at) ? d : b));
  return weekEarlier(a, sent, best) ?? { value: best.date.value, span: best };
}

const WEEKDAY = /^(?:on\s+)?(?:sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/i;

/**
 * "on Friday" in a Friday's paper is today or a week ago; a heading just before it that dates the paragraph a week
 * earlier ("Mali, Indelimane (1 November). Gunmen attacked … on Friday") says which.
 */
export function weekEarlier(a: Annotated, sent: number, d: DateSpan): { value: IncidentDate; span: Span } | null {
  if (!a.reference || d.date.value !== a.reference || !WEEKDAY.test(d.date.text)) return null;
  const s = a.sentences[sent]!, prev = a.sentences[sent - 1];
  const from = prev && prev.para === s.para ? prev.from : s.from;
  const weekAgo = shiftDay(a.reference, -7);
  const heading = within(a.dates, from, d.from).find(x => x.date.value === weekAgo);
  return heading ? { value: heading.date.value, span: heading } : null;
}

const inDateline = (a: Annotated, d: Span): boolean => isDatelineDate(a.text, d);
const possessive = (a: Annotated, d: Span): boolean => /^['’]s\b/i.test(a.text.slice(d.end, d.end + 3));

/** "Guerrillas today denied…", "police on Tuesday said…": the date of the statement. */
function beforeStatement(a: Annotated, i: number): boolean {
  const w = a.tokens[i]?.lower ?? '';
  return reportingVerbs.has(w) || cues.denied.has(a.tokens, i, i + 1) || cues.claimed.has(a.tokens, i, i + 2);
}

function afterStatement(a: Annotated, i: number, sentenceFrom: number): boolean {
  for (let k = i - 1; k >= Math.max(sentenceFrom, i - 4); k--) {
    const w = a.tokens[k]!.lower;
    if (w === 'responsibility' || w === 'credit' || reportingVerbs.has(w)) return true;
  }
  return false;
}

/** Places of a sentence, less the ones that speak ("Russia said…"): a speaker is not where it happened. */
export function sentencePlaces(a: Annotated, sent: number): PlaceSpan[] {
  const s = a.sentences[sent]!;
  return within(a.places, s.from, s.to).filter(p => !p.notTheScene && !reportingVerbs.has(a.tokens[p.to]?.lower ?? '')
    && (p.place.kind !== 'country' || countryHere(a, p)) && !destination(a, p) && !inMotive(a, s.from, p));
}

/**
 * "the attack was revenge for raids on mosques in the coastal city of Mombasa": a place in the phrase that
 * gives the motive is where that other thing happened. The phrase ends at a comma.
 */
function inMotive(a: Annotated, from: number, p: PlaceSpan): boolean {
  for (let k = p.from - 1; k >= from; k--) {
    if (a.tokens[k]!.text === ',' || a.tokens[k]!.text === ';') return false;
    if (cues.motive.matchAt(a.tokens, k, p.from)) return true;
  }
  return false;
}

/** The token before a place name, past a "the" and a word for a part of the country ("in western Niger"). */
function wordBefore(a: Annotated, p: PlaceSpan): number {
  let k = p.from - 1;
  if (isPlaceWord('regionWords', a.tokens[k]?.lower ?? '')) k--;
  return a.tokens[k]?.lower === 'the' ? k - 1 : k;
}

/** "flew some of the injured to Ankara for treatment": where someone was taken, not where it happened. */
function destination(a: Annotated, p: PlaceSpan): boolean {
  const k = wordBefore(a, p);
  if (a.tokens[k]?.lower !== 'to') return false;
  for (let i = k - 1; i >= Math.max(a.sentences[a.tokens[p.from]!.sent]!.from, k - 8); i--) if (isPlaceWord('destinationVerbs', a.tokens[i]!.lower)) return true;
  return false;
}

/** "in Colombia", "across the country of Peru": not "the ambassador to Spain", "U.S. plans". */
function countryHere(a: Annotated, p: PlaceSpan): boolean {
  const k = wordBefore(a, p);
  const w = a.tokens[k]?.lower ?? '';
  if (isPlaceWord('countryCues', w)) return true;
  // A lead that names the place first: "Burkina Faso, Boungou (6 November). Gunmen ambushed…"
  const start = a.sentences[a.tokens[p.from]!.sent]!.from;
  if (a.tokens[p.to]?.text === ',' && a.tokens.slice(start, p.from).every(t => t.kind === 'punct')) return true;
  // "in France, Russia and Albania": a listed name shares the cue of the list's first.
  const before = k > 0 && (w === ',' || w === 'and' || w === 'or') ? a.placeAt[k - 1]! : -1;
  return before >= 0 && countryHere(a, a.places[before]!);
}

/** Where it happened: not the dateline, said with "in/at/near" if any is, the most specific, the nearest. */
export function bestPlace(places: PlaceSpan[], near = 0): PlaceSpan | null {
  const score = (p: PlaceSpan) => (p.dateline ? -100 : 0) + (p.cue ? 3 : 0) + (PLACE_RANK[p.place.kind] ?? 0) * 2 - Math.min(Math.abs(p.from - near), 40) / 40;
  let best: PlaceSpan | null = null;
  for (const p of places) if (!p.dateline && (!best || score(p) > score(best))) best = p;
  return best;
}

/** Two dates that can be one day: equal, or one (a month, a year, a range) containing the other. */
export function sameDay(x: IncidentDate, y: IncidentDate): boolean {
  const rx = span(x), ry = span(y);
  if (!rx || !ry) return true;
  return (rx[0] <= ry[0] && ry[1] <= rx[1]) || (ry[0] <= rx[0] && rx[1] <= ry[1]);
}

/** Does x name a shorter stretch of time inside y ("in April 2014" inside "two years ago", 2014)? */
export function narrower(x: IncidentDate, y: IncidentDate): boolean {
  const rx = span(x), ry = span(y);
  if (!rx || !ry) return false;
  return ry[0] <= rx[0] && rx[1] <= ry[1] && (rx[0] !== ry[0] || rx[1] !== ry[1]);
}

function span(d: IncidentDate): [string, string] | null {
  if (!d) return null;
  if (typeof d === 'object') return [d.from ?? '0000', d.to ?? '9999'];
  return d.length === 10 ? [d, d] : d.length === 7 ? [d + '-01', d + '-31'] : [d + '-01-01', d + '-12-31'];
}
/** One place, or one inside the other as far as the gazetteer tells; two provinces are two places. */
export const samePlace = (x: PlaceSpan, y: PlaceSpan) =>
  x.place.name === y.place.name || (x.place.kind !== 'city' || y.place.kind !== 'city') && !(x.place.kind === 'admin1' && y.place.kind === 'admin1')
    && x.place.countryCode === y.place.countryCode;

/** Days from the latest day the date can mean to the reference date; null when either is unknown. */
export function daysBefore(date: IncidentDate, reference: string): number | null {
  const last = typeof date === 'string' ? date : date?.to ?? null;
  if (!last) return null;
  const end = last.length === 4 ? `${last}-12-31` : last.length === 7 ? `${last}-28` : last.slice(0, 10);
  const ms = Date.parse(reference.slice(0, 10)) - Date.parse(end);
  return Number.isNaN(ms) ? null : Math.round(ms / 86_400_000);
}
