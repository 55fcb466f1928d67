// Actors: mentions of armed groups, terrorist organizations and state forces from the curated registry
// data/actors.json (names, aliases, acronyms, parents, affiliates). Matching is case- and accent-
// insensitive, except for aliases flagged in the data:
//   caseSensitive  only that exact spelling in mixed-case text; never in all-lower-case text
//   commonWord     also an ordinary word ("IS", "FAR"): as caseSensitive, and in all-upper-case text
//                  only in parentheses ("... REBEL ARMED FORCES (FAR)")
//   ambiguous      shared with other things ("SL", "ERP"): only when the document also names the actor
//                  (or its parent) unambiguously
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import { nameKeys, newTrie, tokenize, trieInsert, trieMatches, type TrieRoot } from './tokens.js';

export interface ActorAlias { text: string; caseSensitive?: boolean; commonWord?: boolean; ambiguous?: boolean }

export interface Actor {
  id: string;
  name: string;
  aliases: (string | ActorAlias)[];
  acronyms: (string | ActorAlias)[];
  /** The organization this one is a branch, province or member of. */
  parent?: string;
  /** Branches, provinces, member groups. */
  affiliates?: string[];
  kind: string;
  countries: string[];
  /** State forces: the unqualified words that name them in a text about their country ("the army"). */
  national?: string[];
}

export interface ActorMention {
  start: number;
  end: number;
  text: string;
  actorId: string;
  /** Canonical name. */
  name: string;
  parentId?: string;
}

interface Entry { actor: Actor; spelling: string; caseSensitive: boolean; commonWord: boolean; ambiguous: boolean }

interface Registry {
  root: TrieRoot<Entry>;
  byId: Map<string, Actor>;
  byKey: Map<string, Entry[]>;
}

let reg: Registry | null = null;

function load(): Registry {
  if (reg) return reg;
  const data = JSON.parse(readFileSync(dataPath('actors.json'), 'utf8')) as { actors: Actor[] };
  const root = newTrie<Entry>();
  const byId = new Map<string, Actor>();
  const byKey = new Map<string, Entry[]>();
  for (const actor of data.actors) {
    byId.set(actor.id, actor);
    // The canonical name is indexed unless a flagged alias spells it ("ETA" is case-sensitive).
    const flagged = new Set([...actor.aliases, ...actor.acronyms].filter((x) => typeof x !== 'string').map((x) => nameKeys(x.text).join(' ')));
    const specs = [...(flagged.has(nameKeys(actor.name).join(' ')) ? [] : [actor.name]), ...actor.aliases, ...actor.acronyms];
    for (const spec of specs) {
      const a: ActorAlias = typeof spec === 'string' ? { text: spec } : spec;
      const exact = !!(a.caseSensitive || a.commonWord);
      const entry: Entry = { actor, spelling: a.text, caseSensitive: exact, commonWord: !!a.commonWord, ambiguous: !!a.ambiguous };
      const variants = new Set<string>([a.text]);
      if (/\p{L}-\p{L}|\p{L}-\p{N}/u.test(a.text)) variants.add(a.text.replace(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu, ''));
      for (const v of variants) {
        let keys = nameKeys(v);
        // "the Islamic State" is matched as "Islamic State"; "The Base" (exact spelling) keeps its article.
        if (!exact && keys.length > 1 && keys[0] === 'the') keys = keys.slice(1);
        if (keys.length === 0) continue;
        trieInsert(root, keys, { ...entry, spelling: v });
        const k = keys.join(' ');
        let l = byKey.get(k);
        if (!l) byKey.set(k, (l = []));
        if (!l.some((e) => e.actor === actor)) l.push(entry);
      }
    }
  }
  for (const a of data.actors) {
    if (a.parent && !byId.has(a.parent)) throw new Error(`actors.json: ${a.id}: unknown parent ${a.parent}`);
    for (const f of a.affiliates ?? []) if (!byId.has(f)) throw new Error(`actors.json: ${a.id}: unknown affiliate ${f}`);
  }
  reg = { root, byId, byKey };
  return reg;
}

function inParentheses(text: string, start: number, end: number): boolean {
  let a = start - 1;
  while (a >= 0 && text[a] === ' ') a--;
  let b = end;
  while (b < text.length && text[b] === ' ') b++;
  return (text[a] === '(' || text[a] === '[') && (text[b] === ')' || text[b] === ']');
}

let lastText: string | null = null;
let lastUpper: boolean | undefined;
let lastResult: ActorMention[] = [];

/** Actor mentions in a text (the last result is cached: findPlaces asks for it too). Do not mutate the result. */
export function findActors(text: string, opts: { upperCaseDoc?: boolean } = {}): ActorMention[] {
  const upper = opts.upperCaseDoc ?? tokenize(text).casing === 'upper';
  if (text === lastText && upper === lastUpper) return lastResult;
  lastResult = findActorsUncached(text, upper);
  lastText = text;
  lastUpper = upper;
  return lastResult;
}

function findActorsUncached(text: string, upper: boolean): ActorMention[] {
  const r = load();
  const t = tokenize(text);
  const lower = !upper && t.casing === 'lower';
  const raw: { start: number; end: number; entries: Entry[] }[] = [];
  const namedJustBefore = (actor: Actor, start: number): boolean => {
    const prev = raw[raw.length - 1];
    return !!prev && prev.entries.some((e) => e.actor === actor) && /^[\s([]*$/.test(text.slice(prev.end, start));
  };
  for (let i = 0; i < t.n; i++) {
    for (const m of trieMatches(r.root, t, i)) {
      const start = t.starts[i]!;
      const end = t.ends[m.end]!;
      const surface = text.slice(start, end);
      const entries = m.values.filter((e) => {
        if (!e.caseSensitive) return true;
        if (lower) return false;
        // "REBEL ARMED FORCES (FAR)": in capitals a word-like acronym counts only right after its own name.
        if (upper) return !e.commonWord || (inParentheses(text, start, end) && namedJustBefore(e.actor, start));
        return surface === e.spelling;
      });
      if (entries.length === 0) continue;
      raw.push({ start, end, entries });
      i = m.end;
      break;
    }
  }
  // Actors the document names unambiguously (with their parents) confirm its ambiguous acronyms.
  const named = new Map<string, number>();
  for (const m of raw) {
    const ids = new Set(m.entries.filter((e) => !e.ambiguous).map((e) => e.actor.id));
    if (ids.size !== 1) continue;
    const [id] = ids;
    named.set(id!, (named.get(id!) ?? 0) + 1);
  }
  const support = (a: Actor): number => (named.get(a.id) ?? 0) + (a.parent ? named.get(a.parent) ?? 0 : 0);
  const out: ActorMention[] = [];
  for (const m of raw) {
    const ok = m.entries.filter((e) => !e.ambiguous || support(e.actor) > 0);
    if (ok.length === 0) continue;
    let best = ok[0]!;
    for (const e of ok) if (support(e.actor) > support(best.actor)) best = e;
    const a = best.actor;
    out.push({ start: m.start, end: m.end, text: text.slice(m.start, m.end), actorId: a.id, name: a.name, ...(a.parent ? { parentId: a.parent } : {}) });
  }
  return out;
}

const nationalCache = new Map<string, Map<string, Actor>>();

/** The state forces that unqualified words ("army", "armed forces") name in a text about a country. */
export function nationalForces(countryCode: string): Map<string, Actor> {
  let m = nationalCache.get(countryCode);
  if (m) return m;
  m = new Map();
  for (const a of load().byId.values()) {
    if (!a.countries.includes(countryCode)) continue;
    for (const w of a.national ?? []) if (!m.has(w)) m.set(w, a);
  }
  nationalCache.set(countryCode, m);
  return m;
}

export function getActor(id: string): Actor | null {
  return load().byId.get(id) ?? null;
}

/** All actors of the registry. */
export function allActors(): Actor[] {
  return [...load().byId.values()];
}

/**
 * The registry actor a name denotes: an exact name, alias or acronym ("ISIL", "SHINING PATH"), else the
 * one actor named inside it ("ELN guerrillas", "the pro-Maoist Shining Path terrorist group"); null otherwise.
 */
export function canonicalActor(name: string): Actor | null {
  const r = load();
  let keys = nameKeys(name);
  if (keys.length > 1 && keys[0] === 'the') keys = keys.slice(1);
  const exact = r.byKey.get(keys.join(' '));
  if (exact?.length) return (exact.find((e) => !e.ambiguous) ?? exact[0]!).actor;
  const found = findActors(name);
  const ids = new Set(found.map((m) => m.actorId));
  if (ids.size === 1) return r.byId.get([...ids][0]!) ?? null;
  return null;
}

/** The root organization of an actor ("iswap" → Islamic State). */
export function rootActor(id: string): Actor | null {
  let a = getActor(id);
  for (let guard = 0; a?.parent && guard < 10; guard++) a = getActor(a.parent);
  return a;
}

