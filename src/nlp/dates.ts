// Date expressions, absolute and relative, resolved against a reference date (publication or dateline).
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';
import type { IncidentDate } from '../model.js';

export interface DateMention {
  start: number;
  end: number;
  text: string;
  value: IncidentDate;
  precision: 'day' | 'month' | 'year' | 'range';
  /** True for "today", "on Friday", "last week": they only mean something against the reference date. */
  relative: boolean;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTHS = MONTH_NAMES.map(m => m.slice(0, 3));
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = "(\\d{4}|'?\\d{2})";

/** Holidays on a fixed day, by name without apostrophes: [month, day]. */
const HOLIDAYS: Record<string, [number, number]> = (JSON.parse(readFileSync(dataPath('lexicon', 'holidays.json'), 'utf8')) as { fixed: Record<string, [number, number]> }).fixed;
const holiday = (name: string): [number, number] | undefined => Object.entries(HOLIDAYS).find(([h]) => h.replace(/'/g, '') === name)?.[1];

const PATTERNS: { re: string; kind: string }[] = [
  { re: '(\\d{4})-(\\d{2})-(\\d{2})', kind: 'iso' },
  { re: `${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?`, kind: 'dmy' },
  { re: `${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?`, kind: 'mdy' },
  { re: `(?:early|late|mid|earlier|later)?[- ]?(?:in\\s+)?${MONTH}\\s+(\\d{4})`, kind: 'my' },
  { re: '(last|this|on|early|earlier|late|later)\\s+(?:this\\s+)?(week|month|year|weekend)', kind: 'period' },
  { re: '(over\\s+the|at\\s+the|during\\s+the)\\s+(weekend)', kind: 'period' },
  { re: '(the\\s+day\\s+before\\s+yesterday|yesterday|today|tonight|last\\s+night|this\\s+(?:morning|afternoon|evening))', kind: 'deictic' },
  { re: '(?:(last|this|on|early|late|on\\s+the\\s+night\\s+of)\\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)', kind: 'weekday' },
  { re: '(?:in|since|during|of)\\s+(\\d{4})\\b', kind: 'year' },
  // "the 1994 bombing", "the 1998 embassy bombings": a year before what it dates.
  { re: 'the\\s+(\\d{4})(?=\\s+[a-z])', kind: 'year' },
  { re: `(\\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s+(day|week|month|year)s?\\s+ago`, kind: 'ago' },
  { re: `(${Object.keys(HOLIDAYS).map(h => h.replace(/'/g, "['’]?").replace(/ /g, '\\s+')).join('|')})`, kind: 'holiday' },
  // "in October", "last March" with no day or year: the latest such month (a month name alone may be a verb or a name).
  { re: `(in|last|since|during|early|late|mid|earlier\\s+in|later\\s+in)[- ]\\s*${MONTH}(?!\\s*\\d)`, kind: 'month' },
];
const AGO_WORDS = ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const DATE_RE = new RegExp(PATTERNS.map(p => `\\b(?:${p.re})\\b`).map(r => `(${r})`).join('|'), 'gi');
// Capture-group offsets of each alternative, so one pass over the text finds every kind.
const GROUP_OFFSETS: number[] = [];
{
  let g = 1;
  for (const p of PATTERNS) {
    GROUP_OFFSETS.push(g);
    g += 1 + new RegExp(`(?:${p.re})|`).exec('')!.length - 1;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86400000);
const monthIndex = (s: string) => MONTHS.indexOf(s.slice(0, 3).toLowerCase());

/** The day `n` days after an ISO day ("2019-11-08", -7 → "2019-11-01"). */
export function shiftDay(day: string, n: number): string {
  return iso(addDays(new Date(Date.parse(day.slice(0, 10))), n));
}

/** "November" → 11; null for any other word (and for "may", too often the verb). */
export function monthOfName(word: string): number | null {
  const k = MONTH_NAMES.indexOf(word.toLowerCase());
  return k < 0 || k === 4 ? null : k + 1;
}

function fullYear(y: string): number {
  const n = Number(y.replace("'", ''));
  return y.replace("'", '').length === 2 ? (n > 40 ? 1900 + n : 2000 + n) : n;
}

function validDay(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m, d));
  return dt.getUTCMonth() === m && d >= 1 ? iso(dt) : null;
}

/** A day and month without a year: the latest such date not after the reference (news looks back). */
function inferYear(m: number, d: number, ref: Date | null): string | null {
  if (!ref) return null;
  let y = ref.getUTCFullYear();
  const cand = validDay(y, m, d);
  if (cand && cand > iso(addDays(ref, 1))) y--;
  return validDay(y, m, d);
}

export function parseReference(published: string | null | undefined): Date | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function findDates(text: string, reference: string | null | undefined): DateMention[] {
  const ref = parseReference(reference);
  const out: DateMention[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    const k = GROUP_OFFSETS.findIndex(g => m![g] !== undefined);
    const g = GROUP_OFFSETS[k]!;
    const v = resolve(PATTERNS[k]!.kind, m, g, ref);
    if (v) out.push({ start: m.index, end: m.index + m[0].length, text: m[0], ...v });
  }
  return out;
}

type Resolved = Pick<DateMention, 'value' | 'precision' | 'relative'>;

function resolve(kind: string, m: RegExpExecArray, g: number, ref: Date | null): Resolved | null {
  const a = m[g + 1], b = m[g + 2], c = m[g + 3];
  switch (kind) {
    case 'iso': {
      const v = validDay(Number(a), Number(b) - 1, Number(c));
      return v ? { value: v, precision: 'day', relative: false } : null;
    }
    case 'dmy': case 'mdy': {
      const day = Number(kind === 'dmy' ? a : b), mon = monthIndex(kind === 'dmy' ? b! : a!);
      if (day < 1 || day > 31 || mon < 0) return null;
      const v = c ? validDay(fullYear(c), mon, day) : inferYear(mon, day, ref);
      return v ? { value: v, precision: 'day', relative: !c } : null;
    }
    case 'my': {
      const mon = monthIndex(a!);
      return mon < 0 ? null : { value: `${b}-${pad(mon + 1)}`, precision: 'month', relative: false };
    }
    case 'holiday': {
      const day = holiday(a!.toLowerCase().replace(/['’]/g, '').replace(/\s+/g, ' '));
      const v = day ? inferYear(day[0] - 1, day[1], ref) : null;
      return v ? { value: v, precision: 'day', relative: true } : null;
    }
    case 'month': {
      const mon = monthIndex(b!);
      if (!ref || mon < 0) return null;
      const now = ref.getUTCMonth();
      const y = ref.getUTCFullYear() - (mon > now || mon === now && a!.toLowerCase() === 'last' ? 1 : 0);
      return { value: `${y}-${pad(mon + 1)}`, precision: 'month', relative: true };
    }
    case 'year': {
      const y = Number(a);
      return y >= 1900 && y <= 2100 ? { value: String(y), precision: 'year', relative: false } : null;
    }
    case 'deictic': {
      if (!ref) return null;
      const w = a!.toLowerCase().replace(/\s+/g, ' ');
      const back = w.startsWith('the day before') ? 2 : w === 'yesterday' || w === 'last night' ? 1 : 0;
      return { value: iso(addDays(ref, -back)), precision: 'day', relative: true };
    }
    case 'weekday': {
      if (!ref) return null;
      const wd = WEEKDAYS.indexOf(b!.toLowerCase());
      let diff = (ref.getUTCDay() - wd + 7) % 7;
      if ((a ?? '').toLowerCase() === 'last' && diff === 0) diff = 7;
      return { value: iso(addDays(ref, -diff)), precision: 'day', relative: true };
    }
    case 'period': {
      if (!ref) return null;
      const which = a!.toLowerCase().replace(/\s+/g, ' '), unit = b!.toLowerCase();
      // Weeks run Monday to Sunday: "last week" in Monday's paper takes in the Sunday just gone.
      const weekday = (ref.getUTCDay() + 6) % 7;
      if (unit === 'weekend' && which === 'last') return { value: { from: iso(addDays(ref, -2 - weekday)), to: iso(addDays(ref, -1 - weekday)) }, precision: 'range', relative: true };
      // "over the weekend", "this weekend": the one under way (a weekend's paper) or the one just gone.
      if (unit === 'weekend') {
        return weekday >= 5
          ? { value: { from: iso(addDays(ref, 5 - weekday)), to: iso(ref) }, precision: 'range', relative: true }
          : { value: { from: iso(addDays(ref, -2 - weekday)), to: iso(addDays(ref, -1 - weekday)) }, precision: 'range', relative: true };
      }
      if (unit === 'week' || unit === 'weekend') {
        if (which === 'last') return { value: { from: iso(addDays(ref, -7 - weekday)), to: iso(addDays(ref, -1 - weekday)) }, precision: 'range', relative: true };
        return { value: { from: iso(addDays(ref, -weekday)), to: iso(ref) }, precision: 'range', relative: true };
      }
      if (unit === 'month') {
        const d = which === 'last' ? new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - 1, 1)) : ref;
        return { value: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`, precision: 'month', relative: true };
      }
      const y = ref.getUTCFullYear() - (which === 'last' ? 1 : 0);
      return { value: String(y), precision: 'year', relative: true };
    }
    case 'ago': {
      if (!ref) return null;
      const w = a!.toLowerCase();
      const n = /^\d/.test(w) ? Number(w) : Math.max(1, AGO_WORDS.indexOf(w === 'an' ? 'a' : w));
      const unit = b!.toLowerCase();
      if (unit === 'day') return { value: iso(addDays(ref, -n)), precision: 'day', relative: true };
      // "two weeks ago": the week that ended n weeks before the reference.
      if (unit === 'week') return { value: { from: iso(addDays(ref, -7 * n - 3)), to: iso(addDays(ref, -7 * n + 3)) }, precision: 'range', relative: true };
      if (unit === 'month') {
        const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() - n, 1));
        return { value: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`, precision: 'month', relative: true };
      }
      return { value: String(ref.getUTCFullYear() - n), precision: 'year', relative: true };
    }
  }
  return null;
}
