// Tokens and sentences with character offsets into the original text: every later annotation is a
// span of tokens, so evidence is always a span of the document.
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';

export interface Token {
  i: number;
  start: number;
  end: number;
  text: string;
  /** Lower case, curly quotes straightened: what lexicons are looked up by. */
  lower: string;
  kind: 'word' | 'num' | 'punct';
  /** Starts with a capital in a mixed-case document (meaningless in all-upper or all-lower text). */
  cap: boolean;
  sent: number;
}

export interface Sentence {
  i: number;
  start: number;
  end: number;
  /** Token range [from, to). */
  from: number;
  to: number;
  /** Paragraph index: blank lines separate paragraphs. */
  para: number;
}

/** A token at a non-space position (sticky: tested, not exec'd, so no match array is made per token). */
const TOKEN_AT = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+)*(?:\.(?=[\p{L}]\.))?|\S/uy;

/** JavaScript's \s, by code unit. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f
    || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
const ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'gen', 'col', 'lt', 'capt', 'sgt', 'maj', 'rev', 'fr', 'st', 'sen', 'rep', 'gov',
  'pres', 'prof', 'jr', 'sr', 'no', 'vs', 'inc', 'corp', 'co', 'ltd', 'jan', 'feb', 'mar', 'apr', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'u.s', 'u.n', 'u.k', 'e.g', 'i.e', 'approx', 'dept', 'mt', 'ft', 'gens', 'adm',
]);

const CLOCK_FILE = JSON.parse(readFileSync(dataPath('lexicon', 'clock.json'), 'utf8')) as { abbreviations: string[]; continuations: string[] };
const CLOCK = { abbreviations: new Set(CLOCK_FILE.abbreviations), continuations: new Set(CLOCK_FILE.continuations) };

/** "at 10:30 a.m. on Friday": after a clock time, a lower-case word in mixed text or a word that cannot open a sentence. */
function timeGoesOn(text: string, from: number, mode: CaseMode): boolean {
  const next = /^\s+([\p{L}]+)/u.exec(text.slice(from, from + 40))?.[1];
  if (!next) return false;
  return mode === 'mixed' && next[0] !== next[0]!.toUpperCase() || CLOCK.continuations.has(next.toLowerCase());
}

export type CaseMode = 'mixed' | 'upper' | 'lower';

/** Wire copy is often all upper case, transcripts all lower: rules must not lean on capitals there. */
export function caseMode(text: string): CaseMode {
  let upper = 0, lower = 0;
  for (let i = 0; i < text.length && upper + lower < 20000; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  if (upper > 4 * lower) return 'upper';
  if (upper * 50 < lower) return 'lower';
  // "EL PASO, Texas — a gunman killed 22 people …": a capitalised dateline over a lower-case transcript.
  return upper < lower && lowerSentenceStarts(text) ? 'lower' : 'mixed';
}

/** Where a sentence begins: after its end mark, or after the dash that closes a dateline. */
const SENTENCE_START = /(?:[.!?]["'”’)]?|\s(?:--|[—–-]))\s+["'“‘(]?(\p{L})/gu;
const MIN_STARTS = 2;

/** Whether most sentences begin in lower case. */
function lowerSentenceStarts(text: string): boolean {
  let starts = 0, lower = 0;
  SENTENCE_START.lastIndex = 0;
  for (let m = SENTENCE_START.exec(text); m && starts < 200; m = SENTENCE_START.exec(text)) {
    starts++;
    if (m[1] !== m[1]!.toUpperCase()) lower++;
  }
  return starts >= MIN_STARTS && lower * 10 > starts * 7;
}

export function tokenize(text: string, mode: CaseMode): { tokens: Token[]; sentences: Sentence[] } {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let sentStart = 0, sentFrom = 0, para = 0, lastEnd = 0;
  const close = (end: number, to: number) => {
    if (to > sentFrom) sentences.push({ i: sentences.length, start: sentStart, end, from: sentFrom, to, para });
    sentFrom = to;
  };
  const len = text.length;
  for (let pos = 0; ; ) {
    while (pos < len && isSpace(text.charCodeAt(pos))) pos++;
    if (pos >= len) break;
    TOKEN_AT.lastIndex = pos;
    TOKEN_AT.test(text);
    const start = pos, raw = text.slice(start, TOKEN_AT.lastIndex);
    pos = TOKEN_AT.lastIndex;
    // A blank line between tokens ends the sentence and the paragraph.
    if (tokens.length && hasBlankLine(text, lastEnd, start)) {
      close(lastEnd, tokens.length);
      para++;
    }
    if (tokens.length === sentFrom) sentStart = start;
    const c0 = raw.charCodeAt(0);
    const isDigit = c0 >= 48 && c0 <= 57;
    const isWord = c0 < 128 ? (c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || isDigit : /[\p{L}\p{N}]/u.test(raw[0]!);
    const lowered = raw.toLowerCase();
    const lower = lowered.includes('’') ? lowered.replace(/’/g, "'") : lowered;
    tokens.push({
      i: tokens.length, start, end: start + raw.length, text: raw, lower,
      kind: isDigit && /^[\d.,:\/-]+$/.test(raw) ? 'num' : isWord ? 'word' : 'punct',
      cap: mode === 'mixed' && c0 >= 65 && c0 <= 90 || (mode === 'mixed' && raw[0] !== raw[0]!.toLowerCase()),
      sent: sentences.length,
    });
    lastEnd = start + raw.length;
    if ((raw === '.' || raw === '!' || raw === '?') && endsSentence(text, tokens, mode)) close(lastEnd, tokens.length);
  }
  close(lastEnd, tokens.length);
  for (const s of sentences) for (let t = s.from; t < s.to; t++) tokens[t]!.sent = s.i;
  return { tokens, sentences };
}

function hasBlankLine(text: string, from: number, to: number): boolean {
  if (to - from < 2) return false;
  const gap = text.slice(from, to);
  return gap.includes('\n') && /\n[ \t\r]*\n/.test(gap);
}

function endsSentence(text: string, tokens: Token[], mode: CaseMode): boolean {
  const dot = tokens[tokens.length - 1]!;
  const prev = tokens[tokens.length - 2];
  if (dot.text === '.' && prev && prev.end === dot.start) {
    if (ABBREV.has(prev.lower)) return false;
    if (prev.text.length === 1 && /\p{L}/u.test(prev.text)) return false; // initials: "J. Smith"
    if (CLOCK.abbreviations.has(prev.lower) && timeGoesOn(text, dot.end, mode)) return false;
  }
  // The next visible character must start a sentence: not a lower-case letter in mixed text, not a digit run-on.
  let j = dot.end;
  while (j < text.length && (text[j] === '"' || text[j] === '”' || text[j] === ')' || text[j] === "'")) j++;
  if (j < text.length && !/\s/.test(text[j]!)) return false;
  return true;
}
