// Which role a noun phrase of an incident's sentences plays: perpetrator, target, victim, weapon or none.
// Hand rules (lexicon class + context) propose; a linear model fitted on MUC-4 train
// (scripts/fit-roles.ts → data/model/roles.json) weighs the rules against the context and decides.
import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import type { IncidentType, TargetCategory, WeaponType } from '../model.js';
import { anyWord, type Annotated } from './annotate.js';
import type { Token } from '../nlp/tokens.js';
import type { NounPhrase } from './noun-phrases.js';
import { agentGap, agentVerbs, armedPersons, armingWords, arrestVerbs, cues, explosiveAfter, functionWords, genericVictims, groupHeads, judgingVerbs, namingVerbs, nounEndingAt, nouns, objectPronouns, pastForms, perpetratorModifiers, projectiles, type NounClass, predicateNouns, ramming, reportingVerbs, speakerPrepositions, speechVerbs, statementChannel, suspectFrames, triggers } from './lexicon.js';
import { numberAt } from '../nlp/numbers.js';
import { personNames } from './names.js';

export const ROLES = ['perpetrator', 'target', 'victim', 'weapon'] as const;
export type Role = (typeof ROLES)[number];

export interface RoleDecision { role: Role; p: number; category: TargetCategory; weaponType: WeaponType }

interface RoleModel { roles: Record<Role, { threshold: number; weights: Record<string, number> }> }
const FILE = dataPath('model', 'roles.json');
/** VIGIL_RULES_ONLY=1: the hand rules alone (the fitting script starts from them). */
const model: RoleModel | null = existsSync(FILE) && process.env.VIGIL_RULES_ONLY !== '1' ? JSON.parse(readFileSync(FILE, 'utf8')) as RoleModel : null;
/** Each feature's weight for every role at once (in ROLES order): one look-up per feature instead of one per role. */
const weightsByFeature = new Map<string, Float64Array>();
if (model) {
  ROLES.forEach((role, r) => {
    for (const [k, w] of Object.entries(model.roles[role].weights)) {
      let ws = weightsByFeature.get(k);
      if (!ws) weightsByFeature.set(k, (ws = new Float64Array(ROLES.length)));
      ws[r] = w;
    }
  });
}

const HARM = /^(kill|dead|die|murder|slain|massacr|execut|assassinat|wound|injur|hurt|kidnap|abduct|seiz|shot|shoot|gunned|attack|ambush|stab|taken|held|hostage|captur|bomb|victim|tortur|beheaded|hit)/;
const STRONG_PERP_MODIFIERS = new Set(['armed', 'unidentified', 'masked', 'unknown', 'hooded', 'heavily-armed']);

/** A harm word governs the phrase: "three soldiers were killed", "the murder of the mayor". */
export function harmed(a: Annotated, np: NounPhrase): boolean {
  return harmAfter(a, np) || harmBefore(a, np);
}

function harmAfter(a: Annotated, np: NounPhrase): boolean {
  const { tokens } = a;
  const s = a.sentences[tokens[np.from]!.sent]!;
  for (let i = np.to; i < Math.min(s.to, np.to + 9); i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct' && t.text !== ',') break;
    if (reportingVerbs.has(t.lower)) break;
    if (HARM.test(t.lower)) return true;
  }
  return false;
}

function harmBefore(a: Annotated, np: NounPhrase): boolean {
  const { tokens } = a;
  const s = a.sentences[tokens[np.from]!.sent]!;
  for (let i = np.from - 1; i >= Math.max(s.from, np.from - 6); i--) {
    const t = tokens[i]!;
    if (t.kind === 'punct') break;
    if (HARM.test(t.lower)) return true;
  }
  return false;
}

/** How many words an arming phrase after a person may take ("armed with a large kitchen knife"). */
const ARMING_REACH = 5;

/**
 * "a man armed with a knife attacked…", "a man with an axe stabbed…": past the weapon the person carries, where
 * the verb may stand; `k` itself when no arming phrase follows.
 */
function pastArming(a: Annotated, k: number, end: number): number {
  const t = a.tokens;
  // "opened fire with a rifle" is the attack itself.
  const arming = t[k]?.lower === 'with' ? { to: k + 1 } : triggers.matchAt(t, k, end) ? null : armingWords.matchAt(t, k, end);
  if (!arming) return k;
  for (let i = arming.to; i < Math.min(end, arming.to + ARMING_REACH); i++) {
    const w = nouns.matchAt(t, i, end);
    if (w?.value.some(c => c.cls === 'weapon') && !nouns.matchAt(t, w.to, end)) return w.to;
    if (t[i]!.kind === 'punct') return k;
  }
  return k;
}

const ACTIVE_HARM = /^(killed|murdered|shot|kidnapped|abducted|attacked|ambushed|wounded|injured|seized|bombed|assassinated|executed|massacred|machinegunned|stabbed|beheaded|tortured|burned|torched|dynamited|raided)$/;
/** Words after a harm verb that show it has no object: "three soldiers killed in an ambush" (a headline's passive). */
const NO_OBJECT = new Set(['in', 'on', 'at', 'by', 'during', 'when', 'while', 'after', 'before', 'as', 'near', 'with', 'and', 'or',
  'yesterday', 'today', 'last', 'this', 'early', 'late', 'overnight', 'outside', 'inside', 'there', 'here', 'for', 'from', 'to', 'since']);

/** The phrase is the subject of an active harm verb with an object: "soldiers killed two reporters". */
export function activeSubject(a: Annotated, np: NounPhrase): boolean {
  const s = a.sentences[a.tokens[np.from]!.sent]!;
  const k = pastArming(a, np.to, s.to);
  const verb = a.tokens[k], object = a.tokens[k + 1];
  if (!verb || !object || k + 1 >= s.to || !ACTIVE_HARM.test(verb.lower)) return false;
  return (object.kind === 'word' || object.kind === 'num') && !NO_OBJECT.has(object.lower);
}

function reportingSubject(a: Annotated, np: NounPhrase): boolean {
  // "Gunmen believed to belong to…", "a man said to be…": what others say of them, not what they say.
  return [1, 2].some(k => reportingVerbs.has(a.tokens[np.to - 1 + k]?.lower ?? '') && a.tokens[np.to + k]?.lower !== 'to')
    || (a.tokens[np.from - 1]?.lower === 'to' && a.tokens[np.from - 2]?.lower === 'according');
}

/** The hand rules' answer, used alone when no model is fitted and as a feature of the model. */
function ruleRole(a: Annotated, np: NounPhrase, type: IncidentType): Role | null {
  const words = a.tokens.slice(np.from, np.headFrom).map(t => t.lower);
  const reporting = reportingSubject(a, np);
  for (const c of np.classes) {
    if (c.cls === 'perpetrator') return reporting ? null : 'perpetrator';
    if (c.cls === 'needsModifier' && words.some(w => perpetratorModifiers.has(w)) && words.some(w => STRONG_PERP_MODIFIERS.has(w))) return 'perpetrator';
  }
  for (const c of np.classes) {
    if (c.cls === 'weapon' && !(c.type === 'vehicle' && type !== 'vehicle_ramming')) {
      const last = a.tokens[np.to - 1]!.lower;
      if (['device', 'devices', 'charge', 'charges'].includes(last) && np.from === np.headFrom && np.to - np.headFrom === 1) return null;
      return 'weapon';
    }
    if (c.cls === 'target') return 'target';
    if (c.cls === 'person' || c.cls === 'name') return reporting ? null : activeSubject(a, np) ? 'perpetrator' : harmed(a, np) ? 'victim' : null;
  }
  return null;
}

const shape = (w: string | undefined) => (w === undefined ? '<s>' : /^\d/.test(w) ? '#num' : w);

/** `anchors`: token positions of the sentence's triggers; the nearest one anchors the phrase's position. */
export function roleFeatures(a: Annotated, np: NounPhrase, type: IncidentType, anchors: number[], context = false): Map<string, number> {
  const f = new Map<string, number>();
  const on = (k: string, v = 1) => f.set(k, (f.get(k) ?? 0) + v);
  const t = a.tokens;
  const s = a.sentences[t[np.from]!.sent]!;
  const head = t[np.to - 1]!.lower;
  on('bias');
  // Soldiers and police are not a role by themselves: whether they were attacked or attacked is the context's
  // call (MUC-4 counts them as victims far less often than reporting on attacks does).
  if (!armedPersons.has(head)) on('head=' + head);
  for (const c of np.classes) on('cls=' + c.cls + ('category' in c ? ':' + c.category : 'type' in c ? ':' + c.type : ''));
  for (let i = np.from; i < np.headFrom; i++) on('mod=' + shape(t[i]!.lower));
  const rule = ruleRole(a, np, type);
  on('rule=' + (rule ?? 'none'));
  if (context) { on('context'); on('context.rule=' + (rule ?? 'none')); }
  on('prev=' + shape(np.from > s.from ? t[np.from - 1]!.lower : undefined));
  on('prev2=' + shape(np.from - 1 > s.from ? t[np.from - 2]!.lower : undefined));
  on('next=' + shape(np.to < s.to ? t[np.to]!.lower : undefined));
  on('next2=' + shape(np.to + 1 < s.to ? t[np.to + 1]!.lower : undefined));
  // Two-word contexts stand for the patterns a logistic model cannot combine: "<np> were killed", "attack on <np>".
  const word = (i: number) => (i >= s.from && i < s.to ? shape(t[i]!.lower) : '<s>');
  on('prev12=' + word(np.from - 2) + ' ' + word(np.from - 1));
  on('next12=' + word(np.to) + ' ' + word(np.to + 1));
  const verb = nextContentWord(a, np.to, s.to);
  if (verb) on('nextverb=' + verb);
  if (activeSubject(a, np)) on('active.subject');
  if (harmAfter(a, np)) on('harm.after');
  if (harmBefore(a, np)) on('harm.before');
  if (reportingSubject(a, np)) on('reporting');
  const trigger = anchors.reduce((b, x) => (Math.abs(x - np.from) < Math.abs(b - np.from) ? x : b), anchors[0] ?? np.from);
  const d = np.from - trigger;
  if (!context) {
    const where = d < 0 ? (d > -6 ? 'before.near' : 'before.far') : d < 6 ? 'after.near' : 'after.far';
    on('trig.' + where);
    // Which trigger and which side: "<perpetrators> kidnapped <victims>", "<target> was bombed".
    on('tw=' + t[trigger]!.lower + ':' + (d < 0 ? 'before' : 'after'));
    for (const c of np.classes) on('cls.' + c.cls + ':' + where);
  }
  on('type=' + type);
  on('type.rule=' + type + ':' + (rule ?? 'none'));
  if (triggers.matchAt(t, np.to, s.to)) on('next.trigger');
  if (np.to - np.from === 1) on('len1');
  return f;
}

/**
 * `listed`: the phrase is a name in a list of suspects' names (see listedSuspects), which its own context
 * may not show ("… were identified as Alberto Jubis, Armando Bernal, and Luis Gonzalez").
 * `plot`: the incident was foiled; whoever was arrested plotted it.
 */
export function decideRole(a: Annotated, np: NounPhrase, type: IncidentType, f: Map<string, number>,
  { listed = false, plot = false }: { listed?: boolean; plot?: boolean } = {}): RoleDecision | null {
  if (type === 'vehicle_ramming' && rammingDriver(a, np)) return { role: 'perpetrator', p: 1, category: 'other', weaponType: 'unknown' };
  const sure = ruleDecision(a, np, listed);
  if (sure !== null) return sure || null;
  const d = decideRoleByModel(a, np, type, f);
  // "Police arrested a 26-year-old Syrian man suspected of planning a bomb attack": in a plot, whoever is arrested plotted it.
  if (!d) {
    if (plot && arrestedPerson(a, np)) return { role: 'perpetrator', p: 0.5, category: 'other', weaponType: 'unknown' };
    // What an attack verb acts on, whether or not MUC-4 taught the verb: "stormed their boarding school" was attacked,
    // "Gunmen shot dead the governor" names a victim (soldiers, police and bare "people" aside: the model weighs those).
    const place = np.classes.find(c => c.cls === 'target');
    const head = a.tokens[np.to - 1]!.lower;
    const civilianPlace = !!place && place.category !== 'military' && place.category !== 'police';
    const person = np.classes.some(c => c.cls === 'person') && !np.classes.some(c => c.cls === 'needsModifier') && !armedPersons.has(head) && !genericVictims.has(head);
    if (!(civilianPlace || person) || !objectOfAttack(a, np)) return null;
    return civilianPlace ? { role: 'target', p: 0.5, category: place!.category, weaponType: 'unknown' } : { role: 'victim', p: 0.5, category: 'other', weaponType: 'unknown' };
  }
  // "Armed officers shot dead the three attackers": forces that stopped the attackers did not attack.
  if (d.role === 'perpetrator' && stoppedAttackers(a, np)) return null;
  // "Three attackers, including two women, were killed": some of the attackers, not victims.
  if (d.role === 'victim' && (partOfAttackers(a, np) || describesAttacker(a, np))) return null;
  // "…, Interior Minister Bernard Cazeneuve said": the speaker.
  if ((d.role === 'target' || d.role === 'victim') && speaker(a, np)) return null;
  // "blamed India's intelligence agency for the attack": the one blamed is no target or victim.
  if ((d.role === 'target' || d.role === 'victim') && blamedFor(a, np)) return null;
  // "the Afghan branch of Islamic State": a part of a group, no target.
  if (d.role === 'target' && groupHeads.has(a.tokens[np.to - 1]!.lower) && (ofGroup(a, np.to) || namesGroup(a, np))) return null;
  // In a plot, police and soldiers are those who stopped it; "the Delhi Police Special Cell" is a police unit.
  if (d.role === 'perpetrator' && (plot && armedPersons.has(a.tokens[np.to - 1]!.lower) || policeUnit(a, np))) return null;
  // "the Al Mourabitoun group of Mokhtar Belmokhtar": the group's leader.
  if (d.role === 'victim' && leaderOfGroup(a, np)) return null;
  // "marking the anniversary of the killing of General Qassem Soleimani": a death remembered.
  if (d.role === 'victim' && remembered(a, np)) return null;
  // "police arrested a 27-year-old man", "two men were charged", "a man armed with a knife": a suspect,
  // whatever else the sentence says.
  if (d.role === 'victim' && (arrested(a, np) || armedWith(a, np))) return { ...d, role: 'perpetrator' };
  // "one charge of terrorism": a charge in court, no explosive.
  if (d.role === 'weapon' && a.tokens[np.to]?.lower === 'of' && /^charges?$/.test(a.tokens[np.to - 1]!.lower)) return null;
  // The van of a ramming is its weapon, not its target.
  if (d.role === 'target' && type === 'vehicle_ramming' && np.classes.some(c => c.cls === 'weapon' && c.type === 'vehicle')) return { ...d, role: 'weapon', weaponType: 'vehicle' };
  return d;
}

/**
 * What the rules alone say of a phrase, whatever the model would: a role, `false` for none, `null` to leave it
 * to the model. `listed`: see decideRole.
 */
export function ruleDecision(a: Annotated, np: NounPhrase, listed = false): RoleDecision | false | null {
  if (listed || agentOf(a, np)) return { role: 'perpetrator', p: 1, category: 'other', weaponType: 'unknown' };
  if (channelOfStatement(a, np)) return false;
  // "armed with M16 rifles", "wearing a fake explosive belt": the weapon used, whatever the model says.
  if (armedWithIt(a, np)) return { role: 'weapon', p: 1, category: 'other', weaponType: weaponTypeOf(np) };
  if (namesSuspect(a, np) || subjectOfAttack(a, np) || suspectedPeople(a, np)) return { role: 'perpetrator', p: 1, category: 'other', weaponType: 'unknown' };
  // "a car packed with explosives": the bomb's carrier is the weapon.
  if (chargedWithExplosives(a, np.to)) return { role: 'weapon', p: 1, category: 'other', weaponType: 'explosives' };
  // "took its 20 crew members hostage"
  if (predicateNouns.has(a.tokens[np.to]?.lower ?? '') && np.classes.some(c => c.cls === 'person' || c.cls === 'needsModifier' || c.cls === 'name')) {
    return { role: 'victim', p: 1, category: 'other', weaponType: 'unknown' };
  }
  return null;
}

/** "The driver, identified as Mohamed Lahouaiej Bouhlel, …": in a ramming, the driver (and the name he is identified as) drove it. */
function rammingDriver(a: Annotated, np: NounPhrase): boolean {
  const t = a.tokens;
  const theDriver = (to: number) => ramming.drivers.has(t[to - 1]?.lower ?? '') && t[to - 2]?.lower === 'the';
  if (theDriver(np.to) && np.to - np.from === 1) return true;
  if (!np.classes.some(c => c.cls === 'name') || t[np.from - 1]?.lower !== 'as' || !namingVerbs.has(t[np.from - 2]?.lower ?? '')) return false;
  return t[np.from - 3]?.text === ',' && theDriver(np.from - 3);
}

/** A word for attackers, not one that may name anybody ("gunmen", "the attacker"; not "men", "the driver"). */
const attackers = (classes: NounClass[]): boolean => classes.some(c => c.cls === 'perpetrator') && !classes.some(c => c.cls === 'person');

/** Token k, or the one before it when k is an article or a possessive ("a 23-year-old student"). */
const pastDeterminer = (t: Token[], k: number): number => (statementChannel.determiners.has(t[k]?.lower ?? '') ? k - 1 : k);

/** "…, Interior Minister Bernard Cazeneuve said", "…, said Franz Ruf, director general" (not "said four officers were killed"). */
function speaker(a: Annotated, np: NounPhrase): boolean {
  const t = a.tokens;
  if (speechVerbs.has(t[np.from - 1]?.lower ?? '') && (!t[np.to] || t[np.to]!.kind === 'punct')) return true;
  // "…in what Prime Minister Jacinda Ardern called one of the darkest days": who judged it.
  if (t[np.from - 1]?.lower === 'what') {
    const name = personNames(a, np.to, Math.min(t.length, np.to + SPEAKER_NAME_WORDS)).find(n => n.from === np.to);
    const verb = t[name ? name.to : np.to]?.lower ?? '';
    if (judgingVerbs.has(verb) || speechVerbs.has(verb)) return true;
  }
  // "…, said Bulama Musa, a local leader": who the speaker is.
  const comma = pastDeterminer(t, np.from - 1);
  if (t[comma]?.text === ',') {
    const name = personNames(a, Math.max(0, comma - SPEAKER_NAME_WORDS), comma).find(n => n.to === comma);
    if (name && speechVerbs.has(t[name.from - 1]?.lower ?? '')) return true;
  }
  // "…, local officials in the Tillaberi region said": past a phrase that says where they are from.
  let k = np.to;
  // "Prime Minister Stefan Lofven told reporters": past the name the title stands before.
  const titled = personNames(a, k, Math.min(t.length, k + SPEAKER_NAME_WORDS)).find(n => n.from === k);
  if (titled) k = titled.to;
  if (speakerPrepositions.has(t[k]?.lower ?? '')) {
    const end = Math.min(t.length, k + SPEAKER_PLACE_WORDS);
    while (k < end && t[k]!.kind === 'word' && !speechVerbs.has(t[k]!.lower)) k++;
  }
  return speechVerbs.has(t[k]?.lower ?? '');
}

const SPEAKER_PLACE_WORDS = 6;
/** The longest speaker's name before the description of who they are. */
const SPEAKER_NAME_WORDS = 5;

function blamedFor(a: Annotated, np: NounPhrase): boolean {
  const t = a.tokens, next = t[np.to]?.lower;
  if (next !== 'for' && next !== 'of') return false;
  for (let k = np.from - 1; k >= Math.max(0, np.from - 3); k--) if (cues.blame.matchAt(t, k, np.from)?.to === np.from) return true;
  return false;
}

function policeUnit(a: Annotated, np: NounPhrase): boolean {
  if (!groupHeads.has(a.tokens[np.to - 1]!.lower)) return false;
  for (let k = np.from; k < np.to - 1; k++) if (cues.lawAgents.matchAt(a.tokens, k, np.to - 1)) return true;
  return false;
}

/**
 * "A family of six, including two girls, carried out suicide bombings": the people before "carried out",
 * "staged" or "launched" and an attack (past an aside or an apposition) are its authors.
 */
function subjectOfAttack(a: Annotated, np: NounPhrase): boolean {
  if (!np.classes.some(c => c.cls === 'person' || c.cls === 'needsModifier' || c.cls === 'name' || c.cls === 'perpetrator')) return false;
  const t = a.tokens;
  let k = pastApposition(a, np.to);
  if (t[k]?.lower === 'of') k = pastOf(a, k);
  k = pastArming(a, k, a.sentences[t[np.from]!.sent]!.to);
  return !armedPersons.has(t[np.to - 1]!.lower) && (attackFollows(a, k) || activeAttack(a, k));
}

/**
 * "Kujtim Fejzulai, a 20-year-old …, opened fire", "…, stabbed two people": an attack verb in the active voice
 * at token k, with its object after it (not "…, killed in the blast, was a teacher").
 */
function activeAttack(a: Annotated, k: number): boolean {
  const t = a.tokens;
  const hit = triggers.matchAt(t, k);
  if (!hit || hit.value.weight < 3 || !/ed$/.test(t[k]!.lower) && !pastForms.has(t[k]!.lower)) return false;
  const next = t[hit.to];
  // "blew themselves up": the attackers are the ones it acted on.
  for (let i = hit.from; i < hit.to; i++) if (/sel(f|ves)$/.test(t[i]!.lower)) return true;
  return /fire$/.test(t[hit.to - 1]!.lower) || !!next && (statementChannel.determiners.has(next.lower) || !!numberAt(t, hit.to));
}

const ATTACK_OBJECT_REACH = 4;

/** Past "of six" after "a family": where the verb may stand. */
function pastOf(a: Annotated, k: number): number {
  const n = numberAt(a.tokens, k + 1);
  return pastApposition(a, n ? n.to : k);
}

function armedWithIt(a: Annotated, np: NounPhrase): boolean {
  const t = a.tokens;
  if (!np.classes.some(c => c.cls === 'weapon' && c.type !== 'vehicle') || projectiles.has(t[np.to - 1]!.lower)) return false;
  let k = np.from;
  while (k > np.from - 3 && k > 0 && (statementChannel.determiners.has(t[k - 1]!.lower) || numberAt(t, k - 1))) k--;
  for (let j = k - 1; j >= Math.max(0, k - 3); j--) if (armingWords.matchAt(t, j, k)?.to === k) return true;
  return false;
}

function weaponTypeOf(np: NounPhrase): WeaponType {
  return (np.classes.find(c => c.cls === 'weapon') as { type: WeaponType } | undefined)?.type ?? 'unknown';
}

/** "Suspected Fulani herdsmen killed 30 villagers": people called suspects are the suspected authors. */
function suspectedPeople(a: Annotated, np: NounPhrase): boolean {
  const t = a.tokens;
  const first = t[np.from]!.lower === 'suspected' ? np.from : t[np.from - 1]?.lower === 'suspected' ? np.from - 1 : -1;
  if (first < 0 || armedPersons.has(t[np.to - 1]!.lower) && !np.classes.some(c => c.cls === 'perpetrator')) return false;
  return np.classes.some(c => c.cls === 'person' || c.cls === 'needsModifier' || c.cls === 'perpetrator') && !arrestVerbs.has(t[first - 1]?.lower ?? '');
}

/** "al-Qaeda's Sahel branch": a group named inside the phrase. */
function namesGroup(a: Annotated, np: NounPhrase): boolean {
  for (let k = np.from; k < np.to; k++) if (a.actorAt[k]! >= 0) return true;
  return false;
}

/** "of Islamic State", "of the FMLN" at token i. */
function ofGroup(a: Annotated, i: number): boolean {
  if (a.tokens[i]?.lower !== 'of') return false;
  const k = a.tokens[i + 1]?.lower === 'the' ? i + 2 : i + 1;
  return a.actorAt[k]! >= 0;
}

function leaderOfGroup(a: Annotated, np: NounPhrase): boolean {
  const k = np.from - 1;
  if (a.tokens[k]?.lower !== 'of' || !np.classes.some(c => c.cls === 'name')) return false;
  return groupHeads.has(a.tokens[k - 1]?.lower ?? '') || a.actorAt[k - 1]! >= 0;
}

const REMEMBERED_REACH = 6;
/** The longest apposition or aside between a phrase and its verb ("…, including two girls aged nine and 12,"). */
const APPOSITION_WORDS = 8;

function remembered(a: Annotated, np: NounPhrase): boolean {
  const t = a.tokens;
  for (let k = np.from - 1; k >= Math.max(0, np.from - REMEMBERED_REACH) && t[k]!.kind !== 'punct'; k--) if (cues.commemoration.matchAt(t, k, np.from)) return true;
  return false;
}

/** "The attacker, a 23-year-old student named as Seifeddine Rezgui": the attacker again. */
function describesAttacker(a: Annotated, np: NounPhrase): boolean {
  const t = a.tokens;
  const k = pastDeterminer(t, np.from - 1);
  if (t[k]?.text !== ',') return false;
  const hit = nounEndingAt(t, k, ANTECEDENT_REACH);
  if (!hit || !attackers(hit.value)) return false;
  // Not "according to the guerrillas, a woman was wounded": an apposition closes with a comma of its own.
  const j = pastDeterminer(t, hit.from - 1);
  if (t[j]?.lower === 'to' && t[j - 1]?.lower === 'according') return false;
  for (let i = np.to; i < Math.min(t.length, np.to + APPOSITION_WORDS); i++) if (t[i]!.text === ',') return true;
  return false;
}

/** The phrase is "including …" after a word for the perpetrators: "three attackers, including two women". */
function partOfAttackers(a: Annotated, np: NounPhrase): boolean {
  const t = a.tokens;
  let k = pastDeterminer(t, np.from - 1);
  if (t[k]?.lower !== 'including') return false;
  if (t[k - 1]?.text === ',') k--;
  const hit = nounEndingAt(t, k, ANTECEDENT_REACH);
  if (hit && attackers(hit.value)) return true;
  // "A family of six, including two girls aged nine and 12, carried out suicide bombings"
  return t[k]?.text === ',' && attackFollows(a, pastApposition(a, k));
}

/** "a car packed with explosives" after token k. */
function chargedWithExplosives(a: Annotated, k: number): boolean {
  const hit = cues.charged.matchAt(a.tokens, k);
  const s = a.sentences[a.tokens[k]?.sent ?? 0]!;
  return !!hit && !!explosiveAfter(a.tokens, hit.to, s.to);
}

/** Modifiers an object's phrase may leave out between the verb and itself ("their boarding school"). */
const OBJECT_MODIFIERS = 3;

/** "stormed their boarding school", "set fire to the mosque": the phrase is the direct object of an attack verb. */
function objectOfAttack(a: Annotated, np: NounPhrase): boolean {
  const t = a.tokens;
  const s = a.sentences[t[np.from]!.sent]!;
  let k = np.from - 1;
  for (let n = 0; n < OBJECT_MODIFIERS && k > s.from; n++) {
    const w = t[k]!;
    if (w.kind !== 'word' && !numberAt(t, k) || endsObjectVerb(t, k, s.from)) break;
    if (functionWords.has(w.lower) && !statementChannel.determiners.has(w.lower)) return false;
    k--;
  }
  return endsObjectVerb(t, k, s.from);
}

/** An attack verb ("stormed", "set fire to") ends at token k. */
function endsObjectVerb(t: Token[], k: number, from: number): boolean {
  for (let j = k; j >= Math.max(from, k - 3); j--) if (cues.objectVerbs.matchAt(t, j)?.to === k + 1) return true;
  return false;
}

/** "carried out suicide bombings" at token k. */
function attackFollows(a: Annotated, k: number): boolean {
  const verb = cues.attackVerbs.matchAt(a.tokens, k);
  if (!verb) return false;
  for (let j = verb.to; j < Math.min(a.tokens.length, verb.to + ATTACK_OBJECT_REACH); j++) if (triggers.matchAt(a.tokens, j)) return true;
  return false;
}

/**
 * "perpetrated by armed men wearing civilian clothes", "riddled with bullets by three young individuals": a
 * person after "by" and an agent verb did it. Not soldiers or police: "the attacker was shot by police".
 */
export function agentOf(a: Annotated, np: NounPhrase): boolean {
  const t = a.tokens;
  let k = np.from - 1;
  if (t[k] && functionWords.has(t[k]!.lower) && t[k]!.lower !== 'by') k--;
  if (t[k]?.lower !== 'by' || !agentVerbs.has(t[verbBefore(a, k)]?.lower ?? '')) return false;
  if (armedPersons.has(t[np.to - 1]!.lower)) return false;
  return np.classes.some(c => c.cls === 'perpetrator' || c.cls === 'name' || c.cls === 'person' || c.cls === 'needsModifier');
}

const AGENT_GAP = 6;

/**
 * The word before the "by" at k, past a date or a place said between them: "assassinated on 16 November by",
 * "kidnapped in Cucuta by".
 */
function verbBefore(a: Annotated, k: number): number {
  let j = k - 1;
  while (j > k - 1 - AGENT_GAP && j > 0 && (a.dateAt[j]! >= 0 || a.placeAt[j]! >= 0 || agentGap.has(a.tokens[j]!.lower))) j--;
  return j;
}

/** "claimed the attack in a statement on its Amaq news agency", "a communique sent to Radio Caracol". */
export function channelOfStatement(a: Annotated, np: NounPhrase): boolean {
  const t = a.tokens;
  // "in a telephone call", "a video message": the phrase names the statement's medium.
  if (statementChannel.nouns.has(t[np.to]?.lower ?? '')) return true;
  let k = np.from - 1;
  for (let n = 0; n < 2 && statementChannel.determiners.has(t[k]?.lower ?? ''); n++) k--;
  if (!statementChannel.prepositions.has(t[k]?.lower ?? '')) return false;
  // "claimed responsibility for the Barcelona attack through its Amaq news agency"
  if (statementChannel.throughWords.has(t[k]!.lower) && (claimBefore(a, k) || saidBefore(a, k))) return true;
  k--;
  for (let n = 0; n < 2 && statementChannel.verbs.has(t[k]?.lower ?? ''); n++) k--;
  return statementChannel.nouns.has(t[k]?.lower ?? '');
}

const CLAIM_REACH = 8;

/** "said on Monday, through its Amaq agency": a verb of saying in the few words before token k. */
function saidBefore(a: Annotated, k: number): boolean {
  const start = a.sentences[a.tokens[k]!.sent]!.from;
  return anyWord(a.tokens, Math.max(start, k - CLAIM_REACH), k, reportingVerbs);
}

/** A claim of responsibility in the few words before token k of its sentence. */
function claimBefore(a: Annotated, k: number): boolean {
  const start = a.sentences[a.tokens[k]!.sent]!.from;
  return cues.claimed.has(a.tokens, Math.max(start, k - CLAIM_REACH), k);
}

const OBJECT_REACH = 6;

/** Soldiers or police whose clause goes on to name attackers as its object: "officers shot dead the three attackers". */
function stoppedAttackers(a: Annotated, np: NounPhrase): boolean {
  const t = a.tokens;
  if (!armedPersons.has(t[np.to - 1]!.lower)) return false;
  const end = Math.min(a.sentences[t[np.from]!.sent]!.to, np.to + OBJECT_REACH);
  for (let i = np.to + 1; i < end; i++) {
    if (t[i]!.kind === 'punct') return false;
    const hit = nouns.matchAt(t, i, end);
    if (hit) return attackers(hit.value);
  }
  return false;
}

const ANTECEDENT_REACH = 4;

/**
 * "The suspect, identified as Patrick Crusius, 21,", "the attacker, Salman Abedi, 22,": a name that names a
 * perpetrator told just before it.
 */
export function namesSuspect(a: Annotated, np: NounPhrase): boolean {
  const k = np.from - 1, t = a.tokens;
  if (t[k]?.lower === 'as') return namedAsSuspect(a, k);
  // "a suicide bomber named Abu Abdallah al-Masri": the name of the attacker the phrase before it describes.
  const named = t[k]?.lower === 'named' || t[k]?.lower === 'called';
  if (!named && t[k]?.text !== ',' || !np.classes.some(c => c.cls === 'name')) return false;
  const hit = nounEndingAt(t, k, ANTECEDENT_REACH);
  return !!hit && attackers(hit.value);
}

/**
 * The "as" at `k` names a suspect: "the suspects were identified as", "police identified the bomber as".
 */
function namedAsSuspect(a: Annotated, k: number): boolean {
  const t = a.tokens;
  if (namingVerbs.has(t[k - 1]?.lower ?? '')) return suspectAntecedent(a, k - 1);
  // The active voice: the naming verb, then the person named, then "as"; or the passive with its agent,
  // "the attacker, identified by prosecutors as".
  for (let v = k - 2; v >= Math.max(0, k - 1 - ANTECEDENT_REACH); v--) {
    if (!namingVerbs.has(t[v]!.lower)) continue;
    if (t[v + 1]!.lower === 'by') return suspectAntecedent(a, v);
    // "Canadian media identified him as Abdulahi Hasan Sharif": whom the pronoun stands for.
    if (k === v + 2 && objectPronouns.has(t[v + 1]!.lower)) return pronounForAttacker(a, v + 1);
    return !!nounEndingAt(t, k, k - v - 1, v + 1)?.value.some(c => c.cls === 'perpetrator');
  }
  return false;
}

/** How far back the person a pronoun stands for may be named. */
const PRONOUN_REACH = 30;

/** The last word for a person before the pronoun at k is a word for attackers ("…believed the suspect acted alone. … identified him"). */
function pronounForAttacker(a: Annotated, k: number): boolean {
  for (let j = k - 1; j >= Math.max(0, k - PRONOUN_REACH); j--) {
    const noun = nounEndingAt(a.tokens, j + 1, 1);
    if (noun?.value.some(c => c.cls === 'person' || c.cls === 'perpetrator' || c.cls === 'needsModifier')) return attackers(noun.value);
  }
  return false;
}

/**
 * Whom the naming verb at `v` names: a perpetrator ("the suspects, who were identified as"), someone arrested
 * ("those arrested have been identified as", "the arrested men were named as").
 */
function suspectAntecedent(a: Annotated, v: number): boolean {
  const t = a.tokens;
  let k = v - 1;
  while (k > v - 6 && t[k] && (AUXILIARIES.has(t[k]!.lower) || t[k]!.text === ',')) k--;
  if (!t[k]) return false;
  if (arrestVerbs.has(t[k]!.lower)) return true;
  const hit = nounEndingAt(t, k + 1, ANTECEDENT_REACH + 1);
  return !!hit && (hit.value.some(c => c.cls === 'perpetrator') || arrestVerbs.has(t[hit.from - 1]?.lower ?? ''));
}

const LIST_GAP = 12;
const LIST_JOINS = new Set([',', ';', 'and']);

/**
 * Names said to be suspects as a list: "the suspects, who were identified as A, B, and C", "arrest warrants for
 * A and B", "A, B and C were arrested". What is said at either end of the list holds for every name in it.
 */
export function listedSuspects(a: Annotated, nps: NounPhrase[]): Set<NounPhrase> {
  const names = nps.filter(np => np.classes.some(c => c.cls === 'name')).sort((x, y) => x.from - y.from);
  const out = new Set<NounPhrase>();
  for (let i = 0; i < names.length;) {
    let j = i;
    while (j + 1 < names.length && nextInList(a, names[j]!, names[j + 1]!)) j++;
    if (suspectsBefore(a, names[i]!.from) || arrestedAfter(a, names[j]!)) for (let k = i; k <= j; k++) out.add(names[k]!);
    i = j + 1;
  }
  return out;
}

const FRAME_WORDS = new Set([...suspectFrames].map(f => f.split(' ')[0]!));

/** "Officials said the FMLN guerrillas are being held responsible": a word for attackers in a sentence of suspicion. */
export function suspectedAttackers(a: Annotated, np: NounPhrase): boolean {
  const s = a.sentences[a.tokens[np.from]!.sent]!;
  return attackers(np.classes) && cues.suspicion.has(a.tokens, s.from, s.to);
}

/**
 * A sentence that may name suspects: one of suspicion, or with an arrest verb, a naming verb, the first word of a
 * suspect frame, a word for the perpetrator before a comma ("The attacker, Usman Khan, 28,").
 */
export function mayNameSuspects(a: Annotated, sent: number): boolean {
  let bySent = MAY_NAME.get(a);
  if (!bySent) MAY_NAME.set(a, (bySent = new Map()));
  let may = bySent.get(sent);
  if (may === undefined) bySent.set(sent, (may = introducesSuspects(a, sent)));
  return may;
}

/** Once per sentence: several drafts look a few sentences past their own. */
const MAY_NAME = new WeakMap<Annotated, Map<number, boolean>>();

function introducesSuspects(a: Annotated, sent: number): boolean {
  const s = a.sentences[sent]!, t = a.tokens;
  if (cues.suspicion.has(t, s.from, s.to)) return true;
  for (let i = s.from; i < s.to; i++) {
    const w = t[i]!.lower;
    if (arrestVerbs.has(w) || namingVerbs.has(w) || FRAME_WORDS.has(w)) return true;
    if (w === ',' && nounEndingAt(t, i, ANTECEDENT_REACH, s.from)?.value.some(c => c.cls === 'perpetrator')) return true;
  }
  return false;
}

/** The next name of a list: after a comma, "and" or a semicolon, with at most an age or a short description between. */
function nextInList(a: Annotated, x: NounPhrase, y: NounPhrase): boolean {
  const t = a.tokens;
  if (y.from <= x.to || y.from - x.to > LIST_GAP) return false;
  if (!LIST_JOINS.has(t[x.to]!.lower) || !LIST_JOINS.has(t[y.from - 1]!.lower)) return false;
  for (let i = x.to; i < y.from; i++) if (triggers.matchAt(t, i)) return false;
  return true;
}

/** "an arrest warrant for", "authorities detained", "the men arrested were identified as" just before the list. */
export function suspectsBefore(a: Annotated, from: number): boolean {
  const t = a.tokens;
  const w1 = t[from - 1]?.lower ?? '', w2 = t[from - 2]?.lower ?? '';
  if (suspectFrames.has(w2 + ' ' + w1) || arrestVerbs.has(w1)) return true;
  return w1 === 'as' && namedAsSuspect(a, from - 1);
}

/** "… and Alberto Jubis were arrested a few days ago". */
function arrestedAfter(a: Annotated, last: NounPhrase): boolean {
  const verb = nextContentWord(a, last.to, a.sentences[a.tokens[last.from]!.sent]!.to);
  return verb !== null && arrestVerbs.has(verb);
}

function armedWith(a: Annotated, np: NounPhrase): boolean {
  const next = a.tokens[np.to]?.lower, after = a.tokens[np.to + 1]?.lower;
  return next === 'armed' && after === 'with' || next === 'wielding' || next === 'brandishing';
}

const CONJUNCT_REACH = 8;

/** A person arrested: "police arrested a 26-year-old Syrian man", "four men were arrested in raids". */
export function arrestedPerson(a: Annotated, np: NounPhrase): boolean {
  return np.classes.some(c => c.cls === 'person' || c.cls === 'needsModifier' || c.cls === 'perpetrator') && arrested(a, np);
}

/** "arresting a 27-year-old man", "two men were later charged". */
function arrested(a: Annotated, np: NounPhrase): boolean {
  const t = a.tokens;
  let k = np.from - 1;
  // Past a determiner or a count the phrase did not take in.
  if (t[k] && (functionWords.has(t[k]!.lower) || numberAt(t, k))) k--;
  if (arrestVerbs.has(t[k]?.lower ?? '')) return true;
  // "arrested a Moroccan man and a Spaniard": the second of a list is arrested too.
  if (t[k]?.lower === 'and' || t[k]?.lower === 'or') {
    for (let j = k - 1; j >= Math.max(0, k - CONJUNCT_REACH); j--) {
      const w = t[j]!;
      if (arrestVerbs.has(w.lower)) return true;
      if (w.kind === 'punct' && w.text !== ',' || reportingVerbs.has(w.lower) || triggers.matchAt(t, j)) break;
    }
  }
  const from = pastApposition(a, np.to);
  const verb = nextContentWord(a, from, a.sentences[t[np.from]!.sent]!.to);
  if (verb === null || !arrestVerbs.has(verb)) return false;
  // "Officers of the special cell detained the men": right before an object, the verb is active and the phrase made the arrest.
  const v = t[from]!.lower === verb ? from : -1;
  return !(v >= 0 && (statementChannel.determiners.has(t[v + 1]?.lower ?? '') || numberAt(t, v + 1)));
}

/** Past ", Sid Ahmed Ghlam," after a phrase: where its verb may stand. */
function pastApposition(a: Annotated, i: number): number {
  const t = a.tokens;
  if (t[i]?.text !== ',') return i;
  for (let j = i + 1; j <= i + 1 + APPOSITION_WORDS && t[j]; j++) {
    if (t[j]!.text === ',') return j > i + 1 ? j + 1 : i;
    if (t[j]!.kind === 'punct') return i;
  }
  return i;
}

/** Scratch for one phrase's score per role (decisions are made one at a time). */
const SCORES = new Float64Array(ROLES.length);

function decideRoleByModel(a: Annotated, np: NounPhrase, type: IncidentType, f: Map<string, number>): RoleDecision | null {
  const category = (np.classes.find(c => c.cls === 'target') as { category: TargetCategory } | undefined)?.category ?? 'other';
  const weaponType = (np.classes.find(c => c.cls === 'weapon') as { type: WeaponType } | undefined)?.type ?? 'unknown';
  if (!model) {
    const role = ruleRole(a, np, type);
    return role ? { role, p: 1, category, weaponType } : null;
  }
  const z = SCORES.fill(0);
  for (const [k, v] of f) {
    const ws = weightsByFeature.get(k);
    if (ws) for (let r = 0; r < ROLES.length; r++) z[r] += ws[r]! * v;
  }
  let best: RoleDecision | null = null;
  ROLES.forEach((role, r) => {
    const p = 1 / (1 + Math.exp(-z[r]!));
    if (p >= model.roles[role].threshold && (!best || p > best.p)) best = { role, p, category, weaponType };
  });
  return best;
}

const AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be', 'has', 'have', 'had', 'reportedly', 'allegedly',
  'apparently', 'also', 'not', 'who', 'which', 'that', 'later', 'then', 'all', 'both']);

/** The first word after the phrase that is not an auxiliary: the verb it is the subject of ("…were later killed"). */
function nextContentWord(a: Annotated, from: number, end: number): string | null {
  for (let i = from; i < Math.min(end, from + 4); i++) {
    const t = a.tokens[i]!;
    if (t.kind !== 'word') return null;
    if (!AUXILIARIES.has(t.lower)) return t.lower;
  }
  return null;
}
