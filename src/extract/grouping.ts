// A document's event mentions grouped into drafts of incidents: one per real event, several for a roundup.
import type { IncidentDate, IncidentType } from '../model.js';
import type { Annotated, PlaceSpan, Span } from './annotate.js';
import { DATE_REACH, type EventMention } from './events.js';
import { bestPlace, daysBefore, narrower, PLACE_RANK, sameDay, samePlace, sentenceDate, sentencePlaces, weekEarlier } from './sentence-context.js';
import { personNames } from './names.js';
import { casualtyWords, cues, nouns, subjectPronouns } from './lexicon.js';

export interface Draft {
  events: EventMention[];
  sents: number[];
  date: { value: IncidentDate; span: Span | null } | null;
  place: PlaceSpan | null;
  /** Only the place of a multi-place sentence that this draft was split out for. */
  onlyPlace?: PlaceSpan;
  group?: string;
  /** Told as another event than the one before ("in another attack"): joins an earlier one only on date and place. */
  separate?: boolean;
  /** The sum of the incidents a roundup tells: no incident of its own. */
  summary?: boolean;
}

const FAMILY: Record<IncidentType, string> = {
  bombing: 'attack', armed_assault: 'attack', assassination: 'attack', arson: 'attack', vehicle_ramming: 'attack',
  unarmed_assault: 'attack', other: 'attack', kidnapping: 'captive', hostage_taking: 'captive', hijacking: 'captive',
};
const MAX_GAP = 8;
/** How many days before the report an event may be dated and still join a report that gives no date. */
const UNDATED_REACH = 14;

export function group(a: Annotated, events: EventMention[]): Draft[] {
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  let summaryDate: Draft['date'] = null;
  for (const ev of events) {
    const own = ev.clause?.date;
    const date = own ? weekEarlier(a, ev.sent, own) ?? { value: own.date.value, span: own } : sentenceDate(a, ev.sent, ev.triggers[0]!.from, ev.clause);
    const places = sentencePlaces(a, ev.sent).filter(p => !ev.clause || p.from >= ev.clause.from && p.to <= ev.clause.to);
    const split = splitPlaces(a, ev, places);
    if (split.length > 1) {
      // Separate incidents (one per country), not the sites of one coordinated attack: no shared group.
      for (const p of split) drafts.push({ events: [ev], sents: [ev.sent], date, place: p, onlyPlace: p });
      cur = null;
      continue;
    }
    const place = bestPlace(places, ev.triggers[0]!.from);
    // "A wave of bombings across Iraq killed 40 on Monday. In Basra, a car bomb…": the sum stands apart, and its
    // date is the day of the incidents told after it.
    if (ev.summary && events.some(e => e.sent > ev.sent)) {
      drafts.push({ events: [ev], sents: [ev.sent], date, place, summary: true });
      summaryDate = date ? { value: date.value, span: null } : null;
      cur = null;
      continue;
    }
    // A later event of a sentence that tells several is another incident unless date and place say otherwise.
    // "Hours later, gunmen stormed a government office": an attack of another kind told as following the one before.
    const separate: boolean = ev.separate || !!ev.clause && ev.clause.from > a.sentences[ev.sent]!.from
      || !!cur && ev.type !== cur.events[0]!.type && !ev.anaphoric && !tollOnly(a, ev) && cues.sequel.has(a.tokens, a.sentences[ev.sent]!.from, ev.triggers[0]!.from)
      || ev.additional && (!!date || !!place || !!cur && ev.type !== cur.events[0]!.type && !tollOnly(a, ev));
    if (cur && !separate && joins(a, cur, ev, date, place) && !namesOther(a, cur, ev)) {
      cur.events.push(ev);
      cur.sents.push(ev.sent);
      if (date && (!cur.date || narrower(date.value, cur.date.value))) cur.date = date;
      if (place && (!cur.place || (PLACE_RANK[place.place.kind] ?? 0) > (PLACE_RANK[cur.place.place.kind] ?? 0))) cur.place = place;
      continue;
    }
    cur = { events: [ev], sents: [ev.sent], date: date ?? sameDayAsBefore(a, ev, drafts) ?? summaryDate ?? roundupDay(a, ev, drafts, place), place, separate };
    drafts.push(cur);
  }
  return corefer(a, drafts);
}

/** "Five soldiers were also killed": a toll says nothing of what kind of attack it was. */
function tollOnly(a: Annotated, ev: EventMention): boolean {
  return ev.triggers.every(t => t.to - t.from === 1 && casualtyWords.has(a.tokens[t.from]!.lower));
}

/**
 * "A car bomb killed seven people in Baghdad on Tuesday. In Mosul, gunmen shot dead a council member.": an undated
 * report of another place of the same country, right after a dated one, tells of the same day.
 */
function roundupDay(a: Annotated, ev: EventMention, drafts: Draft[], place: PlaceSpan | null): Draft['date'] {
  const last = drafts[drafts.length - 1];
  if (!last?.date || !place || !last.place || samePlace(place, last.place) || ev.sent - last.sents[last.sents.length - 1]! > 1) return null;
  // Headlines from several countries each tell a day of their own.
  if (place.place.countryCode !== last.place.place.countryCode) return null;
  if (a.sentences[ev.sent]!.para !== a.sentences[last.sents[last.sents.length - 1]!]!.para) return null;
  return { value: last.date.value, span: null };
}

/** "About an hour later a third bomb exploded…": another incident, on the day of the last dated one. */
function sameDayAsBefore(a: Annotated, ev: EventMention, drafts: Draft[]): Draft['date'] {
  const s = a.sentences[ev.sent]!;
  if (!cues.sameDay.has(a.tokens, s.from, s.to)) return null;
  for (let k = drafts.length - 1; k >= 0; k--) if (drafts[k]!.date) return { value: drafts[k]!.date!.value, span: null };
  return null;
}

/** A later report of an event already told ("the bombing in Usulután…") joins it, even paragraphs apart. */
function corefer(a: Annotated, drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    let into: Draft | undefined;
    for (let k = out.length - 1; k >= 0 && !d.onlyPlace && !into; k--) if (sameEvent(a, out[k]!, d) && !d.events.some(e => namesOther(a, out[k]!, e))) into = out[k];
    if (!into) { out.push(d); continue; }
    into.events.push(...d.events);
    into.sents.push(...d.sents);
    into.date ??= d.date;
    into.place ??= d.place;
  }
  return out;
}

function sameEvent(a: Annotated, x: Draft, y: Draft): boolean {
  if (x.onlyPlace || x.summary || y.summary) return false;
  if (olderThanUndated(a, x.date, y.date) || olderThanUndated(a, y.date, x.date)) return false;
  if (FAMILY[x.events[0]!.type] !== FAMILY[y.events[0]!.type]) return false;
  if ((x.events[0]!.status === 'foiled') !== (y.events[0]!.status === 'foiled')) return false;
  const dates = x.date && y.date ? sameDay(x.date.value, y.date.value) : null;
  const places = x.place && y.place ? x.place.place.name === y.place.place.name : null;
  if (dates === false || places === false) return false;
  if (y.separate) return dates === true && places === true;
  return dates === true || places === true && x.place!.place.kind === 'city';
}

/**
 * "the murder of Hector Oqueli" in a text about another killing: a definite report that names a victim
 * the draft never mentions tells another event.
 */
function namesOther(a: Annotated, d: Draft, ev: EventMention): boolean {
  const t = ev.triggers[0]!;
  if (a.tokens[t.to]?.lower !== 'of') return false;
  const s = a.sentences[ev.sent]!;
  const name = personNames(a, t.to + 1, Math.min(s.to, t.to + 9))[0];
  if (!name) return false;
  return !mentionsWord(a, d, a.tokens[name.to - 1]!.lower);
}

/** Whether one of the draft's sentences has the word. */
export function mentionsWord(a: Annotated, d: Draft, word: string): boolean {
  return d.sents.some(k => { const x = a.sentences[k]!; for (let i = x.from; i < x.to; i++) if (a.tokens[i]!.lower === word) return true; return false; });
}

/** "Dozens more were seriously injured…": more victims of the event before, whatever date the toll is told at. */
function moreVictims(a: Annotated, ev: EventMention): boolean {
  return ev.triggers.every(t => casualtyWords.has(a.tokens[t.from]!.lower)) && ev.triggers.some(t => {
    for (let k = Math.max(a.sentences[ev.sent]!.from, t.from - 4); k < t.from; k++) if (a.tokens[k]!.lower === 'more' || a.tokens[k]!.lower === 'others') return true;
    return false;
  });
}

/**
 * "On Sunday, police declared the stabbings a terrorist incident": a date far from a definite reference to
 * the event before dates what was said or done about it, not the event.
 */
function statementDated(ev: EventMention, cur: Draft, date: { span: Span | null }): boolean {
  if (!ev.anaphoric || FAMILY[ev.type] !== FAMILY[cur.events[0]!.type] || !date.span) return false;
  const t = ev.triggers[0]!;
  return date.span.to <= t.from - DATE_REACH || date.span.from >= t.to + DATE_REACH;
}

/** An undated report is of the latest events: one dated weeks before the report is another. */
function olderThanUndated(a: Annotated, undated: Draft['date'], dated: Draft['date']): boolean {
  return !undated && !!dated && !!a.reference && (daysBefore(dated.value, a.reference) ?? 0) > UNDATED_REACH;
}

function joins(a: Annotated, cur: Draft, ev: EventMention, date: { value: IncidentDate; span: Span | null } | null, place: PlaceSpan | null): boolean {
  if (cur.onlyPlace) return false;
  const last = cur.events[cur.events.length - 1]!;
  if (date && cur.date && !sameDay(date.value, cur.date.value) && !moreVictims(a, ev) && !statementDated(ev, cur, date)) return false;
  if (!ev.anaphoric && olderThanUndated(a, cur.date, date)) return false;
  // "the attacks" refers back, whatever other places the sentence names.
  if (ev.anaphoric && FAMILY[ev.type] === FAMILY[cur.events[0]!.type]) return true;
  if (place && cur.place && !samePlace(place, cur.place)) return false;
  if (ev.anaphoric) return true;
  if (FAMILY[ev.type] !== FAMILY[cur.events[0]!.type] && ev.weight >= 3 && cur.events[0]!.weight >= 3) return false;
  // "the hostage-takers threatened to blow up the building": what the attackers threaten while the attack goes on.
  if (ev.status !== cur.events[0]!.status && !(ev.status === 'threatened' && cur.events[0]!.status === 'carried_out' && !date && !place && byTheAttackers(a, ev))) return false;
  if (ev.sent - last.sent > MAX_GAP && (date || place)) return false;
  return true;
}

/** "The hostage-takers threatened…", "They threatened…": the sentence opens on the attackers told before. */
function byTheAttackers(a: Annotated, ev: EventMention): boolean {
  const t = a.tokens, s = a.sentences[ev.sent]!;
  if (subjectPronouns.has(t[s.from]!.lower)) return true;
  if (t[s.from]!.lower !== 'the') return false;
  const head = nouns.matchAt(t, s.from + 1, s.to);
  return !!head?.value.some(c => c.cls === 'perpetrator') && !head.value.some(c => c.cls === 'person');
}

/** "attacks in Kenya, Germany and the United States": a plural trigger over a list of places, one incident each. */
function splitPlaces(a: Annotated, ev: EventMention, places: PlaceSpan[]): PlaceSpan[] {
  if (places.length < 2) return [];
  const plural = ev.triggers.some(t => /s$/.test(a.tokens[t.to - 1]!.lower) && !/ss$/.test(a.tokens[t.to - 1]!.lower));
  if (!plural) return [];
  const distinct: PlaceSpan[] = [];
  for (const p of places) {
    if (p.dateline) continue;
    if (distinct.some(d => d.place.countryCode === p.place.countryCode && d.place.name === p.place.name)) continue;
    distinct.push(p);
  }
  // Only a coordinated list: the places must follow each other separated by commas or "and"/"or".
  for (let k = 1; k < distinct.length; k++) {
    const gap = a.tokens.slice(distinct[k - 1]!.to, distinct[k]!.from).map(t => t.lower);
    if (gap.length > 3 || !gap.every(w => w === ',' || w === 'and' || w === 'or' || w === 'possibly' || w === 'the' || w === 'in')) return [];
  }
  const countries = new Set(distinct.map(d => d.place.countryCode));
  return countries.size === distinct.length ? distinct : [];
}
