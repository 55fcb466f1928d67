// Dates as they come in reports and metadata ("Mon, 22 May 2017 23:00:00 +0100", "9 JAN 90",
// "D:20170522120000Z", "2017-05-22T21:31:00Z") normalised to ISO: YYYY-MM-DD, or the full ISO
// date-time when one was given. Numeric day/month orders that are ambiguous (05/06/2017) give null.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const WEEKDAY = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4}|\d{2})\b/i;
const MONTH_DAY_YEAR = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;

const pad = (n: number): string => String(n).padStart(2, '0');

function ymd(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > days ? null : `${year}-${pad(month)}-${pad(day)}`;
}

const fullYear = (y: string): number => (y.length === 2 ? (Number(y) < 50 ? 2000 : 1900) + Number(y) : Number(y));

/** ISO form of a date given as text (or a Date, as YAML may give), or null when it is not a date. */
export function normaliseDate(value: unknown): string | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value !== 'string') return null;
  const s = value.trim();
  let m = ISO.exec(s);
  if (m) {
    const date = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
    if (!date || !m[4]) return date;
    return `${date}T${m[4]}${m[5] ? m[5].toUpperCase() : ''}`;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(s)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) return s;
  if (/^\d{4}$/.test(s)) return s;
  if ((m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s))) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  // PDF dates: D:YYYYMMDDHHmmSS+hh'mm'
  if ((m = /^(?:D:)?(\d{4})(\d{2})(\d{2})(?:\d{2,6})?(?:Z|[+-]\d{2}'?\d{2}'?)?$/.exec(s))) {
    return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  const t = s.replace(WEEKDAY, '');
  if ((m = DAY_MONTH_YEAR.exec(t)) && MONTHS[m[2].toLowerCase()]) {
    return ymd(fullYear(m[3]), MONTHS[m[2].toLowerCase()], Number(m[1]));
  }
  if ((m = MONTH_DAY_YEAR.exec(t)) && MONTHS[m[1].toLowerCase()]) {
    return ymd(Number(m[3]), MONTHS[m[1].toLowerCase()], Number(m[2]));
  }
  return null;
}
