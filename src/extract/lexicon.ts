// The extractor's knowledge, loaded once from data/lexicon/*.json into phrase matchers.
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import { PhraseMatcher, type PhraseHit } from '../nlp/phrases.js';
import type { Token } from '../nlp/tokens.js';
import type { IncidentType, TargetCategory, WeaponType } from '../model.js';

const load = <T>(name: string): T => JSON.parse(readFileSync(dataPath('lexicon', name), 'utf8')) as T;

interface TriggerFile {
  triggers: { type: IncidentType; weight: number; words: string[] }[];
  plots: string[]; foiled: string[]; arrests: string[]; seizure: string[]; failed: string[]; unexploded: string[]; disposal: string[]; attempts: string[]; attemptVerbs: string[]; threatened: string[];
  claimed: string[]; suspected: string[]; inspired: string[]; directed: string[]; denied: string[];
  suicide: string[]; nonIncident: string[]; stateAction: string[]; hypothetical: string[]; generic: string[]; separate: string[]; additional: string[]; blame: string[]; laborStrike: string[]; affiliation: string[]; arrestVerbs: string[]; suspectFrames: string[]; suspicion: string[]; sameDay: string[]; casualtyWords: string[]; agentVerbs: string[]; habitual: string[]; lawAgents: string[]; commemoration: string[]; sequel: string[]; groupNaming: string[]; attackVerbs: string[]; objectVerbs: string[]; charged: string[]; summary: string[]; motive: string[]; preparation: string[]; trendSpans: string[];
  ramming: { verbs: string[]; vehicles: string[]; into: string[]; drivers: string[] };
}
interface NounFile {
  perpetrator: string[]; needsModifier: string[]; perpetratorModifiers: string[]; person: string[]; neutral: string[];
  target: Record<TargetCategory, string[]>; weapon: Record<WeaponType, string[]>; armedPersons: string[]; genericVictims: string[]; groupHeads: string[]; collectiveHeads: string[]; countingModifiers: string[]; referringHeads: string[]; groupAttributes: string[];
  attire: { verbs: string[]; garments: string[] }; predicateNouns: string[]; verbsAfterNoun: string[]; affiliateNouns: string[]; armingWords: string[]; projectiles: string[]; officeHolders: string[];
}
interface FunctionFile { function: string[]; reporting: string[]; modifiers: string[]; agentFillers: string[]; pastForms: string[]; verbParticles: string[]; objectPronouns: string[]; judgingVerbs: string[]; calendar: string[]; negators: string[]; referring: string[];
  statementNouns: string[]; channelPrepositions: string[]; channelThrough: string[]; channelVerbs: string[]; determiners: string[]; namingVerbs: string[]; temporalSubordinators: string[]; timeDistances: string[]; framingPrepositions: string[]; laterSubordinators: string[]; agentGap: string[]; copulas: string[]; relativePronouns: string[]; clauseOpeners: string[]; subjectPronouns: string[]; speechVerbs: string[]; contrastWords: string[]; asideOpeners: string[]; speakerPrepositions: string[]; nameJoins: string[] }

export interface TriggerInfo { type: IncidentType; weight: number }
export type NounClass =
  | { cls: 'perpetrator' } | { cls: 'person' } | { cls: 'needsModifier' } | { cls: 'name' } | { cls: 'neutral' }
  | { cls: 'target'; category: TargetCategory } | { cls: 'weapon'; type: WeaponType };

const T = load<TriggerFile>('triggers.json');
const N = load<NounFile>('nouns.json');
const F = load<FunctionFile>('function-words.json');

export const triggers = new PhraseMatcher<TriggerInfo>();
for (const t of T.triggers) for (const w of t.words) triggers.add(w, { type: t.type, weight: t.weight });

const cue = (words: string[]) => new PhraseMatcher<true>().addAll(words, true);
export const cues = {
  plot: cue(T.plots), foiled: cue(T.foiled), arrests: cue(T.arrests), seizure: cue(T.seizure), failed: cue(T.failed), unexploded: cue(T.unexploded), disposal: cue(T.disposal), attempts: cue(T.attempts), threatened: cue(T.threatened),
  claimed: cue(T.claimed), suspected: cue(T.suspected), inspired: cue(T.inspired), directed: cue(T.directed),
  denied: cue(T.denied), suicide: cue(T.suicide), nonIncident: cue(T.nonIncident), stateAction: cue(T.stateAction),
  hypothetical: cue(T.hypothetical), generic: cue(T.generic), separate: cue(T.separate),
  additional: cue(T.additional), blame: cue(T.blame), laborStrike: cue(T.laborStrike), affiliation: cue(T.affiliation), suspicion: cue(T.suspicion), sameDay: cue(T.sameDay),
  habitual: cue(T.habitual), lawAgents: cue(T.lawAgents), commemoration: cue(T.commemoration), sequel: cue(T.sequel), groupNaming: cue(T.groupNaming), attackVerbs: cue(T.attackVerbs), objectVerbs: cue(T.objectVerbs), charged: cue(T.charged), summary: cue(T.summary), motive: cue(T.motive),
  preparation: cue(T.preparation), trendSpans: cue(T.trendSpans),
};

/** "killed", "injured": triggers that only count victims. */
export const casualtyWords = new Set(T.casualtyWords);

/** "kill", "throw": after "tried to", the verb of an attack attempted. */
export const attemptVerbs = new Set(T.attemptVerbs);

/** "arrested", "charged": a person they govern is a suspect. */
export const arrestVerbs = new Set(T.arrestVerbs);

/** "an arrest warrant for", "the capture of": the two words before a list of names that make them suspects. */
export const suspectFrames = new Set(T.suspectFrames);

/** "perpetrated by", "carried out by": before "by", the person after it is the author. */
export const agentVerbs = new Set(T.agentVerbs);

/** "drove a 19-tonne truck into the crowd": the parts of a ramming that a fixed phrase cannot list. */
export const ramming = { verbs: new Set(T.ramming.verbs), vehicles: new Set(T.ramming.vehicles), into: new Set(T.ramming.into), drivers: new Set(T.ramming.drivers) };

/** "men wearing military uniforms": words that introduce what perpetrators wore, and the garments that end it. */
/**
 * The lexicon noun that ends right before token `end`, starting at most `reach` tokens back (not before `from`):
 * the word a comma or a verb comes after ("the suspects, who…", "the arrested men were…").
 */
export function nounEndingAt(tokens: Token[], end: number, reach: number, from = 0): PhraseHit<NounClass[]> | null {
  for (let j = end - 1; j >= Math.max(from, end - reach); j--) {
    const hit = nouns.matchAt(tokens, j);
    if (hit && hit.to === end) return hit;
  }
  return null;
}

const LAW_AGENT_WORDS = 3;

/**
 * The police as the subject right before token `i` ("police shot dead five men") or as the agent right after
 * it ("he was shot dead by police"): they end an attack, they do not commit one.
 */
/** How far after "packed with" the explosive may be named ("loaded with 80 kilograms of pentolite"). */
const CHARGE_REACH = 5;

/** The explosive named within a few words of token `from` ("80 kilograms of pentolite"). */
export function explosiveAfter(tokens: Token[], from: number, to: number): { from: number; to: number } | null {
  for (let k = from; k < Math.min(to, from + CHARGE_REACH); k++) {
    const noun = nouns.matchAt(tokens, k, to);
    if (noun?.value.some(c => c.cls === 'weapon' && c.type === 'explosives')) return { from: k, to: noun.to };
  }
  return null;
}

export function lawAgentAround(tokens: Token[], i: number, after: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - LAW_AGENT_WORDS); j--) if (cues.lawAgents.matchAt(tokens, j, i)?.to === i) return true;
  let k = after;
  if (tokens[k]?.lower === 'dead') k++;
  if (tokens[k]?.lower !== 'by') return false;
  for (let j = k + 1; j <= k + 1 + LAW_AGENT_WORDS && j < tokens.length && tokens[j]!.kind === 'word'; j++) if (cues.lawAgents.matchAt(tokens, j)) return true;
  return false;
}

export const attire = { verbs: new PhraseMatcher<true>().addAll(N.attire.verbs, true), garments: new PhraseMatcher<true>().addAll(N.attire.garments, true) };

/** Head nouns; a word in several classes keeps all of them, the context decides. */
export const nouns = new PhraseMatcher<NounClass[]>();
{
  const all = new Map<string, NounClass[]>();
  const putOne = (w: string, c: NounClass) => {
    const l = all.get(w) ?? [];
    if (!l.some(x => JSON.stringify(x) === JSON.stringify(c))) l.push(c);
    all.set(w, l);
  };
  // The list names a noun once; its other number is the same head ("transformer" / "transformers").
  const put = (w: string, c: NounClass) => { for (const v of numberForms(w)) putOne(v, c); };
  for (const w of N.perpetrator) put(w, { cls: 'perpetrator' });
  for (const w of N.needsModifier) put(w, { cls: 'needsModifier' });
  for (const w of N.person) put(w, { cls: 'person' });
  for (const w of N.neutral) put(w, { cls: 'neutral' });
  for (const [category, ws] of Object.entries(N.target)) for (const w of ws) put(w, { cls: 'target', category: category as TargetCategory });
  for (const [type, ws] of Object.entries(N.weapon)) for (const w of ws) put(w, { cls: 'weapon', type: type as WeaponType });
  for (const [w, cs] of all) nouns.add(w, cs);
}

/** A phrase and the phrase with its last word in the other number: "police station" → "police stations". */
export function numberForms(phrase: string): string[] {
  const words = phrase.split(' ');
  const last = words[words.length - 1]!;
  const other = otherNumber(last);
  return other ? [phrase, [...words.slice(0, -1), other].join(' ')] : [phrase];
}

function otherNumber(w: string): string | null {
  if (!/^[a-z-]{3,}$/.test(w) || /(ss|us|is|ics|ness)$/.test(w)) return null;
  if (/men$/.test(w)) return w.replace(/men$/, 'man');
  if (/man$/.test(w)) return w.replace(/man$/, 'men');
  if (/[^aeiou]ies$/.test(w)) return w.replace(/ies$/, 'y');
  if (/(ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w)) return w.slice(0, -1);
  if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ies';
  if (/(s|x|z|ch|sh)$/.test(w)) return w + 'es';
  return w + 's';
}

export const functionWords = new Set(F.function);
export const reportingVerbs = new Set(F.reporting);
/** "said", "told": the person right before or after one is speaking. */
export const speechVerbs = new Set(F.speechVerbs);
export const agentFillers = new Set(F.agentFillers);
export const pastForms = new Set(F.pastForms);
/** "set fire", "blew up": the last word of a verb phrase of attack. */
export const verbParticles = new Set(F.verbParticles);
/** "identified him as": pronouns that stand for a person named before. */
export const objectPronouns = new Set(F.objectPronouns);
/** "in what Prime Minister Jacinda Ardern called…": the verb of a speaker's judgment. */
export const judgingVerbs = new Set(F.judgingVerbs);
export const calendarWords = new Set(F.calendar);
export const negators = new Set(F.negators);

/** "the attack", "those killed": a trigger after one of these refers back to an event already told. */
export const referring = new Set(F.referring);
/** "identified", "named" (as): the name after them is the phrase before them. */
export const namingVerbs = new Set(F.namingVerbs);

/** "after", "when": open a clause whose trigger a cue before them does not govern. */
export const temporalSubordinators = new Set(F.temporalSubordinators);

/** "on", "in", "yesterday": between an agent verb and its "by", with the date or place they introduce. */
export const agentGap = new Set(F.agentGap);

/** "is", "was": with a relative pronoun before them, open a clause that describes the phrase before it. */
export const copulas = new Set(F.copulas);
export const relativePronouns = new Set(F.relativePronouns);
/** "they", "he": opening a sentence, they may stand for the attackers told before. */
export const subjectPronouns = new Set(F.subjectPronouns);
/** Words that open a clause of its own: relative pronouns, temporal subordinators, "if", "because"… */
export const clauseOpeners = new Set([...F.relativePronouns, ...F.temporalSubordinators, ...F.clauseOpeners]);
/** ", including …,": an aside between a count and its verb. */
export const asideOpeners = new Set(F.asideOpeners);
/** "officials in the region said": a phrase between a speaker and the verb of saying. */
export const speakerPrepositions = new Set(F.speakerPrepositions);
/** Lower-case words inside a group's name. */
export const nameJoins = new Set(F.nameJoins);
/** "…, but", "…; while": open a clause of its own. */
export const contrastWords = new Set(F.contrastWords);

/** "before", "until": a clause about what came after the event. */
export const laterSubordinators = new Set(F.laterSubordinators);

/** "during", "amid": a cue after them, set off by a comma before the trigger, frames the event's time. */
export const framingPrepositions = new PhraseMatcher<true>().addAll(F.framingPrepositions, true);

/** "days", "weeks": before "after" or "before", the clause that follows is about another time. */
export const timeDistances = new Set(F.timeDistances);
/** Articles and possessives ("the", "a", "his"). */
export const determiners = new Set(F.determiners);
/** "a statement on its Amaq news agency", "a communique sent to Radio Caracol": what a statement went through. */
export const statementChannel = {
  nouns: new Set(F.statementNouns.flatMap(numberForms)), prepositions: new Set(F.channelPrepositions), throughWords: new Set(F.channelThrough), verbs: new Set(F.channelVerbs), determiners,
};
export const modifiers = new Set([...F.modifiers, ...N.perpetratorModifiers]);
export const perpetratorModifiers = new Set(N.perpetratorModifiers);
/** Heads that name soldiers, police and fighters, in both numbers. */
export const armedPersons = new Set(N.armedPersons.flatMap(numberForms));
/** Victim heads too common to tell one event's victims from another's. */
export const genericVictims = new Set(N.genericVictims);
/** "the al-Qaeda affiliate", "al-Qaeda's Sahel branch": a group named before them describes another. */
export const affiliateNouns = new Set(N.affiliateNouns);
/** "armed with", "wearing", "packed with": the weapon after them is the one used. */
export const armingWords = new PhraseMatcher<true>().addAll(N.armingWords, true);
/** "the governor", "a prime minister": whose killing is an assassination. */
export const officeHolders = new PhraseMatcher<true>().addAll(N.officeHolders, true);
/** "fired seven shots": what a gun fires, not the weapon. */
export const projectiles = new Set(N.projectiles);
/** "took 20 crew members hostage": nouns said of the people before them. */
export const predicateNouns = new Set(N.predicateNouns);
export const verbsAfterNoun = new Set(N.verbsAfterNoun);
/** Words that stand for a group: "the Islamic State group", "a militant group linked to…". */
export const groupHeads = new Set(N.groupHeads);
/** Singular heads for several people: "a gang", "a commando". */
export const collectiveHeads = new Set(N.collectiveHeads);
/** Words that tell one person of several apart: "a second gunman", "the other attacker". */
export const countingModifiers = new Set(N.countingModifiers);
/** Heads that refer back to an attacker rather than say what he did: "the suspect", "the man". */
export const referringHeads = new Set(N.referringHeads);
/** "the FMLN decision", "a Boko Haram stronghold": after a group's name, something of the group's, not what it did. */
export const groupAttributes = new Set(N.groupAttributes.flatMap(numberForms));
/** Every single word of the noun lexicon: such a word may stand inside a compound ("police station"). */
export const nounWords = new Set<string>([
  ...N.perpetrator, ...N.person, ...Object.values(N.target).flat(), ...Object.values(N.weapon).flat(),
].flatMap(numberForms).flatMap(p => p.split(' ')).filter(w => !F.function.includes(w)));
