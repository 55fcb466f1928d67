// Word tokens for gazetteer look-ups: runs of letters and digits, folded to lower case without accents,
// with their character offsets in the original text. Shared by places and actors (one pass per text).
import { WordFilter, wordHash } from '../nlp/word-filter.js';

const FOLD_EXTRA: Record<string, string> = {
  ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ŀ: 'l', ħ: 'h',
};
const MARKS = /\p{M}/gu;
const EXTRA = /[ßøæœłđðþıŀħ]/g;

/** Lower case, accents and marks removed: "Île-de-France" → "île-de-france" → "ile-de-france". */
export function fold(s: string): string {
  const l = s.toLowerCase();
  for (let i = 0; i < l.length; i++) {
    if (l.charCodeAt(i) > 127) {
      return l.normalize('NFD').replace(MARKS, '').replace(EXTRA, (c) => FOLD_EXTRA[c] ?? c).normalize('NFC');
    }
  }
  return l;
}

/** The folded word keys of a name, as the matcher sees them: "Sharm el-Sheikh" → ["sharm", "el", "sheikh"]. */
export function nameKeys(name: string): string[] {
  const parts = /^[\x00-\x7f]*$/.test(name) ? name.toLowerCase().split(ASCII_SPLIT) : fold(name).split(WORD_SPLIT);
  return parts.filter((w) => w.length > 0);
}
const ASCII_SPLIT = /[^a-z0-9]+/;
const WORD_SPLIT = /[^\p{L}\p{N}]+/u;

export interface Tokens {
  text: string;
  keys: string[];
  /** wordHash of each key: filters tell most keys in no list without hashing the string again for a Map. */
  hashes: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  n: number;
  casing: Casing;
}

export type Casing = 'upper' | 'lower' | 'mixed';

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function isWordCode(c: number, s: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHAR.test(s[i]!);
}

let lastText: string | null = null;
let lastTokens: Tokens | null = null;

/** Tokenizes (the last result is cached: places and actors of one text share a pass). */
export function tokenize(text: string): Tokens {
  if (text === lastText && lastTokens) return lastTokens;
  const len = text.length;
  // One native lower-casing of the whole text (when it keeps offsets) beats one per token.
  const lowerText = text.toLowerCase();
  const sameLength = lowerText.length === len;
  let starts = new Int32Array(Math.max(16, len >> 2));
  let ends = new Int32Array(starts.length);
  const keys: string[] = [];
  let n = 0;
  let upper = 0;
  let lower = 0;
  let i = 0;
  while (i < len) {
    let c = text.charCodeAt(i);
    if (!isWordCode(c, text, i)) { i++; continue; }
    const s = i;
    let ascii = true;
    while (i < len) {
      c = text.charCodeAt(i);
      if (c < 128) {
        if ((c >= 97 && c <= 122)) lower++;
        else if (c >= 65 && c <= 90) upper++;
        else if (!(c >= 48 && c <= 57)) break;
      } else {
        // Surrogate pairs: test the full code point.
        const cp = text.codePointAt(i)!;
        const ch = String.fromCodePoint(cp);
        if (!WORD_CHAR.test(ch)) break;
        ascii = false;
        i += ch.length;
        continue;
      }
      i++;
    }
    if (n === starts.length) {
      const ns = new Int32Array(n * 2); ns.set(starts); starts = ns;
      const ne = new Int32Array(n * 2); ne.set(ends); ends = ne;
    }
    starts[n] = s;
    ends[n] = i;
    keys.push(ascii ? (sameLength ? lowerText.slice(s, i) : text.slice(s, i).toLowerCase()) : fold(text.slice(s, i)));
    n++;
  }
  const casing: Casing = lower === 0 && upper > 0 ? 'upper' : upper === 0 ? 'lower'
    : upper > 4 * lower && upper > 20 ? 'upper' : 'mixed';
  const hashes = new Int32Array(n);
  for (let k = 0; k < n; k++) hashes[k] = wordHash(keys[k]!);
  lastText = text;
  lastTokens = { text, keys, hashes, starts, ends, n, casing };
  return lastTokens;
}

/** Document casing: 'upper' for wire copy in capitals (a few lower-case words allowed), 'lower', else 'mixed'. */
export function casingOf(text: string): Casing {
  return tokenize(text).casing;
}

/**
 * May tokens i and i+1 belong to one name? Only spaces, hyphens, apostrophes, at most one line break,
 * and a period after a short abbreviation ("St. Louis", "U.S.").
 */
export function joinable(t: Tokens, i: number): boolean {
  const a = t.ends[i]!;
  const b = t.starts[i + 1]!;
  if (b - a > 12) return false;
  let newlines = 0;
  for (let k = a; k < b; k++) {
    const c = t.text.charCodeAt(k);
    if (c === 32 || c === 45 || c === 39 || c === 0x2019 || c === 0x2010 || c === 0x2011 || c === 9 || c === 13 || c === 0xa0) continue;
    if (c === 10) { if (++newlines > 1) return false; continue; }
    if (c === 46 && k === a && t.ends[i]! - t.starts[i]! <= 3) continue;
    return false;
  }
  return true;
}

/** Word-key trie. */
export interface TrieNode<T> { next: Map<string, TrieNode<T>> | null; values: T[] | null }

/** A trie's root, with a filter of the first keys: most tokens start no name. */
export interface TrieRoot<T> extends TrieNode<T> { firstKeys: WordFilter }

const newNode = <T>(): TrieNode<T> => ({ next: null, values: null });

/** 2^21 bits (256 KB) for the 100,000 first words of the place names. */
export function newTrie<T>(): TrieRoot<T> { return { next: null, values: null, firstKeys: new WordFilter(21) }; }

export function trieInsert<T>(root: TrieRoot<T>, keys: string[], value: T): void {
  if (keys.length > 0) root.firstKeys.add(keys[0]!);
  let node: TrieNode<T> = root;
  for (const k of keys) {
    if (!node.next) node.next = new Map();
    let child = node.next.get(k);
    if (!child) node.next.set(k, (child = newNode<T>()));
    node = child;
  }
  if (!node.values) node.values = [];
  if (!node.values.includes(value)) node.values.push(value);
}

const NO_MATCHES: never[] = [];

/** Every (end token index, values) of names starting at token i, longest first. */
export function trieMatches<T>(root: TrieRoot<T>, t: Tokens, i: number): { end: number; values: T[] }[] {
  if (!root.firstKeys.mayHaveHash(t.hashes[i]!)) return NO_MATCHES;
  let node = root.next?.get(t.keys[i]!);
  if (!node) return NO_MATCHES;
  let out: { end: number; values: T[] }[] | null = null;
  let j = i;
  while (node) {
    if (node.values) (out ??= []).push({ end: j, values: node.values });
    if (!node.next || j + 1 >= t.n || !joinable(t, j)) break;
    node = node.next.get(t.keys[j + 1]!);
    j++;
  }
  return out ? out.reverse() : NO_MATCHES;
}
