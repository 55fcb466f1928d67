// Event mentions: sentences that report an attack, found by their triggers and kept only when the
// context says a real, specific incident (not a trend, a hypothetical or a battle between forces).
import type { IncidentType, Status } from '../model.js';
import { anyWord, isDatelineDate, within, type Annotated, type DateSpan } from './annotate.js';
import { sameDay } from './sentence-context.js';
import { monthOfName } from '../nlp/dates.js';
import { attemptVerbs, casualtyWords, clauseOpeners, copulas, nouns, cues, explosiveAfter, framingPrepositions, lawAgentAround, relativePronouns, laterSubordinators, ramming, referring, temporalSubordinators, triggers, type TriggerInfo } from './lexicon.js';
import type { PhraseHit, PhraseMatcher } from '../nlp/phrases.js';

export interface EventMention {
  sent: number;
  type: IncidentType;
  weight: number;
  triggers: PhraseHit<TriggerInfo>[];
  status: Status;
  suicide: boolean;
  /** "the attack", "the blast": refers back to an incident already reported. */
  anaphoric: boolean;
  /** A passing reference to an earlier event, like "the 2015 Paris attacks". */
  background: boolean;
  /** Told as another event: "in another attack", "meanwhile". */
  separate: boolean;
  /** The sum of several incidents a roundup goes on to tell: "a wave of bombings across Iraq killed 40 on Monday". */
  summary?: boolean;
  /** Told as one more event ("rebels also attacked…"): another incident when it has its own place, date or type. */
  additional: boolean;
  /** Triggers of past events the sentence compares with ("the November attacks in Paris"), not this one's. */
  past?: PhraseHit<TriggerInfo>[];
  /** One of several events a sentence tells, each with its own date: the tokens that are this one's. */
  clause?: { from: number; to: number; date: DateSpan | null };
}

// When two types tie, the more specific one names the incident; people seized and taken away (kidnapped) are
// often called hostages too, so a kidnapping is not a hostage-taking for that word alone.
export const PRIORITY: IncidentType[] = ['hijacking', 'kidnapping', 'hostage_taking', 'bombing', 'vehicle_ramming', 'arson',
  'assassination', 'armed_assault', 'unarmed_assault', 'other'];

/** How many words before a trigger a cue of habit reaches ("known for its bombings"). */
const HABIT_REACH = 7;
/** …and a cue of commemoration ("the anniversary of the killing of"). */
const COMMEMORATION_REACH = 3;

export function eventMentions(a: Annotated): EventMention[] {
  const out: EventMention[] = [];
  const { tokens } = a;
  for (const s of a.sentences) {
    // "a group known for bombings and kidnappings for ransom": what someone habitually does is no event.
    // "the anniversary of the killing of…": an event remembered is not the one reported.
    const found = triggers.findAll(tokens, s.from, s.to).filter(h => !cues.habitual.has(tokens, Math.max(s.from, h.from - HABIT_REACH), h.from)
      && !lawAgentAround(tokens, h.from, h.to) && !cues.commemoration.has(tokens, Math.max(s.from, h.from - COMMEMORATION_REACH), h.from)
      && !inDisposal(a, h) && !inPreparation(a, h));
    const ram = rammingAt(a, s.from, s.to);
    if (ram) found.unshift(ram);
    const charged = chargedWithExplosivesIn(a, s.from, s.to);
    if (charged) found.unshift(charged);
    if (!found.length) continue;
    // "the deadliest attack since the 1998 bombing of the U.S. embassy": a dated past event beside the
    // sentence's own report is a comparison, not the event's trigger.
    const past = found.filter(h => datedBefore(a, s.from, h.from) && isNominal(a, h.from));
    // "…the February suicide bombing in Pulwama that killed 40": the toll in its relative clause is that event's too.
    const current = past.length ? found.filter(h => !past.includes(h) && !past.some(p => tollOfPast(a, p, h))) : found;
    const hits = current.length ? current : found;
    const has = (m: PhraseMatcher<true>) => m.has(tokens, s.from, s.to);
    const plot = plotIn(a, s.from, s.to), foiled = has(cues.foiled), arrests = has(cues.arrests), failed = has(cues.failed) || attempted(a, s.from, s.to, hits), threatened = has(cues.threatened) && cues.threatened.findAll(tokens, s.from, s.to).some(c => !inRelativeAside(a, s.from, s.to, c));
    // Hypothetical only when the cue governs the trigger: "could attack", "urged supporters to carry out attacks".
    const t0 = hits[0]!.from;
    // "their aim was to smuggle explosives and to detonate them": an attack only intended, unless tried.
    const intended = hits.every(h => tokens[h.from - 1]?.lower === 'to') && !failed;
    const hypothetical = intended || cues.hypothetical.has(tokens, Math.max(s.from, t0 - 8), t0);
    const nonIncident = governs(a, cues.nonIncident, s.from, s.to, t0), generic = governs(a, cues.generic, s.from, s.to, t0) || trend(a, s.from, s.to, hits);

    if (hypothetical && !plot && !foiled && !threatened) continue;
    if (seizedWeapons(a, s.from, hits) && !plot && !foiled && !failed) continue;
    if (noOneHurt(a, s.from, hits)) continue;
    const { type, weight } = typeOf(hits, plot || foiled);
    if (stateAction(a, s.from, s.to)) continue;
    if (nonIncident && weight < 3) continue;
    if (nonIncident && type === 'armed_assault') continue;
    if (generic && (weight < 3 || foiled)) continue;

    let status: Status = 'carried_out';
    // Foiled: "the plot was thwarted", "attacks planned for France were prevented", "arrested ... plotting".
    if (foiled || plot && (arrests || !hits.some(h => h.value.weight >= 3 && !isNominal(a, h.from)))) status = 'foiled';
    else if (failed) status = 'failed';
    else if (threatened) status = 'threatened';

    // "…which on 25 January claimed the killing of General Alvarez, claimed today the bombing of…": each
    // trigger with a date of its own, and the ones after it, tell another event.
    const parts = byDate(a, s.from, s.to, hits);
    // "A series of bombs exploded … on Thursday and Friday, killing four": every part of the sum is the sum.
    const summary = sums(a, hits[0]!);
    for (const [k, part] of parts.entries()) {
      const first = part[0]!;
      const prev = tokens[first.from - 1]?.lower;
      // "the bombing that killed 40": "that" before a verb is a relative pronoun, not a pointer back.
      const anaphoric = referring.has(prev ?? '') && !(relativePronouns.has(prev ?? '') && !isNominal(a, first.from));
      const own = part === hits ? { type, weight } : typeOf(part, plot || foiled);
      out.push({
        sent: s.i, ...own, triggers: part, status, suicide: has(cues.suicide), anaphoric,
        background: datedBefore(a, s.from, first.from) && isNominal(a, first.from),
        separate: !anaphoric && has(cues.separate),
        ...(summary ? { summary: true } : {}),
        additional: !anaphoric && has(cues.additional),
        ...(hits !== found && hits.length < found.length ? { past: found.filter(h => !hits.includes(h)) } : {}),
        ...(parts.length > 1 ? { clause: { from: k ? start(parts, k) : s.from, to: k + 1 < parts.length ? start(parts, k + 1) : s.to, date: part.date ?? null } } : {}),
      });
    }
  }
  return out;
}

/** "police carried out a controlled explosion": a trigger word inside a phrase of bomb disposal tells no attack. */
function inDisposal(a: Annotated, h: PhraseHit<TriggerInfo>): boolean {
  for (let k = Math.max(0, h.from - 2); k <= h.from; k++) if ((cues.disposal.matchAt(a.tokens, k)?.to ?? -1) >= h.to) return true;
  return false;
}

/**
 * "bandits have killed hundreds of people in the region this year": a present perfect over a stretch of time or
 * of land sums many events. ("Gunmen have killed 30 villagers in an attack on Sunday" tells one.)
 */
function trend(a: Annotated, from: number, to: number, hits: PhraseHit<TriggerInfo>[]): boolean {
  const t = a.tokens;
  const perfect = hits.some(h => {
    const k = t[h.from - 1]?.lower === 'been' ? h.from - 2 : h.from - 1;
    return (t[k]?.lower === 'have' || t[k]?.lower === 'has') && !isNominal(a, h.from);
  });
  return perfect && cues.trendSpans.has(t, from, to) && !within(a.dates, from, to).some(d => d.date.precision === 'day');
}

/** How many words before a weapon the verb that makes or gets it may stand ("building a crude explosive device"). */
const PREPARATION_REACH = 3;

/** "discussed building an explosive device", "bought explosives": a weapon made or got is no attack. */
function inPreparation(a: Annotated, h: PhraseHit<TriggerInfo>): boolean {
  const t = a.tokens;
  if (!nouns.matchAt(t, h.to - 1, h.to)?.value.some(c => c.cls === 'weapon')) return false;
  for (let k = h.from - 1; k >= Math.max(0, h.from - PREPARATION_REACH); k--) {
    if (t[k]!.kind === 'punct') return false;
    if (cues.preparation.matchAt(t, k, h.from)) return true;
  }
  return false;
}

/** How many words before a toll's verb its negated subject may stand ("No one else was hurt"). */
const NO_ONE_REACH = 4;

/** "Nobody was injured", "No one was hurt": a toll of none tells no attack. */
function noOneHurt(a: Annotated, from: number, hits: PhraseHit<TriggerInfo>[]): boolean {
  const t = a.tokens;
  if (!hits.every(h => h.to - h.from === 1 && casualtyWords.has(t[h.from]!.lower))) return false;
  const v = hits[0]!.from;
  for (let k = Math.max(from, v - NO_ONE_REACH); k < v; k++) {
    const w = t[k]!.lower;
    if (w === 'nobody' || w === 'none' || w === 'no' && t[k + 1]?.lower === 'one') return true;
  }
  return false;
}

/** "a planned refugee shelter": "planned" before a noun that is no attack describes that noun, not a plot. */
function plotIn(a: Annotated, from: number, to: number): boolean {
  const t = a.tokens;
  return cues.plot.has(t, from, to) && cues.plot.findAll(t, from, to).some(h => !(h.to - h.from === 1 && t[h.from]!.lower === 'planned'
    && nouns.matchAt(t, h.to, to) && !triggers.matchAt(t, h.to, to)));
}

/**
 * "the army confiscated 200 sticks of TNT and incendiary bombs", "an arms cache with dynamite": weapons taken or
 * stored, with no word of their use, are no attack.
 */
function seizedWeapons(a: Annotated, from: number, hits: PhraseHit<TriggerInfo>[]): boolean {
  const t = a.tokens;
  if (!hits.every(h => h.value.type === 'bombing' || h.value.type === 'arson')) return false;
  const weapon = (h: PhraseHit<TriggerInfo>) => { const n = nouns.matchAt(t, h.from); return !!n && n.to >= h.to && n.value.some(c => c.cls === 'weapon'); };
  if (!hits.every(weapon)) return false;
  // "people who captured him after he placed an explosive device": not over a clause of its own.
  return cues.seizure.findAll(t, from, hits[0]!.from).some(c => !anyWord(t, c.to, hits[0]!.from, clauseOpeners));
}

/**
 * "Theo van Gogh, who had received death threats over a film, was shot": a cue inside a relative clause set off by
 * commas describes a person, not the event.
 */
function inRelativeAside(a: Annotated, from: number, to: number, c: { from: number; to: number }): boolean {
  const t = a.tokens;
  let open = c.from - 1;
  while (open >= from && t[open]!.text !== ',') open--;
  if (open < from || !relativePronouns.has(t[open + 1]?.lower ?? '')) return false;
  for (let k = c.to; k < to; k++) if (t[k]!.text === ',') return true;
  return false;
}

/** How many words may stand between a cue of an attempt and the trigger it governs. */
const ATTEMPT_REACH = 8;

/**
 * "an attempted kidnapping", "they tried to throw it at the warehouse": an attempt that governs a trigger, in its
 * clause, or, ending in "to", an attack by the verb after it; not "shooting tourists who had tried to hide", "an
 * attempt to hinder the dialogue".
 */
function attempted(a: Annotated, from: number, to: number, hits: PhraseHit<TriggerInfo>[]): boolean {
  const t = a.tokens;
  return cues.attempts.findAll(t, from, to).some(c => {
    if (t[c.to - 1]!.lower === 'to') return attemptVerbs.has(t[c.to]?.lower ?? '') || hits.some(h => h.from === c.to);
    return hits.some(h => {
      const [x, y] = h.from >= c.to ? [c.to, h.from] : [h.to, c.from];
      if (y < x || y - x > ATTEMPT_REACH) return false;
      for (let k = x; k < y; k++) if (clauseOpeners.has(t[k]!.lower) || t[k]!.text === ';') return false;
      return true;
    });
  });
}

/** "a wave of bombings", "a series of attacks": a plural trigger right after words that sum several incidents. */
function sums(a: Annotated, trigger: PhraseHit<TriggerInfo>): boolean {
  const t = a.tokens;
  if (!/s$/.test(t[trigger.to - 1]!.lower)) return false;
  for (let k = Math.max(0, trigger.from - 4); k < trigger.from; k++) if (cues.summary.matchAt(t, k, trigger.from)?.to === trigger.from) return true;
  return false;
}

/** How near a date must stand to a trigger to be its own. */
export const DATE_REACH = 6;

type Part = PhraseHit<TriggerInfo>[] & { date?: DateSpan | null };

function byDate(a: Annotated, from: number, to: number, hits: PhraseHit<TriggerInfo>[]): Part[] {
  if (hits.length < 2) return [hits];
  const dates = within(a.dates, from, to).filter(d => !isDatelineDate(a.text, d));
  if (dates.length < 2) return [hits];
  const own = (h: PhraseHit<TriggerInfo>) => {
    const near = dates.filter(d => d.to <= h.from ? h.from - d.to <= DATE_REACH : d.from - h.to <= DATE_REACH && d.from >= h.to);
    // "opened fire in the city centre on Monday evening": a date after the verb, in its clause, is its own.
    const following = near.find(d => d.from >= h.to && !a.tokens.slice(h.to, d.from).some(t => t.kind === 'punct'));
    if (following) return following;
    return near.length ? near.reduce((b, d) => (Math.min(Math.abs(d.from - h.from), Math.abs(d.to - h.from)) < Math.min(Math.abs(b.from - h.from), Math.abs(b.to - h.from)) ? d : b)) : null;
  };
  const parts: Part[] = [];
  let current: Part = [];
  current.date = null;
  for (const h of hits) {
    const d = own(h);
    if (d && current.date && current.length && !sameDay(d.date.value, current.date.date.value)) { parts.push(current); current = []; current.date = null; }
    if (d && !current.date) current.date = d;
    current.push(h);
  }
  parts.push(current);
  return parts.length > 1 ? parts : [hits];
}

/** Where the k-th of a sentence's events begins: at its date when the date comes first ("today claimed… detonating"). */
function start(parts: Part[], k: number): number {
  const first = parts[k]![0]!.from, date = parts[k]!.date;
  return date && date.from < first && date.from >= parts[k - 1]!.at(-1)!.to ? date.from : first;
}

/**
 * The type of the surest trigger, among equally sure ones the more specific ("detonated" over "attacks"),
 * and how surely the triggers report an attack (a plot counts as sure).
 */
export function typeOf(hits: PhraseHit<TriggerInfo>[], plot = false): { type: IncidentType; weight: number } {
  const byType = new Map<IncidentType, number>();
  let weight = 0;
  for (const h of hits) { byType.set(h.value.type, Math.max(byType.get(h.value.type) ?? 0, h.value.weight)); weight = Math.max(weight, h.value.weight); }
  if (plot) weight = Math.max(weight, 3);
  const type = [...byType.entries()].sort((x, y) => y[1] - x[1] || PRIORITY.indexOf(x[0]) - PRIORITY.indexOf(y[0]))[0]![0];
  return { type, weight };
}

/** "the 1998 bombing", "the November attacks" (in a March report): a past year or month right before a trigger. */
function datedBefore(a: Annotated, from: number, i: number): boolean {
  const current = a.reference ? Number(a.reference.slice(5, 7)) : null;
  // The date must modify the trigger: no punctuation between them ("on 12 March 2018, killing 14" is the event's date).
  for (let k = i - 1; k >= Math.max(from, i - 4) && a.tokens[k]!.kind !== 'punct'; k--) {
    const t = a.tokens[k]!;
    if (t.kind === 'num' && /^(19|20)\d\d$/.test(t.text)) return true;
    const m = k >= i - 2 ? monthOfName(t.text) : null;
    if (m !== null && current !== null && m !== current) return true;
  }
  return false;
}

/**
 * A cue anywhere in the sentence but in a main clause before a temporal one that holds the trigger at t0
 * ("the antidrug operations it carried out after a judge was murdered" tells of operations and a murder), in a
 * fronted phrase that frames the time, or in a clause about what came after ("before troops arrived").
 */
function governs(a: Annotated, cue: PhraseMatcher<true>, from: number, to: number, t0: number): boolean {
  const t = a.tokens;
  if (!cue.has(t, from, to)) return false;
  return cue.findAll(t, from, to).some(h => {
    // "killed 12 villagers before troops arrived": the cue in a temporal clause after the trigger is another time.
    if (h.from > t0) return !anyWord(t, t0 + 1, h.from, laterSubordinators);
    if (h.to > t0) return true;
    return !anyWord(t, h.to, t0, temporalSubordinators) && !framing(a, h.from, t0);
  });
}

const FRAME_REACH = 3;

/** "During the offensive, guerrillas attacked…": the cue at `at` sits in a fronted phrase that sets the time of the trigger at t0. */
function framing(a: Annotated, at: number, t0: number): boolean {
  const t = a.tokens;
  let opened = false;
  for (let k = at - 1; k >= Math.max(0, at - FRAME_REACH) && !opened; k--) opened = !!framingPrepositions.matchAt(t, k, at);
  if (!opened) return false;
  for (let k = at; k < t0; k++) if (t[k]!.text === ',') return true;
  return false;
}

/** How many words before a strike the words of a motive may stand ("revenge for U.S.-backed strikes"). */
const MOTIVE_REACH = 6;

/**
 * "Coalition airstrikes killed 30": a military strike by a state, not terrorism. "The strike the judges had called" is
 * a stoppage of work, and "…, saying it was revenge for U.S.-backed strikes" only a motive.
 */
function stateAction(a: Annotated, from: number, to: number): boolean {
  const hits = cues.stateAction.findAll(a.tokens, from, to).filter(h => !cues.motive.has(a.tokens, Math.max(from, h.from - MOTIVE_REACH), h.from));
  if (!hits.length) return false;
  const bareStrike = hits.every(h => h.to - h.from === 1 && /^strikes?$/.test(a.tokens[h.from]!.lower));
  return !(bareStrike && cues.laborStrike.has(a.tokens, from, to));
}

const RELATIVE_REACH = 14;

/** A casualty word in a relative clause after a past event's trigger: "the 1998 bombing, which killed 224". */
function tollOfPast(a: Annotated, past: PhraseHit<TriggerInfo>, h: PhraseHit<TriggerInfo>): boolean {
  if (h.from <= past.from || h.from - past.to > RELATIVE_REACH || !casualtyWords.has(a.tokens[h.from]!.lower)) return false;
  for (let k = past.to; k < h.from; k++) if (relativePronouns.has(a.tokens[k]!.lower)) return true;
  return false;
}

/** A trigger used as a noun ("the attack") rather than a verb ("attacked"). */
function isNominal(a: Annotated, i: number): boolean {
  const w = a.tokens[i]!.lower;
  return !/(ed|ing)$/.test(w) || /(bombing|shooting|stabbing|killing|kidnapping|hijacking|ramming)s?$/.test(w);
}

/** "a car packed with explosives", "a vest rigged with explosives": something made a bomb. */
function chargedWithExplosivesIn(a: Annotated, from: number, to: number): PhraseHit<TriggerInfo> | null {
  for (const hit of cues.charged.findAll(a.tokens, from, to)) {
    // "two trucks were loaded with explosives": the loading, not a bomb's use.
    if (copulas.has(a.tokens[hit.from - 1]?.lower ?? '')) continue;
    const explosive = explosiveAfter(a.tokens, hit.to, to);
    if (explosive) return { ...explosive, value: { type: 'bombing', weight: 3 } };
  }
  return null;
}

/** A vehicle driven into people: "drove a 19-tonne truck into crowds", "the van ploughed through the market". */
function rammingAt(a: Annotated, from: number, to: number): PhraseHit<TriggerInfo> | null {
  const t = a.tokens;
  for (let i = from; i < to; i++) {
    if (!ramming.verbs.has(t[i]!.lower)) continue;
    let vehicle = false;
    for (let k = i - 4; k < Math.min(to, i + 7); k++) {
      if (k < from) continue;
      if (ramming.vehicles.has(t[k]!.lower)) vehicle = true;
      if (k > i && ramming.into.has(t[k]!.lower) && vehicle) return { from: i, to: k + 1, value: { type: 'vehicle_ramming', weight: 3 } };
    }
  }
  return null;
}
