// The dateline that opens wire copy: "BOGOTA, 9 JAN 90 (EFE) --", "PARIS (Reuters) -",
// "LONDON, March 22 —", "KABUL, Afghanistan (AP) —". It gives the place the report was filed from
// and, when it carries a year, the date.
import { normaliseDate } from './dates.js';

export interface Dateline {
  /** The place as written ("BOGOTA", "KABUL, Afghanistan"). */
  place: string;
  /** ISO date, when the dateline has a full date. */
  date: string | null;
  /** The agency in parentheses ("EFE", "Reuters"). */
  agency: string | null;
}

const WORD = String.raw`(?:[A-Z][A-Za-z.'’-]*|de|del|la|las|los|el|al|of|da|do|du|les|upon|on)`;
const PLACE = String.raw`[A-Z][A-Za-z.'’-]*(?:[ \t]+${WORD}){0,5}`;
const DATELINE = new RegExp(
  String.raw`^[ \t]*(${PLACE})((?:,[ \t]*[A-Za-z0-9][A-Za-z0-9. ]{0,24}){0,3})[ \t]*(?:\(([^()\n]{1,40})\))?[ \t]*(?:--|—|–|[ \t]-[ \t])`,
);

const isPlaceLike = (s: string): boolean => new RegExp(`^${PLACE}$`).test(s);
/** Upper-case openers that are not places. */
const NOT_PLACES = new Set(['BREAKING', 'UPDATE', 'UPDATED', 'EXCLUSIVE', 'ANALYSIS', 'OPINION', 'COMMENT', 'WATCH', 'LIVE', 'NOTE', 'EDITORS NOTE', 'CORRECTION', 'URGENT', 'FLASH', 'BULLETIN']);

/** The dateline at the start of `text` (its first line, or the first after a headline or two), or null. */
export function findDateline(text: string): Dateline | null {
  const lines = text.split('\n', 12).filter((l) => l.trim() !== '').slice(0, 3);
  for (const line of lines) {
    const found = parseDateline(line);
    if (found) return found;
    const headline = line.trim().length < 120 && !/[.:;,]$/.test(line.trim());
    if (!headline) return null;
  }
  return null;
}

function parseDateline(line: string): Dateline | null {
  const m = DATELINE.exec(line);
  if (!m) return null;
  // "NO DATE" / "NO CITY" are how wire services (and MUC) say a dateline field is unknown.
  const segments = m[2].split(',').map((s) => s.trim()).filter((s) => s && !/^no (?:date|city)$/i.test(s));
  if (/^no city$/i.test(m[1].trim())) return null;
  // Trailing segments that read as a date ("9 JAN 90", "May 2, 2010", "March 22") are the date;
  // the ones before it extend the place ("KABUL, Afghanistan").
  let dateAt = segments.length;
  let date: string | null = null;
  for (let i = 0; i < segments.length; i++) {
    const rest = segments.slice(i).join(', ');
    if (/\d/.test(rest) && /^(?:[a-z]{3,9}\.?\s+\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\b)/i.test(rest)) {
      dateAt = i;
      date = normaliseDate(rest);
      break;
    }
  }
  const region = segments.slice(0, dateAt);
  if (!region.every(isPlaceLike)) return null;
  const agency = m[3]?.trim() || null;
  const place = [m[1].trim(), ...region].join(', ');
  const shouting = /[A-Z]{2}/.test(m[1]) && m[1] === m[1].toUpperCase();
  if (!agency && dateAt === segments.length) {
    // A bare upper-case place ("WASHINGTON —") counts only when short and not a rubric ("BREAKING —").
    const words = m[1].trim().split(/\s+/);
    if (!shouting || words.length > 3 || NOT_PLACES.has(m[1].replace(/[^A-Z ]/g, '').trim())) return null;
  }
  return { place, date, agency };
}
