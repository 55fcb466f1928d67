// A document's event mentions grouped into incidents, and each incident's arguments filled from its
// sentences: one incident per real event, several for a roundup.
import type { Attribution, Count, Evidence, Incident, IncidentDate, IncidentType, Location, Perpetrator, Target, Victim, Weapon } from '../model.js';
import { toLocation, findPlaces, resolvePlace } from '../gazetteer/places.js';
import { getActor } from '../gazetteer/actors.js';
import { isDatelineDate, within, type Annotated, type PlaceSpan, type Span } from './annotate.js';
import { PRIORITY, type EventMention } from './events.js';
import { nounPhrases, type NounPhrase } from './noun-phrases.js';
import { personNames } from './names.js';
import { casualties, type CasualtyMention } from './casualties.js';
import { cues, reportingVerbs } from './lexicon.js';
import { decideRole, roleFeatures, type RoleDecision } from './roles.js';
import { exposeFeatures, incidentProbability, incidentThreshold, type Features } from './incident-model.js';

interface Draft {
  events: EventMention[];
  sents: number[];
  date: { value: IncidentDate; span: Span | null } | null;
  place: PlaceSpan | null;
  /** Only the place of a multi-place sentence that this draft was split out for. */
  onlyPlace?: PlaceSpan;
  group?: string;
}

const FAMILY: Record<IncidentType, string> = {
  bombing: 'attack', armed_assault: 'attack', assassination: 'attack', arson: 'attack', vehicle_ramming: 'attack',
  unarmed_assault: 'attack', other: 'attack', kidnapping: 'captive', hostage_taking: 'captive', hijacking: 'captive',
};
const PLACE_RANK: Record<string, number> = { city: 3, region: 2, admin1: 2, country: 1 };
const MAX_FILLERS = 4;
const MAX_GAP = 8;
const ORG_HEADS = new Set(['group', 'organization', 'organisation', 'movement', 'faction', 'militia', 'network', 'front', 'army']);
/** Weighted mentions (3 in the paragraph, 1 elsewhere) that make a group the document's subject. */
const DOMINANT_MENTIONS = 8;

export function incidents(a: Annotated, events: EventMention[]): Incident[] {
  const drafts = group(a, events);
  const eventSents = new Set(events.map(e => e.sent));
  const out: Incident[] = [];
  for (const d of drafts) {
    const inc = fill(a, d, out.length, eventSents);
    if (!inc) continue;
    const f = features(a, d, inc, drafts.length);
    if (exposeFeatures) (inc as Incident & { _features?: Record<string, number> })._features = Object.fromEntries(f);
    // MUC-4 has few plots: the model only judges reports of attacks carried out.
    // A strong trigger with a toll is an incident whatever the model says: it only judges the doubtful ones.
    else if (inc.status === 'carried_out' && !(inc.killed && d.events.some(e => e.weight >= 3))
      && incidentProbability(f) < incidentThreshold()) continue;
    out.push(inc);
  }
  return out;
}

/** The sentence's date closest to the trigger (so a dateline's date does not date the event after it). */
function sentenceDate(a: Annotated, sent: number, near?: number): { value: IncidentDate; span: Span } | null {
  const s = a.sentences[sent]!;
  // Not the date of a claim or a statement: "claimed responsibility on Tuesday for Monday's attack".
  const ds = within(a.dates, s.from, s.to).filter(d => !inDateline(a, d) && !afterStatement(a, d.from));
  if (!ds.length) return null;
  const at = near ?? s.from;
  const best = ds.reduce((b, d) => (Math.abs(d.from - at) < Math.abs(b.from - at) ? d : b));
  return { value: best.date.value, span: best };
}

const inDateline = (a: Annotated, d: Span): boolean => isDatelineDate(a.text, d);

function afterStatement(a: Annotated, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = a.tokens[k]!.lower;
    if (w === 'responsibility' || w === 'credit' || reportingVerbs.has(w)) return true;
  }
  return false;
}

/** Places of a sentence, less the ones that speak ("Russia said…"): a speaker is not where it happened. */
function sentencePlaces(a: Annotated, sent: number): PlaceSpan[] {
  const s = a.sentences[sent]!;
  return within(a.places, s.from, s.to).filter(p => !p.foreign && !reportingVerbs.has(a.tokens[p.to]?.lower ?? ''));
}

/** Where it happened: not the dateline, said with "in/at/near" if any is, the most specific, the nearest. */
function bestPlace(places: PlaceSpan[], near = 0): PlaceSpan | null {
  const score = (p: PlaceSpan) => (p.dateline ? -100 : 0) + (p.cue ? 10 : 0) + (PLACE_RANK[p.place.kind] ?? 0) * 2 - Math.min(Math.abs(p.from - near), 40) / 40;
  let best: PlaceSpan | null = null;
  for (const p of places) if (!p.dateline && (!best || score(p) > score(best))) best = p;
  return best;
}

/** Two dates that can be one day: equal, or one (a month, a year, a range) containing the other. */
function sameDay(x: IncidentDate, y: IncidentDate): boolean {
  const rx = span(x), ry = span(y);
  if (!rx || !ry) return true;
  return (rx[0] <= ry[0] && ry[1] <= rx[1]) || (ry[0] <= rx[0] && rx[1] <= ry[1]);
}

function span(d: IncidentDate): [string, string] | null {
  if (!d) return null;
  if (typeof d === 'object') return [d.from ?? '0000', d.to ?? '9999'];
  return d.length === 10 ? [d, d] : d.length === 7 ? [d + '-01', d + '-31'] : [d + '-01-01', d + '-12-31'];
}
const samePlace = (x: PlaceSpan, y: PlaceSpan) =>
  x.place.name === y.place.name || (x.place.kind !== 'city' || y.place.kind !== 'city') && x.place.countryCode === y.place.countryCode;

function group(a: Annotated, events: EventMention[]): Draft[] {
  const drafts: Draft[] = [];
  let cur: Draft | null = null;
  for (const ev of events) {
    const date = sentenceDate(a, ev.sent, ev.triggers[0]!.from);
    const places = sentencePlaces(a, ev.sent);
    const split = splitPlaces(a, ev, places);
    if (split.length > 1) {
      // Separate incidents (one per country), not the sites of one coordinated attack: no shared group.
      for (const p of split) drafts.push({ events: [ev], sents: [ev.sent], date, place: p, onlyPlace: p });
      cur = null;
      continue;
    }
    const place = bestPlace(places, ev.triggers[0]!.from);
    if (cur && joins(cur, ev, date, place)) {
      cur.events.push(ev);
      cur.sents.push(ev.sent);
      if (!cur.date && date) cur.date = date;
      if (place && (!cur.place || (PLACE_RANK[place.place.kind] ?? 0) > (PLACE_RANK[cur.place.place.kind] ?? 0))) cur.place = place;
      continue;
    }
    cur = { events: [ev], sents: [ev.sent], date, place };
    drafts.push(cur);
  }
  return corefer(drafts);
}

/** A later report of an event already told ("the bombing in Usulután…") joins it, even paragraphs apart. */
function corefer(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const into = d.onlyPlace ? undefined : [...out].reverse().find(o => sameEvent(o, d));
    if (!into) { out.push(d); continue; }
    into.events.push(...d.events);
    into.sents.push(...d.sents);
    into.date ??= d.date;
    into.place ??= d.place;
  }
  return out;
}

function sameEvent(x: Draft, y: Draft): boolean {
  if (x.onlyPlace) return false;
  if (FAMILY[x.events[0]!.type] !== FAMILY[y.events[0]!.type]) return false;
  if ((x.events[0]!.status === 'foiled') !== (y.events[0]!.status === 'foiled')) return false;
  const dates = x.date && y.date ? sameDay(x.date.value, y.date.value) : null;
  const places = x.place && y.place ? x.place.place.name === y.place.place.name : null;
  if (dates === false || places === false) return false;
  return dates === true || places === true && x.place!.place.kind === 'city';
}

function joins(cur: Draft, ev: EventMention, date: { value: IncidentDate } | null, place: PlaceSpan | null): boolean {
  if (cur.onlyPlace) return false;
  const last = cur.events[cur.events.length - 1]!;
  if (date && cur.date && !sameDay(date.value, cur.date.value)) return false;
  // "the attacks" refers back, whatever other places the sentence names.
  if (ev.anaphoric && FAMILY[ev.type] === FAMILY[cur.events[0]!.type]) return true;
  if (place && cur.place && !samePlace(place, cur.place)) return false;
  if (ev.anaphoric) return true;
  if (FAMILY[ev.type] !== FAMILY[cur.events[0]!.type] && ev.weight >= 3 && cur.events[0]!.weight >= 3) return false;
  if (ev.status !== cur.events[0]!.status && (ev.status === 'foiled' || cur.events[0]!.status === 'foiled')) return false;
  if (ev.sent - last.sent > MAX_GAP && (date || place)) return false;
  return true;
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

// ---- filling an incident ------------------------------------------------------------------------

function evidence(a: Annotated, field: string, value: string, span: Span): Evidence {
  const s = a.sentences[a.tokens[span.from]!.sent]!;
  return { doc: a.doc.id, field, value, start: span.start, end: span.end, text: a.text.slice(span.start, span.end), sentenceStart: s.start, sentenceEnd: s.end };
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function fill(a: Annotated, d: Draft, n: number, eventSents: Set<number>): Incident | null {
  const ev: Evidence[] = [];
  const first = d.events[0]!;
  const type = voteType(d.events);
  // The status of the strongest report of the event (the first among equals).
  let status = d.events.reduce((b, e) => (e.weight > b.weight ? e : b)).status;
  const trig = first.triggers[0]!;
  ev.push(evidence(a, 'type', type, { from: trig.from, to: trig.to, start: a.tokens[trig.from]!.start, end: a.tokens[trig.to - 1]!.end }));

  // Date: the incident's own, else the paragraph's, else the reference date (news reports the latest events).
  let date: IncidentDate = d.date?.value ?? null;
  if (d.date?.span) ev.push(evidence(a, 'date', JSON.stringify(date), d.date.span));
  if (!date) {
    const para = a.sentences[first.sent]!.para;
    for (let s = first.sent - 1; s >= 0 && a.sentences[s]!.para === para && !date; s--) {
      const sd = sentenceDate(a, s);
      if (sd) { date = sd.value; ev.push(evidence(a, 'date', JSON.stringify(date), sd.span)); }
    }
  }
  if (!date && a.reference) date = a.reference;

  // Place: the incident's own, else the paragraph's, else the dateline.
  let place = d.place;
  if (!place) {
    const para = a.sentences[first.sent]!.para;
    for (let s = first.sent - 1; s >= 0 && a.sentences[s]!.para === para && !place; s--) place = bestPlace(sentencePlaces(a, s), a.sentences[s]!.to);
  }
  let location: Location | null = null;
  if (place) {
    location = toLocation(place.place);
    ev.push(evidence(a, 'location', place.place.name, place));
  } else if (a.places.some(p => p.dateline)) {
    location = toLocation(a.places.find(p => p.dateline)!.place);
  } else if (a.doc.dateline) {
    const m = findPlaces(a.doc.dateline)[0];
    if (m) location = toLocation(resolvePlace(m, { countryCounts: a.countryCounts, dateline: a.doc.dateline }));
  }

  const perpetrators: Perpetrator[] = [];
  const targets: Target[] = [];
  const victims: Victim[] = [];
  const weapons: Weapon[] = [];
  const seen = new Set<string>();
  const add = <T>(list: T[], item: T, key: string, field: string, span: Span, value: string) => {
    const k = field + ':' + norm(key);
    if (seen.has(k) || list.length >= MAX_FILLERS) return;
    seen.add(k);
    list.push(item);
    ev.push(evidence(a, field, value, span));
  };

  const counts: CasualtyMention[] = [];
  const roleCandidates: { text: string; f: Record<string, number> }[] = [];
  const decided: ({ np: NounPhrase } & RoleDecision)[] = [];
  let suicide = false;
  const roleCandidatesOf = (sent: number, trig: number, context: boolean) => {
    const s = a.sentences[sent]!;
    const nps = nounPhrases(a, s.from, s.to);
    // A name standing alone (not next to a role noun that already names the person) is a candidate too.
    for (const n of personNames(a, s.from, s.to)) {
      if (nps.some(np => np.to >= n.from - 2 && np.from <= n.to + 2 && np.classes.some(c => c.cls === 'person'))) continue;
      nps.push({ ...n, headFrom: n.from, classes: [{ cls: 'name' }] });
    }
    for (const np of nps) {
      if (d.onlyPlace && !nearPlace(np, d.onlyPlace)) continue;
      // "the Islamic State group" is the organization, already taken from the registry; "Shining Path members" are people.
      const head = np.to - 1;
      if (a.actors.some(act => (head >= act.from && head < act.to) || (act.to === head && ORG_HEADS.has(a.tokens[head]!.lower)))) continue;
      const f = roleFeatures(a, np, type, trig, context);
      if (exposeFeatures) roleCandidates.push({ text: np.text, f: Object.fromEntries(f) });
      const r = decideRole(a, np, type, trig, f);
      if (r) decided.push({ np, ...r });
    }
  };
  for (const sent of d.sents) {
    const s = a.sentences[sent]!;
    const attribution = attributionOf(a, s.from, s.to);
    for (const act of within(a.actors, s.from, s.to)) {
      if (isState(act.actorId) && !actsInSentence(a, act, s.to)) continue;
      const name = act.text.replace(/\s+/g, ' ');
      add(perpetrators, { name, kind: 'organization', attribution, actorId: act.actorId, canonical: act.name }, act.actorId, 'perpetrators', act, name);
    }
    roleCandidatesOf(sent, d.events.find(e => e.sent === sent)?.triggers[0]?.from ?? s.from, false);
    counts.push(...casualties(a, s.from, s.to));
    if (d.events.some(e => e.sent === sent && e.suicide)) suicide = true;
  }
  // The sentence after a report often names who and what ("The victims were…"): candidates too, marked as context.
  for (const sent of d.sents) {
    const next = sent + 1;
    if (next < a.sentences.length && a.sentences[next]!.para === a.sentences[sent]!.para && !eventSents.has(next) && !d.sents.includes(next)) {
      roleCandidatesOf(next, a.sentences[next]!.from, true);
    }
  }
  // Most confident first; one phrase per head word and role (the scorer, like a reader, counts an entity once).
  const heads = new Set<string>();
  for (const r of decided.sort((x, y) => y.p - x.p)) {
    const key = r.role + ':' + a.tokens[r.np.to - 1]!.lower.replace(/s$/, '');
    if (heads.has(key)) continue;
    heads.add(key);
    const put = <T>(list: T[], item: T, field: string) => add(list, item, r.np.text, field, r.np, r.np.text);
    if (r.role === 'perpetrator') put(perpetrators, { name: r.np.text, kind: 'individual' } as Perpetrator, 'perpetrators');
    else if (r.role === 'target') put(targets, { text: r.np.text, category: r.category }, 'targets');
    else if (r.role === 'victim') put(victims, { text: r.np.text }, 'victims');
    else put(weapons, { text: r.np.text, type: r.weaponType }, 'weapons');
  }
  claims(a, d, perpetrators, ev);
  if (!perpetrators.some(p => p.kind === 'organization')) defaultSuspect(a, d, perpetrators, ev);

  const killed = maxCount(counts, 'killed', a, ev);
  const injured = maxCount(counts, 'injured', a, ev);
  // People died: whatever else the text says of plots, this one was carried out.
  if ((killed?.value ?? 0) > 0 && status === 'foiled') status = 'carried_out';
  const perpetratorsKilled = maxCount(counts, 'perpetratorsKilled', a, ev);

  const strong = d.events.some(e => e.weight >= 3);
  const grounded = victims.length + targets.length + weapons.length + perpetrators.length > 0 || killed || injured;
  if (!strong && !grounded) return null;

  const s0 = a.sentences[first.sent]!;
  const inc: Incident = {
    id: `inc_${a.doc.id.replace(/^doc_/, '')}_${n}`,
    type, status, date, location, perpetrators, targets, victims, weapons,
    killed, injured, suicide, evidence: ev, sources: [a.doc.id],
    summary: a.text.slice(s0.start, s0.end).replace(/\s+/g, ' ').slice(0, 400),
  };
  if (perpetratorsKilled) inc.perpetratorsKilled = perpetratorsKilled;
  if (d.group) inc.group = d.group;
  if (exposeFeatures) (inc as Incident & { _roles?: unknown })._roles = roleCandidates;
  if (d.events.every(e => e.background)) inc.background = true;
  return inc;
}

/** The type of the surest trigger; among equally sure ones the more specific ("detonated" over "attacks"). */
function voteType(events: EventMention[]): IncidentType {
  const score = new Map<IncidentType, number>();
  for (const e of events) for (const t of e.triggers) score.set(t.value.type, Math.max(score.get(t.value.type) ?? 0, t.value.weight));
  return [...score.entries()].sort((x, y) => y[1] - x[1] || PRIORITY.indexOf(x[0]) - PRIORITY.indexOf(y[0]))[0]![0];
}

function nearPlace(np: NounPhrase, p: PlaceSpan): boolean {
  return Math.abs(np.from - p.from) <= 6;
}

function attributionOf(a: Annotated, from: number, to: number): Attribution {
  const has = (m: typeof cues.claimed) => m.has(a.tokens, from, to);
  if (has(cues.denied)) return 'denied';
  if (has(cues.claimed)) return 'claimed';
  if (has(cues.inspired)) return 'inspired';
  if (has(cues.directed)) return 'directed';
  if (has(cues.suspected)) return 'suspected';
  return 'reported';
}

/** "X claimed responsibility for the attack" in a sentence of its own joins the incident before it. */
function claims(a: Annotated, d: Draft, perpetrators: Perpetrator[], ev: Evidence[]): void {
  const last = d.sents[d.sents.length - 1]!;
  for (let s = last + 1; s < Math.min(a.sentences.length, last + 4); s++) {
    const sent = a.sentences[s]!;
    if (!cues.claimed.has(a.tokens, sent.from, sent.to)) continue;
    for (const act of within(a.actors, sent.from, sent.to)) {
      const known = perpetrators.find(p => p.actorId === act.actorId);
      if (known) known.attribution = 'claimed';
      else if (perpetrators.length < MAX_FILLERS) {
        const name = act.text.replace(/\s+/g, ' ');
        perpetrators.push({ name, kind: 'organization', attribution: 'claimed', actorId: act.actorId, canonical: act.name });
        ev.push(evidence(a, 'perpetrators', name, act));
      }
    }
  }
}

function maxCount(counts: CasualtyMention[], field: CasualtyMention['field'], a: Annotated, ev: Evidence[]): Count | null {
  let best: CasualtyMention | null = null;
  for (const c of counts) if (c.field === field && (!best || c.count.value > best.count.value)) best = c;
  if (!best) return null;
  const span = { from: best.from, to: best.to, start: a.tokens[best.from]!.start, end: a.tokens[best.to - 1]!.end };
  ev.push(evidence(a, field, String(best.count.value), span));
  return best.count;
}

/** What the learned filter sees of a candidate: its trigger, its own details, its context in the document. */
function features(a: Annotated, d: Draft, inc: Incident, candidates: number): Features {
  const f: Features = new Map();
  const on = (k: string, v = 1) => f.set(k, (f.get(k) ?? 0) + v);
  const first = d.events[0]!;
  const trig = first.triggers[0]!;
  const word = a.tokens.slice(trig.from, trig.to).map(t => t.lower).join(' ');
  on('bias');
  on('trigger=' + word);
  on('type=' + inc.type);
  on('status=' + inc.status);
  if (first.weight >= 3) on('strong');
  if (/s$/.test(word) && !/ss$/.test(word)) on('plural');
  on('sentences', Math.min(4, d.sents.length) / 4);
  if (d.date) on(d.date.span ? 'date.own' : 'date.para'); else on('date.none');
  if (typeof inc.date === 'string' && inc.date.length === 4) on('date.year');
  if (d.place) on('place.own.' + d.place.place.kind); else on(inc.location ? 'place.fallback' : 'place.none');
  on('victims', Math.min(3, inc.victims.length) / 3);
  on('targets', Math.min(3, inc.targets.length) / 3);
  on('weapons', Math.min(2, inc.weapons.length) / 2);
  on('perp.ind', Math.min(2, inc.perpetrators.filter(p => p.kind === 'individual').length) / 2);
  on('perp.org', Math.min(2, inc.perpetrators.filter(p => p.kind === 'organization').length) / 2);
  if (inc.killed) on('killed');
  if (inc.injured) on('injured');
  if (first.anaphoric) on('anaphoric');
  if (d.events.every(e => e.background)) on('background');
  if (d.group) on('split');
  const pos = first.sent / Math.max(1, a.sentences.length);
  on(pos < 0.2 ? 'pos.lead' : pos < 0.6 ? 'pos.middle' : 'pos.end');
  if (first.sent < 2) on('pos.first2');
  on(candidates === 1 ? 'cands.1' : candidates <= 3 ? 'cands.2-3' : 'cands.4+');
  const s = a.sentences[first.sent]!;
  for (const [name, m] of Object.entries(cues)) if (m.has(a.tokens, s.from, s.to)) on('cue.' + name);
  return f;
}

const isState = (actorId: string) => getActor(actorId)?.kind === 'state';

/** A state force is a perpetrator only when it is the subject of the attack: "soldiers of the army killed". */
function actsInSentence(a: Annotated, act: Span, end: number): boolean {
  for (let i = act.to; i < Math.min(end, act.to + 4); i++) if (triggersAt(a, i)) return true;
  return false;
}

function triggersAt(a: Annotated, i: number): boolean {
  const w = a.tokens[i]!.lower;
  return /(ed|ing)$/.test(w) && /^(kill|murder|attack|shot|shoot|bomb|kidnap|abduct|massacr|assassinat|fired|burn|torch)/.test(w);
}

/**
 * Insurgents named without their group ("guerrillas attacked…") are that group's when the document names
 * one non-state group only in the paragraph or, failing that, names one group far more than others.
 */
function defaultSuspect(a: Annotated, d: Draft, perpetrators: Perpetrator[], ev: Evidence[]): void {
  const generic = perpetrators.some(p => p.kind === 'individual' && /(guerr?ill|rebel|terrorist|subversive|commando|insurgent|militant|jihad)/i.test(p.name));
  const para = a.sentences[d.sents[0]!]!.para;
  const counts = new Map<string, { n: number; span: typeof a.actors[number] }>();
  for (const act of a.actors) {
    if (isState(act.actorId)) continue;
    const weight = a.sentences[a.tokens[act.from]!.sent]!.para === para ? 3 : 1;
    const c = counts.get(act.actorId);
    counts.set(act.actorId, { n: (c?.n ?? 0) + weight, span: c?.span ?? act });
  }
  const ranked = [...counts.values()].sort((x, y) => y.n - x.n);
  const top = ranked[0];
  if (!top || (ranked[1] && ranked[1].n * 2 > top.n)) return;
  // Without insurgents in the sentence, only a group the whole document is about.
  if (!generic && top.n < DOMINANT_MENTIONS) return;
  const name = top.span.text.replace(/\s+/g, ' ');
  perpetrators.push({ name, kind: 'organization', attribution: 'suspected', actorId: top.span.actorId, canonical: top.span.name });
  ev.push(evidence(a, 'perpetrators', name, top.span));
}
