// Perpetrator organizations of an incident: how the text links them (claimed, suspected…), claims told in
// a sentence of their own, state forces only as the subject of an attack, and a default suspect.
import type { Attribution, Evidence, Perpetrator } from '../model.js';
import { getActor } from '../gazetteer/actors.js';
import { headNote, within, type ActorSpan, type Annotated, type Span } from './annotate.js';
import type { Draft } from './grouping.js';
import { affiliateNouns, agentFillers, contrastWords, copulas, cues, groupAttributes, groupHeads, nameJoins, negators, nouns, perpetratorModifiers, relativePronouns, reportingVerbs, speechVerbs } from './lexicon.js';
import { evidence } from './evidence.js';

const MAX_ORGANIZATIONS = 4;
/** Weighted mentions (3 in the paragraph, 1 elsewhere) that make a group the document's subject. */
const DOMINANT_MENTIONS = 8;

export function attributionOf(a: Annotated, from: number, to: number): Attribution {
  const has = (m: typeof cues.claimed) => m.has(a.tokens, from, to);
  if (has(cues.denied)) return 'denied';
  if (claimIn(a, from, to) || groupSays(a, from, to)) return 'claimed';
  if (has(cues.inspired)) return 'inspired';
  if (has(cues.directed)) return 'directed';
  if (has(cues.suspected)) return 'suspected';
  return 'reported';
}

/**
 * The clause of the sentence [from, to) that holds the span: "X claimed responsibility, but the military said
 * Y was behind the attack" links X and Y each by its own clause.
 */
export function clauseOf(a: Annotated, from: number, to: number, span: Span): { from: number; to: number } {
  const t = a.tokens;
  let start = from, end = to;
  for (let i = from + 1; i < to - 1; i++) {
    const opens = t[i]!.text === ';' || contrastWords.has(t[i]!.lower) && t[i - 1]!.text === ',';
    if (!opens) continue;
    if (i <= span.from) start = i;
    else if (i >= span.to) { end = i; break; }
  }
  return { from: start, to: end };
}

/** "…, killing dozens of peacekeepers, the group said": the attackers' own account is their claim. */
function groupSays(a: Annotated, from: number, to: number): boolean {
  const t = a.tokens;
  for (let i = from + 2; i < to; i++) {
    if (!speechVerbs.has(t[i]!.lower)) continue;
    let k = i - 1;
    if (!groupHeads.has(t[k]!.lower) && !nouns.matchAt(t, k, k + 1)?.value.some(c => c.cls === 'perpetrator')) continue;
    if (perpetratorModifiers.has(t[k - 1]?.lower ?? '')) k--;
    if (t[k - 1]?.lower === 'the' && t[k - 2]?.text === ',') return true;
  }
  return false;
}

/** A claim the sentence makes, not one it denies ("no group has claimed the bombings"). */
function claimIn(a: Annotated, from: number, to: number): boolean {
  return claimAt(a, from, to) >= 0;
}

/** Where the sentence's first claim begins, or -1. */
export function claimAt(a: Annotated, from: number, to: number): number {
  const hit = cues.claimed.findAll(a.tokens, from, to).find(h => {
    for (let k = Math.max(from, h.from - 4); k < h.from; k++) if (negators.has(a.tokens[k]!.lower)) return false;
    return true;
  });
  return hit ? hit.from : -1;
}

/** How many sentences after a draft's last may still say who did it. */
const AFTER_REPORT = 4;

/**
 * The indices of the draft's sentences and of the few after them, less other incidents' reports; not past the
 * next incident's report ("… stabbed two people in Paris. The suspect … was arrested" is not the roundup's first attack's).
 */
export function* reportSentences(d: Draft, eventSents: Set<number>, sentences: number): Generator<number> {
  const first = d.sents[0]!, last = d.sents[d.sents.length - 1]!;
  for (let s = first; s < Math.min(sentences, last + AFTER_REPORT); s++) {
    if (d.sents.includes(s)) yield s;
    else if (!eventSents.has(s)) yield s;
    else if (s > last) return;
  }
}

/**
 * "The Somali militant group said it carried out the attack": a claim whose subject is a group named by its
 * kind, in a sentence that names no group, is made by the one group already linked to the incident.
 */
export function claimByGroupNoun(a: Annotated, d: Draft, perpetrators: Perpetrator[], eventSents: Set<number>): void {
  const orgs = perpetrators.filter(p => p.kind === 'organization' && !isState(p.actorId ?? ''));
  if (orgs.length !== 1 || orgs[0]!.attribution === 'claimed') return;
  for (const k of reportSentences(d, eventSents, a.sentences.length)) {
    const sent = a.sentences[k]!;
    const at = claimAt(a, sent.from, sent.to);
    if (at < 0 || within(a.actors, sent.from, sent.to).some(act => !notAnAuthor(a, act))) continue;
    let article = false;
    for (let k = sent.from; k < at; k++) {
      const w = a.tokens[k]!.lower;
      if (w === 'the') article = true;
      else if (article && groupHeads.has(w)) { orgs[0]!.attribution = 'claimed'; return; }
    }
  }
}

/**
 * "X claimed responsibility for the attack" or "officials suspected X" in a sentence of its own, between the
 * draft's reports or in the three after them, links X to the incident.
 */
export function claims(a: Annotated, d: Draft, perpetrators: Perpetrator[], ev: Evidence[], eventSents: Set<number>): void {
  for (const s of reportSentences(d, eventSents, a.sentences.length)) {
    // Reports (this incident's, claims and all) are read elsewhere.
    if (eventSents.has(s)) continue;
    const sent = a.sentences[s]!;
    const claim = claimIn(a, sent.from, sent.to);
    // "the attacker, a supporter of the Islamic State group": a sentence of its own that says whom he followed.
    const inspired = !claim && cues.inspired.has(a.tokens, sent.from, sent.to);
    // "The Taliban denied involvement": a group that had to deny it was linked to the attack.
    const denied = !claim && !inspired && cues.denied.has(a.tokens, sent.from, sent.to);
    if (!claim && !inspired && !denied && !cues.suspicion.has(a.tokens, sent.from, sent.to)) continue;
    for (const act of within(a.actors, sent.from, sent.to)) {
      if (!claim && isState(act.actorId) || notAnAuthor(a, act)) continue;
      // The one denying is the one before the denial ("the Taliban denied", not "…denied by the army").
      if (denied && !cues.denied.has(a.tokens, act.to, Math.min(sent.to, act.to + DENIAL_REACH))) continue;
      const known = perpetrators.find(p => p.actorId === act.actorId);
      if (known) { if (claim) known.attribution = 'claimed'; else if (denied && known.attribution === 'reported') known.attribution = 'denied'; }
      else if (perpetrators.length < MAX_ORGANIZATIONS) {
        const name = surfaceName(a, act.actorId);
        perpetrators.push({ name, kind: 'organization', attribution: claim ? 'claimed' : inspired ? 'inspired' : denied ? 'denied' : 'suspected', actorId: act.actorId, canonical: act.name });
        ev.push(evidence(a, 'perpetrators', name, act));
      }
      if (claim) addMembers(a, act, claimAt(a, sent.from, sent.to), perpetrators, ev);
    }
  }
}

/**
 * "MRTA guerrillas claimed the attack", "Guerrillas of the MRTA have claimed it": the group's people who did
 * it are the incident's individual perpetrators too, unless it already has some of that kind. Only the claim's
 * subject, before `claimFrom` ("the battle claimed 2,000 ISIS fighters" claims lives, not the attack).
 */
export function addMembers(a: Annotated, act: ActorSpan, claimFrom: number, perpetrators: Perpetrator[], ev: Evidence[]): void {
  const t = a.tokens;
  const isMember = (k: number) => k >= 0 && k < claimFrom && !!nouns.matchAt(t, k, k + 1)?.value.some(c => c.cls === 'perpetrator');
  let span: Span | null = null;
  if (isMember(act.to)) span = { from: act.from, to: act.to + 1, start: t[act.from]!.start, end: t[act.to]!.end };
  else {
    const of = t[act.from - 1]?.lower === 'the' ? act.from - 2 : act.from - 1;
    if (t[of]?.lower === 'of' && isMember(of - 1)) span = { from: of - 1, to: of, start: t[of - 1]!.start, end: t[of - 1]!.end };
  }
  if (!span) return;
  const head = t[span.to - 1]!.lower.replace(/s$/, '');
  if (perpetrators.some(p => p.kind === 'individual' && p.name.toLowerCase().split(/\s+/).pop()!.replace(/s$/, '') === head)) return;
  const name = a.text.slice(span.start, span.end);
  perpetrators.push({ name, kind: 'individual' });
  ev.push(evidence(a, 'perpetrators', name, span));
}

const GROUP_NAME_WORDS = 6;
/** How far after a group's name its denial may come ("the Taliban, in a statement, denied"). */
const DENIAL_REACH = 6;

/**
 * "A group calling itself the Mujahideen Brigade claimed responsibility": a group the registry does not know,
 * named in the draft's sentences or the few after them as claiming, suspected, denying.
 */
export function unregisteredGroups(a: Annotated, d: Draft, perpetrators: Perpetrator[], ev: Evidence[], eventSents: Set<number>): void {
  for (const k of reportSentences(d, eventSents, a.sentences.length)) {
    const sent = a.sentences[k]!;
    if (!cues.groupNaming.has(a.tokens, sent.from, sent.to)) continue;
    for (const h of cues.groupNaming.findAll(a.tokens, sent.from, sent.to)) {
      const span = groupNameAfter(a, h.to, sent.to);
      if (!span || perpetrators.filter(p => p.kind === 'organization').length >= MAX_ORGANIZATIONS) continue;
      const name = a.text.slice(span.start, span.end).replace(/\s+/g, ' ');
      if (perpetrators.some(p => p.name.toLowerCase() === name.toLowerCase())) continue;
      const clause = clauseOf(a, sent.from, sent.to, span);
      // Only as the one claiming, blamed, denying…: a group merely named ("financed by a front group called…") did nothing.
      const attribution = attributionOf(a, clause.from, clause.to);
      if (attribution === 'reported') continue;
      perpetrators.push({ name, kind: 'organization', attribution });
      ev.push(evidence(a, 'perpetrators', name, span));
    }
  }
}

/** The words of a name from token i: capitalised ones in mixed case, else up to a verb, a comma or a clause. */
function groupNameAfter(a: Annotated, i: number, end: number): Span | null {
  const t = a.tokens;
  if (t[i]?.lower === 'the') i++;
  let j = i;
  while (j < end && j - i < GROUP_NAME_WORDS) {
    const w = t[j]!;
    if (w.kind === 'punct' && w.text !== '-' && w.text !== "'") break;
    if (a.mode === 'mixed' ? !w.cap && !nameJoins.has(w.lower) : reportingVerbs.has(w.lower) || relativePronouns.has(w.lower) || cues.claimed.matchAt(t, j) || w.lower === 'has' || w.lower === 'had') break;
    j++;
  }
  while (j > i && nameJoins.has(t[j - 1]!.lower)) j--;
  if (j === i || a.actorAt[i]! >= 0) return null;
  return { from: i, to: j, start: t[i]!.start, end: t[j - 1]!.end };
}

const surfaceCache = new WeakMap<Annotated, Map<string, string>>();

/** The form the document names a group by most often ("FMLN" over "Farabundo Marti National Liberation Front"). */
export function surfaceName(a: Annotated, actorId: string): string {
  let names = surfaceCache.get(a);
  if (!names) {
    names = new Map();
    const counts = new Map<string, Map<string, number>>();
    for (const act of a.actors) {
      const c = counts.get(act.actorId) ?? new Map<string, number>();
      const text = act.text.replace(/\s+/g, ' ');
      c.set(text, (c.get(text) ?? 0) + 1);
      counts.set(act.actorId, c);
    }
    for (const [id, c] of counts) names.set(id, [...c].reduce((b, x) => (x[1] > b[1] ? x : b))[0]);
    surfaceCache.set(a, names);
  }
  return names.get(actorId) ?? actorId;
}

export const isState = (actorId: string) => getActor(actorId)?.kind === 'state';

/**
 * A group named as a speaker ("the FMLN reports the following"), cleared ("and not the FMLN"), naming its
 * people ("FMLN delegates") or describing another ("a group linked to al-Qaeda"): not an author of what
 * the sentence tells. A claim or a denial speaks of the attack and stays.
 */
export function notAnAuthor(a: Annotated, act: ActorSpan): boolean {
  // "the FMLN [Farabundo Marti National Liberation Front]": the expansion is the name before it.
  const open = a.tokens[act.from - 1]?.text;
  const named = (open === '(' || open === '[') && act.from >= 2 ? a.actorAt[act.from - 2]! : -1;
  if (named >= 0) return notAnAuthor(a, a.actors[named]!);
  const before = (k: number) => a.tokens[act.from - k]?.lower ?? '';
  if (before(1) === 'not' || before(2) === 'not' && before(1) === 'the') return true;
  if (describesAnother(a, act)) return true;
  // "FMLN delegates will meet…": the group's people, not the group acting.
  const people = nouns.matchAt(a.tokens, act.to);
  if (people && people.value.some(c => c.cls === 'person') && !people.value.some(c => c.cls === 'perpetrator' || c.cls === 'needsModifier')) return true;
  let i = act.to;
  // "the Farabundo Marti National Liberation Front (FMLN) said"
  if (a.tokens[i]?.text === '(' || a.tokens[i]?.text === '[') {
    while (i < act.to + 8 && a.tokens[i] && a.tokens[i]!.text !== ')' && a.tokens[i]!.text !== ']') i++;
    i++;
  }
  if (groupAttributes.has(a.tokens[i]?.lower ?? '')) return true;
  if (speakers(a).has(act.actorId)) {
    const s = a.sentences[a.tokens[act.from]!.sent]!;
    if (act.end <= a.headEnd || !claimIn(a, s.from, s.to)) return true;
  }
  while (a.tokens[i] && (a.tokens[i]!.lower === 'has' || a.tokens[i]!.lower === 'have' || a.tokens[i]!.lower === 'also' || a.tokens[i]!.lower === 'today')) i++;
  const w = a.tokens[i]?.lower ?? '';
  // "al-Shabaab said it was behind the attack": saying so is claiming it.
  // "Islamic State said through its Amaq news agency that the attacker was one of its soldiers": so is saying so later.
  return reportingVerbs.has(w) && !SPEAKS_OF_ATTACK.has(w) && !claimIn(a, i, a.sentences[a.tokens[i]!.sent]!.to);
}
/** "a militant group linked to al-Qaeda", "Boko Haram, an affiliate of": but "an attack linked to Boko Haram" blames it. */
function describesAnother(a: Annotated, act: ActorSpan): boolean {
  // "the al-Qaeda-affiliated group": the name is part of a word that describes another group.
  const rest = a.tokens[act.to - 1]!.end > act.end ? a.text.slice(act.end, a.tokens[act.to - 1]!.end).toLowerCase() : '';
  if (/^-(affiliated|linked|allied|aligned|backed|tied)$/.test(rest)) return true;
  // "al-Shabaab, the al-Qaeda affiliate that has fought…", "JNIM, al-Qaeda's Sahel branch": when the sentence names
  // the affiliate too (alone, "the Islamic State group's local affiliate" stands for it).
  for (let k = act.to; k < act.to + AFFILIATE_REACH && a.tokens[k]?.kind === 'word'; k++) {
    if (affiliateNouns.has(a.tokens[k]!.lower)) return namesAnotherGroup(a, act);
    if (a.actorAt[k]! >= 0) break;
  }
  // "groups linked to al-Qaeda and the Islamic State": the second of a list after the cue is described too.
  let c = act.from - 1;
  if (a.tokens[c]?.lower === 'the') c--;
  if ((a.tokens[c]?.lower === 'and' || a.tokens[c]?.lower === 'or') && c > 0 && a.actorAt[c - 1]! >= 0) {
    return describesAnother(a, a.actors[a.actorAt[c - 1]!]!);
  }
  const from = Math.max(0, act.from - 4);
  const hit = cues.affiliation.findAll(a.tokens, from, act.from).find(h => h.to === act.from || h.to === act.from - 1 && a.tokens[h.to]!.lower === 'the');
  if (!hit) return false;
  let k = hit.from - 1;
  // "the Somali militant group, which is linked to al-Qaeda": the relative clause describes the phrase before it.
  if (copulas.has(a.tokens[k]?.lower ?? '') && relativePronouns.has(a.tokens[k - 1]?.lower ?? '')) k -= a.tokens[k - 2]?.text === ',' ? 3 : 2;
  else {
    // "Islamic State Sahel Province, an affiliate of the Islamic State", "the jihadist alliance JNIM, linked to al-Qaeda"
    if (a.tokens[k]?.lower === 'a' || a.tokens[k]?.lower === 'an') k--;
    if (a.tokens[k]?.text === ',') k--;
  }
  if (k < 0) return false;
  if (a.actorAt[k]! >= 0) return true;
  const noun = a.tokens[k]!.lower;
  return groupHeads.has(noun) || !!nouns.matchAt(a.tokens, k)?.value.some(c => c.cls === 'perpetrator');
}

const AFFILIATE_REACH = 3;

function namesAnotherGroup(a: Annotated, act: ActorSpan): boolean {
  const s = a.sentences[a.tokens[act.from]!.sent]!;
  return within(a.actors, s.from, s.to).some(x => x.actorId !== act.actorId);
}

const SPEAKS_OF_ATTACK = new Set(['claimed', 'denied']);

const speakerCache = new WeakMap<Annotated, Set<string>>();

/**
 * Groups the editor's notes of the head name as the source of the text ("[COMMUNIQUE] [FMLN GENERAL COMMAND]",
 * an interview with its commander): what the text says of them is mostly what they say, not what they did. A
 * group's own radio in parentheses ("(RADIO FARABUNDO MARTI)") reports its actions, and is not counted.
 */
function speakers(a: Annotated): Set<string> {
  let out = speakerCache.get(a);
  if (out) return out;
  out = new Set();
  for (const act of a.actors) {
    if (act.end > a.headEnd) break;
    if (headNote(a.text, a.headEnd, act.start)?.bracket === '[') out.add(act.actorId);
  }
  speakerCache.set(a, out);
  return out;
}

/**
 * A state force is a perpetrator only when the sentence makes it the author of the attack: its subject
 * ("soldiers of the army killed"), its agent ("were murdered by members of the army"), or the one blamed
 * ("blamed the armed forces for", "the army was responsible").
 */
export function actsInSentence(a: Annotated, act: Span, end: number): boolean {
  for (let i = act.to; i < Math.min(end, act.to + 4); i++) if (triggersAt(a, i)) return true;
  const start = a.sentences[a.tokens[act.from]!.sent]!.from;
  let k = act.from - 1;
  while (k > start && agentFillers.has(a.tokens[k]!.lower)) k--;
  if (a.tokens[k]?.lower === 'by') return true;
  return cues.blame.has(a.tokens, Math.max(start, act.from - 6), Math.min(end, act.to + 6));
}

function triggersAt(a: Annotated, i: number): boolean {
  const w = a.tokens[i]!.lower;
  return /(ed|ing)$/.test(w) && /^(kill|murder|attack|shot|shoot|bomb|kidnap|abduct|massacr|assassinat|fired|burn|torch)/.test(w);
}

/**
 * Insurgents named without their group ("guerrillas attacked…") are that group's when the document names
 * one non-state group only in the paragraph or, failing that, names one group far more than others.
 */
interface GroupMentions { total: Map<string, { n: number; span: ActorSpan }>; byParagraph: Map<number, Map<string, number>> }
const mentionCache = new WeakMap<Annotated, GroupMentions>();

/** How often the document, and each paragraph, names each non-state group (counted once per document). */
function groupMentions(a: Annotated): GroupMentions {
  let m = mentionCache.get(a);
  if (m) return m;
  m = { total: new Map(), byParagraph: new Map() };
  for (const act of a.actors) {
    if (isState(act.actorId)) continue;
    const c = m.total.get(act.actorId);
    m.total.set(act.actorId, { n: (c?.n ?? 0) + 1, span: c?.span ?? act });
    const para = a.sentences[a.tokens[act.from]!.sent]!.para;
    const p = m.byParagraph.get(para) ?? new Map<string, number>();
    p.set(act.actorId, (p.get(act.actorId) ?? 0) + 1);
    m.byParagraph.set(para, p);
  }
  mentionCache.set(a, m);
  return m;
}

export function defaultSuspect(a: Annotated, d: Draft, perpetrators: Perpetrator[], ev: Evidence[], eventSents: Set<number>): void {
  const generic = perpetrators.some(p => p.kind === 'individual' && /(guerr?ill|rebel|terrorist|subversive|commando|insurgent|militant|jihad)/i.test(p.name));
  const para = a.sentences[d.sents[0]!]!.para;
  const { total, byParagraph } = groupMentions(a);
  const counts = new Map<string, { n: number; span: ActorSpan }>();
  for (const [id, c] of total) counts.set(id, { n: c.n + 2 * (byParagraph.get(para)?.get(id) ?? 0), span: c.span });
  const ranked = [...counts.values()].sort((x, y) => y.n - x.n);
  const top = ranked[0];
  if (!top || (ranked[1] && ranked[1].n * 2 > top.n) || speakers(a).has(top.span.actorId)) return;
  // Without insurgents in the sentence, only a group the whole document is about; with them, a group the
  // paragraph names or the document names more than once.
  if (!generic && top.n < DOMINANT_MENTIONS) return;
  if (generic && !(byParagraph.get(para)?.get(top.span.actorId)) && (total.get(top.span.actorId)?.n ?? 0) < 2) return;
  // "…police blamed separatist insurgents. Meanwhile in the Philippines, Abu Sayyaf gunmen beheaded…": a group named
  // only in the reports of other incidents is theirs.
  const own = (x: ActorSpan) => { const s = a.tokens[x.from]!.sent; return d.sents.includes(s) || !eventSents.has(s); };
  if (!a.actors.some(x => x.actorId === top.span.actorId && own(x))) return;
  const name = surfaceName(a, top.span.actorId);
  perpetrators.push({ name, kind: 'organization', attribution: 'suspected', actorId: top.span.actorId, canonical: top.span.name });
  ev.push(evidence(a, 'perpetrators', name, top.span));
}
