// Multi-word lexicon lookup on lower-case tokens: the longest phrase starting at a token wins.
import type { Token } from './tokens.js';
import { WordFilter, wordHash } from './word-filter.js';

export interface PhraseHit<T> { from: number; to: number; value: T }

/** Shorter token lists (a single word looked up) are not worth caching. */
const CACHE_MIN_TOKENS = 16;

/** The hashes of the lower-case words of the last token list asked about: hashed once for every matcher. */
let hashedFor: Token[] | null = null;
let hashes = new Int32Array(0);

function wordHashes(tokens: Token[]): Int32Array {
  if (tokens !== hashedFor || tokens.length !== hashes.length) {
    hashedFor = tokens;
    hashes = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) hashes[i] = wordHash(tokens[i]!.lower);
  }
  return hashes;
}

export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, { words: string[]; value: T }[]>();
  /** 2^15 bits: the largest lexicon (nouns) has some 1,400 first words. */
  private readonly firstWords = new WordFilter(15);
  /**
   * The longest hit at each token of the last document's tokens, filled on demand: the same sentences are
   * asked about again and again (per draft, per candidate), and a look-up by word is most of the cost.
   */
  private cachedFor: Token[] | null = null;
  private cache: (PhraseHit<T> | null | undefined)[] = [];

  add(phrase: string, value: T): this {
    const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return this;
    this.cachedFor = null;
    const list = this.byFirst.get(words[0]!) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    this.byFirst.set(words[0]!, list);
    this.firstWords.add(words[0]!);
    return this;
  }

  addAll(phrases: Iterable<string>, value: T): this {
    for (const p of phrases) this.add(p, value);
    return this;
  }

  matchAt(tokens: Token[], i: number, limit = tokens.length): PhraseHit<T> | null {
    if (i < 0 || i >= limit || i >= tokens.length) return null;
    if (tokens.length < CACHE_MIN_TOKENS) return this.scan(tokens, i, limit);
    // Most words start no phrase: the filter answers before any cache is made for this document.
    if (!this.firstWords.mayHaveHash(wordHashes(tokens)[i]!)) return null;
    if (tokens !== this.cachedFor) { this.cachedFor = tokens; this.cache = new Array(tokens.length); }
    let hit = this.cache[i];
    if (hit === undefined) hit = this.cache[i] = this.scan(tokens, i, tokens.length);
    // The longest phrase runs past the limit: a shorter one may still fit.
    return hit && hit.to > limit ? this.scan(tokens, i, limit) : hit;
  }

  private scan(tokens: Token[], i: number, limit: number): PhraseHit<T> | null {
    const list = this.byFirst.get(tokens[i]?.lower ?? '');
    if (!list) return null;
    outer: for (const e of list) {
      if (i + e.words.length > limit) continue;
      for (let k = 1; k < e.words.length; k++) if (tokens[i + k]!.lower !== e.words[k]) continue outer;
      return { from: i, to: i + e.words.length, value: e.value };
    }
    return null;
  }

  /** Non-overlapping hits in [from, to), left to right, longest first. */
  findAll(tokens: Token[], from = 0, to = tokens.length): PhraseHit<T>[] {
    const out: PhraseHit<T>[] = [];
    for (let i = from; i < to; i++) {
      const h = this.matchAt(tokens, i, to);
      if (h) { out.push(h); i = h.to - 1; }
    }
    return out;
  }

  has(tokens: Token[], from: number, to: number): boolean {
    for (let i = from; i < to; i++) if (this.matchAt(tokens, i, to)) return true;
    return false;
  }
}
