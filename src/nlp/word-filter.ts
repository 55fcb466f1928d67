// A set of words that may err only by saying yes: one bit per hashed word. A miss in a large Map costs
// several cache misses, and most words of a text start no name and no lexicon phrase; one bit tells so.

/** FNV-1a of the UTF-16 code units. */
export function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  return h;
}

export class WordFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;

  /** 2^log2Bits bits: some ten per word added keep wrong yeses to a few in a hundred. */
  constructor(log2Bits: number) {
    this.bits = new Uint32Array(1 << Math.max(0, log2Bits - 5));
    this.mask = (1 << log2Bits) - 1;
  }

  static of(words: Iterable<string>, log2Bits: number): WordFilter {
    const f = new WordFilter(log2Bits);
    for (const w of words) f.add(w);
    return f;
  }

  add(word: string): void {
    const b = wordHash(word) & this.mask;
    this.bits[b >>> 5]! |= 1 << (b & 31);
  }

  /** False: no word of this wordHash was added. */
  mayHaveHash(hash: number): boolean {
    const b = hash & this.mask;
    return (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }
}
