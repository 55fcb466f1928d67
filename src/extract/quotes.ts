// Quotes and statements: who said what, with the speaker's role and affiliation when the text gives them
// ("said Colin Clarke, a counterterrorism expert at the Rand Corporation").
import type { Quote } from '../model.js';
import { tokenAt, type Annotated } from './annotate.js';
import type { Sentence } from '../nlp/tokens.js';
import { isTitle } from './names.js';

const VERB = '(?:said|says|added|argued|explained|warned|told\\s+[\\w\\s]{1,30}?|stated|noted|wrote|insisted|declared)';
const NAME = "((?:[A-Z][\\w'’.-]+\\s+){0,3}[A-Z][\\w'’-]+)";
const PRONOUN = '(he|she|they)';
const APPOSITION = "(?:,\\s+(?:an?|the)\\s+([^,“”\"]+?)(?:\\s+(?:at|of|with|for|from)\\s+(?:the\\s+)?([^,.“”\"]+))?(?=[,.]|$))?";
/** Lower-case words of a role before a name ("police spokeswoman Anna Berg told reporters"). */
const ROLE_WORDS = '((?:[a-z][\\w-]*\\s+){1,3})?';
/** A speaker described, not named ("a Cairo-based Western diplomat who asked not to be named told Reuters"). */
const DESCRIBED = '(an?\\s+[^,“”"]{3,60}?)(?:\\s+who\\s+[^,“”"]{3,40}?)?';
const AFTER = new RegExp(`^[,\\s]*(?:${VERB}\\s+${NAME}${APPOSITION}|(?:${ROLE_WORDS}${NAME}|${PRONOUN})\\s+${VERB}\\b|${DESCRIBED}\\s+${VERB}\\b)`);
const BEFORE = new RegExp(`${NAME}${APPOSITION},?\\s+${VERB}[:,]?\\s*$`);
const QUOTED = /[“"]([^”"]{15,}?)[”"]/g;

interface Speaker { name: string; role: string | null; affiliation: string | null }

export function quotes(a: Annotated): Quote[] {
  if (a.mode !== 'mixed') return []; // names are told apart by their capitals
  const out: Quote[] = [];
  const known: Speaker[] = [];
  let last: Speaker | null = null;
  const remember = (titled: string, role: string | null, affiliation: string | null): Speaker => {
    // "Interior Minister Karl Nehammer": the title is the role.
    const words = titled.split(/\s+/);
    const k = words.reduce((last, w, i) => (i < words.length - 1 && isTitle(w.toLowerCase()) ? i : last), -1);
    const name = k >= 0 ? words.slice(k + 1).join(' ') : titled;
    if (k >= 0) role ??= words.slice(0, k + 1).join(' ');
    const surname = name.split(/\s+/).pop()!;
    const prior = known.find(k => k.name === name || k.name.endsWith(' ' + surname));
    if (prior) { if (role && !prior.role) { prior.role = role; prior.affiliation = affiliation; } return prior; }
    const s = { name, role, affiliation };
    known.push(s);
    return s;
  };
  // A quote may run over several sentences ("We will not forgive. We will not forget," Biden said): quotes are
  // found in each paragraph, the speaker in the sentence the quote ends in or begins in.
  for (const p of paragraphs(a)) {
    const text = a.text.slice(p.start, p.end);
    QUOTED.lastIndex = 0;
    for (let m = QUOTED.exec(text); m; m = QUOTED.exec(text)) {
      const open = p.start + m.index, close = open + m[0].length;
      const endSentence = sentenceAt(a, close - 1), startSentence = sentenceAt(a, open);
      const after = AFTER.exec(a.text.slice(close, Math.max(close, endSentence.end)));
      const before = after ? null : BEFORE.exec(a.text.slice(startSentence.start, open));
      let speaker: Speaker | null = null;
      if (after) {
        // Groups: said NAME, ROLE, AFFILIATION | ROLE WORDS, NAME | PRONOUN | DESCRIPTION.
        if (after[1]) speaker = remember(after[1], after[2] ?? null, after[3] ?? null);
        else if (after[5]) speaker = remember(after[5], after[4]?.trim() ?? null, null);
        else if (after[6]) speaker = last;
        else if (after[7]) speaker = { name: after[7], role: null, affiliation: null };
      } else if (before) speaker = remember(before[1]!, before[2] ?? null, before[3] ?? null);
      else if (open === startSentence.start && last && out.length && out[out.length - 1]!.end >= open - 2) speaker = last;
      if (!speaker) continue;
      last = speaker;
      const said = m[1]!.replace(/[\s,;:]+$/, '');
      const start = open + 1, end = start + said.length;
      out.push({ speaker: speaker.name, role: speaker.role, affiliation: speaker.affiliation, text: said, start, end });
    }
  }
  return out;
}

/** The sentence holding character offset `c` (the quote marks are tokens of their own). */
function sentenceAt(a: Annotated, c: number): Sentence {
  return a.sentences[a.tokens[Math.min(tokenAt(a.tokens, c), a.tokens.length - 1)]!.sent]!;
}

/** The text's paragraphs, as character ranges. */
function paragraphs(a: Annotated): { start: number; end: number }[] {
  const out: { start: number; end: number; para: number }[] = [];
  for (const s of a.sentences) {
    const last = out[out.length - 1];
    if (last && last.para === s.para) last.end = s.end;
    else out.push({ start: s.start, end: s.end, para: s.para });
  }
  return out;
}
