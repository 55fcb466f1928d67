// A document's incidents: drafts of events filled with their arguments (date, place, roles, counts, status),
// each value with its evidence, and judged by the learned filter.
import type { Count, Evidence, Incident, IncidentDate, Location, Perpetrator, Target, Victim, Weapon } from '../model.js';
import { countryOfDemonym, toLocation, findPlaces, getCountry, placeWords, resolvePlace } from '../gazetteer/places.js';
import { within, type Annotated, type PlaceSpan, type Span } from './annotate.js';
import { typeOf, type EventMention } from './events.js';
import { group, mentionsWord, type Draft } from './grouping.js';
import { bestPlace, daysBefore, sameDay, sentenceDate, sentencePlaces } from './sentence-context.js';
import { nounPhrases, type NounPhrase } from './noun-phrases.js';
import { isTitle, personNames } from './names.js';
import { casualties, personToll, type CasualtyMention } from './casualties.js';
import { agentOf, arrestedPerson, decideRole, listedSuspects, mayNameSuspects, namesSuspect, roleFeatures, ruleDecision, suspectedAttackers, suspectsBefore, type RoleDecision } from './roles.js';
import { actsInSentence, addMembers, attributionOf, claimAt, claimByGroupNoun, claims, clauseOf, defaultSuspect, isState, notAnAuthor, reportSentences, surfaceName, unregisteredGroups } from './perpetrators.js';
import { evidence } from './evidence.js';
import { armedPersons, attire, collectiveHeads, countingModifiers, cues, determiners, functionWords, genericVictims, groupHeads, nouns, officeHolders, referringHeads, temporalSubordinators, timeDistances } from './lexicon.js';
import { exposeFeatures, incidentProbability, incidentThreshold, type Features } from './incident-model.js';
import { numberAt } from '../nlp/numbers.js';

const MAX_FILLERS = 4;
/** Places of one country the text names, none of the dateline's, that make it where a report filed abroad happened. */
const TEXT_COUNTRY_MENTIONS = 3;
/** …and this many times as often as it names the dateline's country. */
const TEXT_COUNTRY_LEAD = 4;
/** Modifiers that make a phrase the name of one thing of its kind ("the Santa Maria Catholic Church"). */
const NAMED_MODIFIERS = 2;
/** News reports the latest events: one dated more than two months before the report is background. */
const OLD_DAYS = 62;
/**
 * Who an incident's victims are, for telling two drafts of one event: the surnames it names and the head
 * words that say what kind of people they were ("missionaries", "nuns"; not "people").
 */
const VICTIMS = new WeakMap<Incident, { surnames: Set<string>; kinds: Set<string> }>();
/**
 * The date an incident is told with in its own sentences or paragraph (else the report's): how old the filter
 * judges it, as it was fitted, whatever a sentence between its reports adds.
 */
const TOLD_DATE = new WeakMap<Incident, IncidentDate>();

export function incidents(a: Annotated, events: EventMention[]): Incident[] {
  const eventSents = new Set(events.map(e => e.sent));
  const drafts = group(a, events);
  const filled = mergeByVictims(a, drafts, drafts.map(d => (d.summary ? null : fill(a, d, eventSents))), eventSents);
  const out: Incident[] = [];
  const old = new Set<Incident>();
  for (const [k, d] of drafts.entries()) {
    const inc = filled[k];
    if (!inc) continue;
    const f = features(a, d, inc, drafts.length);
    if (exposeFeatures) (inc as Incident & { _features?: Record<string, number> })._features = Object.fromEntries(f);
    // MUC-4 has few plots: the model only judges reports of attacks carried out.
    // A strong trigger with a toll is an incident whatever the model says: it only judges the doubtful ones.
    // An event told long before the report (background) is judged whatever its toll.
    else if (inc.status === 'carried_out' && !(inc.killed && d.events.some(e => e.weight >= 3) && !f.has('age.old'))
      && incidentProbability(f) < incidentThreshold()) continue;
    out.push(inc);
    if (f.has('age.old')) old.add(inc);
  }
  // Events told months before the report, beside a recent one, are its background: they have reports of their own.
  const kept = exposeFeatures || out.every(i => old.has(i)) ? out : out.filter(i => !old.has(i));
  kept.forEach((inc, n) => { inc.id = `inc_${a.doc.id.replace(/^doc_/, '')}_${n}`; });
  return kept;
}

/**
 * A person named as the victim of one draft and named again in another is one event told twice ("Oqueli
 * was kidnapped…", "the assassination of Oqueli"), and so are two drafts whose victims are the same kind
 * of people ("missionaries"): the later draft joins the earlier, whatever the trigger called it, when
 * their status and dates agree.
 */
function mergeByVictims(a: Annotated, drafts: Draft[], filled: (Incident | null)[], eventSents: Set<number>): (Incident | null)[] {
  const victims = (k: number) => (filled[k] && VICTIMS.get(filled[k]!)) || { surnames: new Set<string>(), kinds: new Set<string>() };
  const mentions = (k: number, of: number) => [...victims(of).surnames].some(n => mentionsWord(a, drafts[k]!, n));
  const sameKind = (x: number, y: number) => [...victims(x).kinds].some(h => victims(y).kinds.has(h));
  for (let j = 1; j < drafts.length; j++) {
    if (!filled[j] || drafts[j]!.onlyPlace || drafts[j]!.separate) continue;
    for (let i = 0; i < j; i++) {
      if (!filled[i] || drafts[i]!.onlyPlace || !(mentions(j, i) || mentions(i, j) || sameKind(i, j))) continue;
      if (filled[i]!.status !== filled[j]!.status) continue;
      if (drafts[i]!.date && drafts[j]!.date && !sameDay(drafts[i]!.date!.value, drafts[j]!.date!.value)) continue;
      const into = drafts[i]!, d = drafts[j]!;
      into.events = [...into.events, ...d.events].sort((x, y) => x.sent - y.sent);
      into.sents = [...new Set([...into.sents, ...d.sents])].sort((x, y) => x - y);
      into.date ??= d.date;
      into.place ??= d.place;
      filled[i] = fill(a, into, eventSents);
      filled[j] = null;
      break;
    }
  }
  return filled;
}

// ---- filling an incident ------------------------------------------------------------------------

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

function fill(a: Annotated, d: Draft, eventSents: Set<number>): Incident | null {
  const ev: Evidence[] = [];
  const first = d.events[0]!;
  // A threat told during an attack carried out ("the hostage-takers threatened to blow up the building") makes it
  // neither a threat nor a bombing.
  const reports = d.events.some(e => e.status !== 'threatened') ? d.events.filter(e => e.status !== 'threatened') : d.events;
  let type = typeOf(reports.flatMap(e => e.triggers)).type;
  // The status of the strongest report of the event (the first among equals).
  let status = reports.reduce((b, e) => (e.weight > b.weight ? e : b)).status;
  const trig = first.triggers[0]!;
  ev.push(evidence(a, 'type', type, { from: trig.from, to: trig.to, start: a.tokens[trig.from]!.start, end: a.tokens[trig.to - 1]!.end }));

  // Date: the incident's own, else the paragraph's, else the reference date (news reports the latest events).
  let date: IncidentDate = d.date?.value ?? null;
  if (d.date?.span) ev.push(evidence(a, 'date', JSON.stringify(date), d.date.span));
  if (!date) {
    const para = a.sentences[first.sent]!.para;
    // Not from another incident's report: a roundup read out as one paragraph dates each of its own.
    for (let s = first.sent - 1; s >= 0 && a.sentences[s]!.para === para && !date && !eventSents.has(s); s--) {
      const sd = sentenceDate(a, s);
      if (sd) { date = sd.value; ev.push(evidence(a, 'date', JSON.stringify(date), sd.span)); }
    }
  }
  // "…ambushed a bus. The gunmen stopped the bus early on Saturday. Survivors said the attackers shot…": a
  // sentence between two reports of the incident tells of it too.
  const told = date ?? a.reference;
  const last = d.sents[d.sents.length - 1]!;
  for (let s = first.sent + 1; s < last && !date; s++) {
    if (eventSents.has(s)) continue;
    const sd = sentenceDate(a, s);
    if (sd) { date = sd.value; ev.push(evidence(a, 'date', JSON.stringify(date), sd.span)); }
  }
  if (!date && a.reference) date = a.reference;

  // Place: the incident's own, else the paragraph's, else the dateline.
  let place = d.place;
  if (!place) {
    const para = a.sentences[first.sent]!.para;
    for (let s = first.sent - 1; s >= 0 && a.sentences[s]!.para === para && !place && !eventSents.has(s); s--) place = bestPlace(sentencePlaces(a, s), a.sentences[s]!.to);
  }
  // "…ambushed a bus in north-eastern Kenya. The gunmen stopped the bus 50km from the town of Mandera…": a sentence
  // between two reports may name the town in the country (or the province) the report named.
  if (place && (place.place.kind === 'country' || place.place.kind === 'admin1')) {
    for (let s = first.sent + 1; s < last; s++) {
      if (eventSents.has(s)) continue;
      const p = bestPlace(sentencePlaces(a, s).filter(p => p.cue && p.place.kind === 'city'), a.sentences[s]!.from);
      if (p && p.place.countryCode === place.place.countryCode && (place.place.kind === 'country' || place.place.kind === 'admin1' && p.place.admin1 === place.place.admin1)) { place = p; break; }
    }
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
  // Wire copy filed from a place it does not name ("CLANDESTINE") still tells where; an essay without a dateline does not.
  if (!place && (location || a.doc.dateline)) location = textCountryOverDateline(a, location);
  // "in the northern Syrian town of Azaz": a town the gazetteer does not know, not the dateline's city.
  if (!place && location?.place && location.countryCode) {
    const elsewhere = unknownTown(a, d);
    const country = elsewhere && getCountry(elsewhere === true ? location.countryCode : elsewhere);
    if (country) location = toLocation(country);
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
  /**
   * `clauses`: where the draft's events lie when the sentence tells several (each draft takes the phrases of its own).
   * `only`: in a sentence that tells no event, the people it names as authors ("by heavily armed men") or as
   * suspects ("the arrested men were identified as…"), nothing else; or (`sure`) only what a rule decides, not the model.
   */
  const roleCandidatesOf = (sent: number, trig: number[], context: boolean, clauses: EventMention['clause'][] = [], only?: 'agents' | 'suspects' | 'sure') => {
    const sure = only === 'sure';
    const { nps, suspects } = sentencePhrases(a, sent);
    const own = (np: NounPhrase) => context || clauses.some(c => !c || np.from >= c.from && np.to <= c.to);
    for (const np of nps) {
      if (d.onlyPlace && !nearPlace(np, d.onlyPlace) || !own(np) || !context && afterAnotherTime(a, np.from, trig[0])) continue;
      // "the Islamic State group" is the organization, already taken from the registry; "Shining Path members" are people.
      const head = np.to - 1;
      const before = a.actorAt[head - 1] ?? -1;
      if (a.actorAt[head]! >= 0 || (before >= 0 && a.actors[before]!.to === head && groupHeads.has(a.tokens[head]!.lower))) continue;
      if (only && !sure) {
        // In a plot, whoever the sentences after it say was arrested plotted it ("Four men were arrested in raids").
        if (only === 'agents' ? agentOf(a, np) : suspects.has(np) || namesSuspect(a, np) || suspectedAttackers(a, np) || status === 'foiled' && arrestedPerson(a, np)) decided.push({ np, role: 'perpetrator', p: 1, category: 'other', weaponType: 'unknown' });
        continue;
      }
      if (sure) {
        const r = ruleDecision(a, np, suspects.has(np));
        if (r) decided.push({ np, ...r });
        continue;
      }
      const f = roleFeatures(a, np, type, trig, context);
      if (exposeFeatures) roleCandidates.push({ text: np.text, f: Object.fromEntries(f) });
      const r = decideRole(a, np, type, f, { listed: suspects.has(np), plot: status === 'foiled' });
      if (r) decided.push({ np, ...r });
    }
  };
  for (const sent of d.sents) {
    const s = a.sentences[sent]!;
    const here = d.events.filter(e => e.sent === sent);
    for (const act of within(a.actors, s.from, s.to)) {
      if (isState(act.actorId) && !actsInSentence(a, act, s.to) || notAnAuthor(a, act) || anotherTime(a, act, here)) continue;
      const clause = clauseOf(a, s.from, s.to, act);
      const attribution = attributionOf(a, clause.from, clause.to);
      // Named again where it claims the attack: the claim is how it is linked.
      const known = perpetrators.find(p => p.actorId === act.actorId);
      if (known && attribution === 'claimed') known.attribution = 'claimed';
      const name = surfaceName(a, act.actorId);
      add(perpetrators, { name, kind: 'organization', attribution, actorId: act.actorId, canonical: act.name }, act.actorId, 'perpetrators', act, name);
      if (attribution === 'claimed') addMembers(a, act, claimAt(a, clause.from, clause.to), perpetrators, ev);
    }
    roleCandidatesOf(sent, here[0]?.triggers.map(t => t.from) ?? [s.from], false, here.map(e => e.clause));
    // A toll told of a past event the sentence compares with ("the November attacks, in which 130 died") is not this one's.
    const own = here.flatMap(e => e.triggers.map(t => t.from));
    const past = here.flatMap(e => (e.past ?? []).map(t => t.from));
    const nearest = (at: number, list: number[]) => Math.min(...list.map(x => Math.abs(x - at)));
    counts.push(...casualties(a, s.from, s.to).filter(c => {
      // "…, a day after gunmen attacked a bus in Karachi, killing 12": the toll of that other time.
      if (afterAnotherTime(a, c.from, own[0])) return false;
      if (!past.length) return true;
      // The toll's own verb ("130 people were killed") says nothing of which event it belongs to.
      const others = own.filter(t => t < c.from || t >= c.to);
      return others.length > 0 && nearest(c.from, others) < nearest(c.from, past);
    }));
    if (here.some(e => e.suicide)) suicide = true;
  }
  // The sentence after a report often names who and what ("The victims were…"): candidates too, marked as context.
  for (const sent of d.sents) {
    const next = sent + 1;
    // "Two of the victims died in hospital", "No one was injured": a toll of some or none of the people told before,
    // in the sentences after the report that tell no other event.
    for (let k = next; k < Math.min(a.sentences.length, next + TOLL_AFTER) && !eventSents.has(k); k++) {
      counts.push(...casualties(a, a.sentences[k]!.from, a.sentences[k]!.to).filter(c => c.count.value === 0 || partitive(a, c)));
    }
    if (next < a.sentences.length && !eventSents.has(next) && !d.sents.includes(next)) {
      if (a.sentences[next]!.para === a.sentences[sent]!.para) roleCandidatesOf(next, [a.sentences[next]!.from], true);
      // News copy gives a sentence a paragraph: the next one opens another and tells only what a rule is sure of.
      else if (paragraphOfItsOwn(a, sent)) roleCandidatesOf(next, [a.sentences[next]!.from], true, [], 'sure');
    }
    // The one before may name who did it ("… was intercepted by heavily armed men. He was kidnapped…").
    const prev = sent - 1;
    if (prev >= 0 && a.sentences[prev]!.para === a.sentences[sent]!.para && !eventSents.has(prev) && !d.sents.includes(prev)) {
      roleCandidatesOf(prev, [a.sentences[prev]!.from], true, [], 'agents');
    }
  }
  // Suspects are often named a few sentences on ("The arrested men have been identified as…").
  for (const s of reportSentences(d, eventSents, a.sentences.length)) {
    if (!eventSents.has(s) && mayNameSuspects(a, s)) roleCandidatesOf(s, [a.sentences[s]!.from], true, [], 'suspects');
  }
  const surnames = new Set<string>(), kinds = new Set<string>();
  // Most confident first; one phrase per head word and role (the scorer, like a reader, counts an entity once).
  // Where the phrases for people end: a description after one of them and a comma is that person again.
  const personEnds = new Set(decided.filter(r => r.role === 'victim' || r.role === 'perpetrator').map(r => r.np.to));
  const namedVictims = decided.filter(r => r.role === 'victim' && personNames(a, r.np.from, r.np.to).length).map(r => r.np);
  // Which modifiers each head word's phrases have had: "the Pentecostal Central Church" and "the Indonesian Christian
  // Church" are two churches, "the church" and "the main church" may be one.
  const headModifiers = new Map<string, Set<string>>();
  const toldAgain = sameAttackerAgain(a, decided.filter(r => r.role === 'perpetrator').map(r => r.np));
  const keyOf = (r: { np: NounPhrase; role: string }) => r.role + ':' + a.tokens[r.np.to - 1]!.lower.replace(/s$/, '');
  // Of two phrases for victims with one head ("at least 40 people" killed, "47 people" wounded), the dead's is kept.
  const ofTheDead = (r: { np: NounPhrase; role: string }) => r.role === 'victim'
    && counts.some(c => c.field === 'killed' && c.from < r.np.to && r.np.from < c.to);
  const deadKeys = new Set(decided.filter(ofTheDead).map(keyOf));
  for (const r of decided.sort((x, y) => y.p - x.p)) {
    const key = keyOf(r);
    if (deadKeys.has(key) && !ofTheDead(r) || toldAgain.has(r.np)) continue;
    const mods = a.tokens.slice(r.np.from, r.np.to - 1).map(t => t.lower);
    const seenMods = headModifiers.get(key);
    if (seenMods && !(mods.length >= NAMED_MODIFIERS && seenMods.size >= NAMED_MODIFIERS && !mods.some(m => seenMods.has(m)))) continue;
    if (r.role === 'victim' && (appositive(a, r.np, personEnds) || namedAgain(a, r.np, namedVictims))) continue;
    headModifiers.set(key, new Set([...seenMods ?? [], ...mods]));
    const put = <T>(list: T[], item: T, field: string) => add(list, item, r.np.text, field, r.np, r.np.text);
    if (r.role === 'perpetrator') {
      const np = withAttire(a, r.np);
      add(perpetrators, { name: np.text, kind: 'individual' } as Perpetrator, r.np.text, 'perpetrators', np, np.text);
    }
    else if (r.role === 'target') put(targets, { text: r.np.text, category: r.category }, 'targets');
    else if (r.role === 'victim') {
      put(victims, { text: r.np.text }, 'victims');
      // "Gunmen shot dead the governor": an armed attack on an office holder (among the victims kept) is an assassination.
      if (type === 'armed_assault' && victims[victims.length - 1]?.text === r.np.text && holdsOffice(a, r.np)) {
        type = 'assassination';
        const typeEvidence = ev.find(e => e.field === 'type');
        if (typeEvidence) typeEvidence.value = type;
      }
      for (const n of personNames(a, r.np.from, r.np.to)) surnames.add(a.tokens[n.to - 1]!.lower);
      const head = a.tokens[r.np.to - 1]!.lower.replace(/s$/, '');
      if (!genericVictims.has(head) && r.np.classes.some(c => c.cls === 'person')) kinds.add(head);
    }
    else put(weapons, { text: r.np.text, type: r.weaponType }, 'weapons');
  }
  // "a bomb explosion", "the 31 October dynamite attack": the report's own words name the weapon.
  if (!weapons.length) {
    const w = triggerWeapon(a, d) ?? (type === 'vehicle_ramming' ? rammingVehicle(a, d) : null);
    if (w) add(weapons, { text: w.text, type: w.type }, w.text, 'weapons', w, w.text);
  }
  claims(a, d, perpetrators, ev, eventSents);
  claimByGroupNoun(a, d, perpetrators, eventSents);
  unregisteredGroups(a, d, perpetrators, ev, eventSents);
  if (!perpetrators.some(p => p.kind === 'organization')) defaultSuspect(a, d, perpetrators, ev, eventSents);

  const victimPhrases = decided.filter(r => r.role === 'victim').map(r => r.np);
  const killed = withOthers(a, maxCount(counts, 'killed', a, ev), () => peopleToll(a, victimPhrases, 'killed', ev));
  const injured = withOthers(a, maxCount(counts, 'injured', a, ev), () => peopleToll(a, victimPhrases, 'injured', ev));
  // "A car bomb was found smoking in an SUV … The device failed to explode": told later how it ended, when it
  // killed no one ("…carried out a controlled explosion during a search" is no failure of a bombing that killed 22).
  if (status === 'carried_out' && !killed?.value && d.events.some(e => e.status === 'failed')) status = 'failed';
  // "… The device began to burn but failed to explode": the sentence after a report of a bombing that harmed no
  // one says how it ended.
  if (status === 'carried_out' && type === 'bombing' && !killed?.value && !injured?.value && d.sents.some(s => {
    const next = a.sentences[s + 1];
    return next && !eventSents.has(s + 1) && cues.unexploded.has(a.tokens, next.from, next.to);
  })) status = 'failed';
  // People died: whatever else the text says of plots, this one was carried out.
  if ((killed?.value ?? 0) > 0 && status === 'foiled') status = 'carried_out';
  const perpetratorsKilled = maxCount(counts, 'perpetratorsKilled', a, ev)?.count ?? null;

  const strong = d.events.some(e => e.weight >= 3);
  const grounded = victims.length + targets.length + weapons.length + perpetrators.length > 0 || killed || injured;
  if (!strong && !grounded) return null;

  const s0 = a.sentences[first.sent]!;
  const inc: Incident = {
    id: '', // numbered by incidents(), among the ones the filter keeps
    type, status, date, location, perpetrators, targets, victims, weapons,
    killed, injured, suicide, evidence: ev, sources: [a.doc.id],
    summary: a.text.slice(s0.start, s0.end).replace(/\s+/g, ' ').slice(0, 400),
  };
  if (perpetratorsKilled) inc.perpetratorsKilled = perpetratorsKilled;
  if (d.group) inc.group = d.group;
  if (exposeFeatures) (inc as Incident & { _roles?: unknown })._roles = roleCandidates;
  VICTIMS.set(inc, { surnames, kinds });
  TOLD_DATE.set(inc, told);
  if (d.events.every(e => e.background)) inc.background = true;
  return inc;
}

/**
 * "HAVANA, 21 NOV 89 -- … the murder of six Jesuits … in El Salvador": a report filed abroad about events in a
 * country its text names again and again (and the dateline's hardly at all) happened in that country; so does
 * one from a place it does not name ("CLANDESTINE, 7 NOV 89 (RADIO VENCEREMOS) --").
 */
function textCountryOverDateline(a: Annotated, location: Location | null): Location | null {
  const counts = textCountries(a);
  const top = [...counts.entries()].sort((x, y) => y[1] - x[1])[0];
  const datelines = counts.get(location?.countryCode ?? '') ?? 0;
  if (!top || top[0] === location?.countryCode || top[1] < TEXT_COUNTRY_MENTIONS || top[1] < TEXT_COUNTRY_LEAD * datelines) return location;
  const country = getCountry(top[0]);
  return country ? toLocation(country) : location;
}

const TEXT_COUNTRIES = new WeakMap<Annotated, Map<string, number>>();

/** How often the text names each country outside its dateline, by places and by demonyms; once per document. */
function textCountries(a: Annotated): Map<string, number> {
  let counts = TEXT_COUNTRIES.get(a);
  if (counts) return counts;
  counts = new Map<string, number>();
  const count = (code: string) => counts!.set(code, (counts!.get(code) ?? 0) + 1);
  for (const p of a.places) if (!p.dateline && !p.notTheScene) count(p.place.countryCode);
  // "the Salvadoran army": a people names its country as surely as a place does.
  for (const t of a.tokens) { const code = t.kind === 'word' && t.text.length > 3 ? countryOfDemonym(t.lower) : null; if (code) count(code); }
  TEXT_COUNTRIES.set(a, counts);
  return counts;
}

interface SentencePhrases { nps: NounPhrase[]; suspects: Set<NounPhrase> }
const PHRASES = new WeakMap<Annotated, Map<number, SentencePhrases>>();

/**
 * A sentence's candidate phrases (its noun phrases, and the names that stand alone) and which of them are listed
 * suspects: built once per sentence, though several drafts and contexts read them.
 */
function sentencePhrases(a: Annotated, sent: number): SentencePhrases {
  let bySent = PHRASES.get(a);
  if (!bySent) PHRASES.set(a, (bySent = new Map()));
  const cached = bySent.get(sent);
  if (cached) return cached;
  const s = a.sentences[sent]!;
  const nps = nounPhrases(a, s.from, s.to);
  // A name standing alone (not next to a role noun that already names the person) is a candidate too.
  for (const name of personNames(a, s.from, s.to)) {
    // "Rafik Hariri's motorcade": the person, without the possessive.
    const n = /['’]s$/i.test(a.tokens[name.to - 1]!.text) ? { ...name, end: name.end - 2, text: name.text.slice(0, -2) } : name;
    // "DAS director general Miguel Maza Marquez": the title and the name are one designation.
    const k = nps.findIndex(np => np.to <= n.from && titledBy(a, np, n.from) && np.classes.some(c => c.cls === 'person'));
    if (k >= 0) {
      const np = nps[k]!;
      nps[k] = { ...np, to: n.to, end: n.end, text: a.text.slice(np.start, n.end).replace(/\s+/g, ' '), classes: [...np.classes, { cls: 'name' }] };
      continue;
    }
    // "a Taylor Swift concert": a name that modifies a word for a place or thing is part of that phrase.
    if (nps.some(np => np.from <= n.from && n.to <= np.headFrom && !np.classes.some(c => c.cls === 'person' || c.cls === 'perpetrator')
      && !a.tokens[n.to - 1]!.lower.endsWith("'s"))) continue;
    // A name beside a word for the person names the same one, unless it is named as a suspect ("identified the bomber as …").
    // Not across a conjunction: "Syed Rizwan Farook, 28, a county health inspector, and Tashfeen Malik, 27".
    const beside = (np: NounPhrase) => np.to >= n.from - 2 && np.from <= n.to + 2 && !(np.to <= n.from && a.tokens[n.from - 1]!.lower === 'and');
    if (nps.some(np => beside(np) && np.classes.some(c => c.cls === 'person')) && !suspectsBefore(a, n.from)) continue;
    nps.push({ ...n, headFrom: n.from, classes: [{ cls: 'name' }] });
  }
  const phrases = { nps, suspects: listedSuspects(a, nps) };
  bySent.set(sent, phrases);
  return phrases;
}

/** Weapons a report's own words name ("a bomb explosion", "a ricin attack", "an acid attack"). */
const NAMED_BY_TRIGGER = new Set<Weapon['type']>(['explosives', 'incendiary', 'chemical', 'biological']);

/** A weapon named inside or right before a trigger of the draft: "bomb explosion", "dynamite attack", "ricin attack". */
function triggerWeapon(a: Annotated, d: Draft): (Span & { text: string; type: Weapon['type'] }) | null {
  for (const e of d.events) {
    for (const trig of e.triggers) {
      for (let i = Math.max(0, trig.from - 1); i < trig.to; i++) {
        const hit = nouns.matchAt(a.tokens, i, trig.to);
        const weapon = hit?.value.find(c => c.cls === 'weapon') as { cls: 'weapon'; type: Weapon['type'] } | undefined;
        // Firearms words in triggers are the shooting itself ("shot", "bullet wounds"), not a weapon named.
        if (!hit || !weapon || hit.to > trig.to || !NAMED_BY_TRIGGER.has(weapon.type)) continue;
        const start = a.tokens[i]!.start, end = a.tokens[hit.to - 1]!.end;
        return { from: i, to: hit.to, start, end, text: a.text.slice(start, end).replace(/\s+/g, ' '), type: weapon.type };
      }
    }
  }
  return null;
}

/** How many words before a ramming's verb its vehicle may stand ("a rented truck plowed into"). */
const VEHICLE_REACH = 4;

/** "A truck plowed into a crowd": the vehicle a ramming's report drives, which is its weapon. */
function rammingVehicle(a: Annotated, d: Draft): (Span & { text: string; type: Weapon['type'] }) | null {
  for (const e of d.events) {
    for (const trig of e.triggers) {
      if (trig.value.type !== 'vehicle_ramming') continue;
      for (let i = Math.max(a.sentences[e.sent]!.from, trig.from - VEHICLE_REACH); i < trig.to; i++) {
        const hit = nouns.matchAt(a.tokens, i, trig.to);
        if (!hit?.value.some(c => c.cls === 'weapon' && c.type === 'vehicle')) continue;
        const start = a.tokens[i]!.start, end = a.tokens[hit.to - 1]!.end;
        return { from: i, to: hit.to, start, end, text: a.text.slice(start, end).replace(/\s+/g, ' '), type: 'vehicle' };
      }
    }
  }
  return null;
}

/**
 * "A suicide bomber killed 26 people …, days after the Taliban stepped up attacks": a group named after a
 * stretch of time and a temporal subordinator, past the event's first trigger, acted at another time.
 */
function anotherTime(a: Annotated, act: Span, events: EventMention[]): boolean {
  return afterAnotherTime(a, act.from, events[0]?.triggers[0]?.from);
}

/** Token i stands in a clause about another time than the trigger at `first` ("… a week after Taliban gunmen stormed"). */
function afterAnotherTime(a: Annotated, i: number, first: number | undefined): boolean {
  if (first === undefined || i <= first) return false;
  for (let k = i - 1; k > first; k--) {
    if (temporalSubordinators.has(a.tokens[k]!.lower) && timeDistances.has(a.tokens[k - 1]?.lower ?? '')) return true;
  }
  return false;
}

const ATTIRE_REACH = 4;

/** "men wearing military uniforms", "gunmen dressed in police uniforms": what they wore is part of the description. */
function withAttire(a: Annotated, np: NounPhrase): NounPhrase {
  const t = a.tokens;
  const v = attire.verbs.matchAt(t, np.to);
  if (!v) return np;
  const end = Math.min(a.sentences[t[np.from]!.sent]!.to, v.to + ATTIRE_REACH);
  for (let j = v.to; j < end && t[j]!.kind !== 'punct'; j++) {
    const g = attire.garments.matchAt(t, j, end);
    if (g) return { ...np, to: g.to, end: t[g.to - 1]!.end, text: a.text.slice(np.start, t[g.to - 1]!.end).replace(/\s+/g, ' ') };
  }
  return np;
}

/**
 * The draft's sentences name a town the gazetteer does not know ("the northern Syrian town of Azaz"): the
 * country its people's name says (a code), true when none is said, else null.
 */
function unknownTown(a: Annotated, d: Draft): string | true | null {
  const t = a.tokens, townWords = placeWords('cityTypes');
  for (const sent of d.sents) {
    const s = a.sentences[sent]!;
    for (let k = s.from; k + 2 < s.to; k++) {
      if (t[k + 1]!.lower !== 'of' || !townWords.has(t[k]!.lower)) continue;
      const name = t[k + 2]!;
      if (name.kind !== 'word' || a.placeAt[k + 2]! >= 0 || a.actorAt[k + 2]! >= 0 || functionWords.has(name.lower) || a.mode === 'mixed' && !name.cap) continue;
      for (let j = k - 1; j >= Math.max(s.from, k - 3); j--) { const code = countryOfDemonym(t[j]!.lower); if (code) return code; }
      return true;
    }
  }
  return null;
}

/** "James Furlong, a history teacher at…", "Stephan Balliet, a 27-year-old German": the phrase after a named victim or perpetrator and a comma describes that person. */
function appositive(a: Annotated, np: NounPhrase, personEnds: Set<number>): boolean {
  if (np.classes.some(c => c.cls === 'name')) return false; // "Jose Perez, Maria Lopez and…": a list
  // The article may stand a few modifiers before the phrase the role model took ("a history teacher").
  let k = np.from;
  while (k > np.from - 3 && k > 0 && a.tokens[k]!.lower !== 'a' && a.tokens[k]!.lower !== 'an' && a.tokens[k - 1]!.kind === 'word') k--;
  if (a.tokens[k]?.lower !== 'a' && a.tokens[k]?.lower !== 'an') return false;
  k--;
  return a.tokens[k]?.text === ',' && personEnds.has(k) && personNames(a, Math.max(0, k - 4), k).some(n => n.to === k);
}

/** The phrase names an office holder ("the governor of Kandahar province", "Senator Luis Carlos Galan"). */
function holdsOffice(a: Annotated, np: NounPhrase): boolean {
  for (let k = np.from; k < np.to; k++) if (officeHolders.matchAt(a.tokens, k, np.to)) return true;
  return false;
}

/** "Senator Luis Carlos Galan … the senator": one person described by words a named victim's phrase holds is that person again. */
function namedAgain(a: Annotated, np: NounPhrase, named: NounPhrase[]): boolean {
  const words = a.tokens.slice(np.from, np.to).map(t => t.lower);
  const head = words[words.length - 1]!;
  if (pluralHead(head) || personNames(a, np.from, np.to).length) return false;
  return named.some(n => n !== np && words.every(w => a.tokens.slice(n.from, n.to).some(t => t.lower === w)));
}

/** "gunmen", "victims" (not "the boss"). */
const pluralHead = (head: string): boolean => /[^s]s$/.test(head) || head.endsWith('men');

/** A phrase for one person, not told apart from others: not "gunmen", "people", "a second attacker". */
const onePerson = (a: Annotated, np: NounPhrase): boolean => {
  const head = a.tokens[np.to - 1]!.lower;
  if (pluralHead(head) || collectiveHeads.has(head)) return false;
  for (let k = np.from; k < np.to - 1; k++) if (countingModifiers.has(a.tokens[k]!.lower)) return false;
  return true;
};

/**
 * "Abdulahi Hasan Sharif … the suspect … a man", "a suicide bomber … the attacker": one attacker told again. A
 * description that only refers back (`referringHeads`) is left out when another one-person attacker is found;
 * one that says what he did ("a gunman", "a suicide bomber") may be another person and stays.
 */
function sameAttackerAgain(a: Annotated, attackers: NounPhrase[]): Set<NounPhrase> {
  const refs: NounPhrase[] = [];
  let others = false;
  for (const np of attackers) {
    const named = personNames(a, np.from, np.to).length > 0, one = onePerson(a, np);
    if (!named && one && referringHeads.has(a.tokens[np.to - 1]!.lower)) refs.push(np);
    else others ||= named || one;
  }
  refs.sort((x, y) => x.from - y.from);
  return new Set(others ? refs : refs.slice(1));
}

/** The sentence is a paragraph of its own, as news copy writes them. */
function paragraphOfItsOwn(a: Annotated, sent: number): boolean {
  const s = a.sentences[sent]!;
  return a.sentences[sent + 1]?.para !== s.para && (sent === 0 || a.sentences[sent - 1]!.para !== s.para);
}

function nearPlace(np: NounPhrase, p: PlaceSpan): boolean {
  return Math.abs(np.from - p.from) <= 6;
}

function maxCount(counts: CasualtyMention[], field: CasualtyMention['field'], a: Annotated, ev: Evidence[]): { count: Count; mention: CasualtyMention } | null {
  let best: CasualtyMention | null = null;
  for (const c of counts) if (c.field === field && (!best || c.count.value > best.count.value)) best = c;
  if (!best) return null;
  const span = { from: best.from, to: best.to, start: a.tokens[best.from]!.start, end: a.tokens[best.to - 1]!.end };
  ev.push(evidence(a, field, String(best.count.value), span));
  return { count: best.count, mention: best };
}

/** How many sentences after a report may tell its toll of some or none ("The device failed to explode. Nobody was hurt."). */
const TOLL_AFTER = 2;

/** "two of the victims", "three of them": a count of some of the people already told. */
function partitive(a: Annotated, c: CasualtyMention): boolean {
  const n = numberAt(a.tokens, c.from);
  if (!n || a.tokens[n.to]?.lower !== 'of') return false;
  const w = a.tokens[n.to + 1]?.lower ?? '';
  return w === 'them' || determiners.has(w);
}

/** The longest name before an appositive. */
const NAME_WORDS = 5;

/**
 * The toll: the largest count told, else the people told killed one by one; "a suicide bomber killed Bashir Bilour …
 * Eight other people died": a count of others adds the people told before it.
 */
function withOthers(a: Annotated, told: { count: Count; mention: CasualtyMention } | null, people: () => Count | null): Count | null {
  if (!told) return people();
  const n = numberAt(a.tokens, told.mention.from);
  if (!n || told.mention.withOne || !/^others?$/.test(a.tokens[n.to]?.lower ?? '')) return told.count;
  const more = people();
  return more ? { ...told.count, value: told.count.value + more.value } : told.count;
}

/**
 * "Theo van Gogh … was shot and stabbed to death", "killing the mayor": with no count told, how many people the
 * one-person victim phrases tell killed (or injured), each person (head word) once.
 */
function peopleToll(a: Annotated, victims: NounPhrase[], field: 'killed' | 'injured', ev: Evidence[]): Count | null {
  const people = new Map<string, NounPhrase>();
  for (const np of victims) {
    const head = a.tokens[np.to - 1]!.lower;
    const named = np.classes.some(c => c.cls === 'name');
    if (people.has(head) || !named && !(np.classes.some(c => c.cls === 'person') && onePerson(a, np))) continue;
    const s = a.sentences[a.tokens[np.from]!.sent]!;
    // "killed Bashir Ahmed Bilour, a senior minister in the provincial government": the name the phrase describes.
    let k = np.from;
    while (k > s.from && determiners.has(a.tokens[k - 1]!.lower)) k--;
    const described = a.tokens[k - 1]?.text === ',' ? personNames(a, Math.max(s.from, k - 1 - NAME_WORDS), k - 1).find(n => n.to === k - 1) : undefined;
    if (personToll(a, np.from, np.to, s) === field || described && personToll(a, described.from, described.to, s) === field) people.set(head, np);
  }
  if (!people.size) return null;
  for (const np of people.values()) ev.push(evidence(a, field, String(people.size), np));
  return { value: people.size };
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
  const told = TOLD_DATE.has(inc) ? TOLD_DATE.get(inc)! : inc.date;
  if (typeof told === 'string' && told.length === 4) on('date.year');
  const age = a.reference ? daysBefore(told, a.reference) : null;
  if (age !== null) on(age > OLD_DAYS ? 'age.old' : age > 7 ? 'age.month' : 'age.recent');
  if (d.place) on('place.own.' + d.place.place.kind); else on(inc.location ? 'place.fallback' : 'place.none');
  on('victims', Math.min(3, inc.victims.length) / 3);
  on('targets', Math.min(3, inc.targets.length) / 3);
  on('weapons', Math.min(2, inc.weapons.length) / 2);
  on('perp.ind', Math.min(2, inc.perpetrators.filter(p => p.kind === 'individual').length) / 2);
  on('perp.org', Math.min(2, inc.perpetrators.filter(p => p.kind === 'organization').length) / 2);
  // A battle between forces or an attack on them (MUC-4 leaves both out) rather than on civilians.
  const armed = inc.victims.filter(v => isArmed(v.text)).length;
  if (armed) on(armed === inc.victims.length ? 'victims.armed' : 'victims.someArmed');
  if (inc.targets.some(t => t.category === 'military' || t.category === 'police')) on('targets.forces');
  if (inc.perpetrators.some(p => p.actorId && isState(p.actorId))) on('perp.state');
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

/** "two national guardsmen", "soldiers of the 4th brigade": the phrase's head (before any "of") or its last two words. */
function isArmed(text: string): boolean {
  const words = text.toLowerCase().split(/\s+of\s+/)[0]!.split(/\s+/);
  const n = words.length;
  return armedPersons.has(words[n - 1]!) || n > 1 && armedPersons.has(words[n - 2] + ' ' + words[n - 1]);
}

/** The phrase ends where the name begins, or one title word before it ("director general Miguel…"). */
function titledBy(a: Annotated, np: NounPhrase, nameFrom: number): boolean {
  for (let i = np.to; i < nameFrom; i++) if (i - np.to >= 2 || !isTitle(a.tokens[i]!.lower)) return false;
  return true;
}
