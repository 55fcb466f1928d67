// Incident dates as spans of day numbers, so that "2015-11-13", "2015-11" and "2015" compare.
import type { IncidentDate } from '../model.js';

export type DatePrecision = 'day' | 'month' | 'year' | 'range';

export interface DaySpan {
  /** Days since 1970-01-01, inclusive. */
  from: number;
  to: number;
  precision: DatePrecision;
}

const DAY_MS = 86_400_000;

export function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A partial ISO date ("2015", "2015-11", "2015-11-13", or a date-time) as a span. */
export function parsePartial(s: string): DaySpan | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s.trim());
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) {
    const d = dayNumber(y, Number(m[2]), Number(m[3]));
    return { from: d, to: d, precision: 'day' };
  }
  if (m[2]) {
    const mo = Number(m[2]);
    return { from: dayNumber(y, mo, 1), to: dayNumber(y, mo + 1, 1) - 1, precision: 'month' };
  }
  return { from: dayNumber(y, 1, 1), to: dayNumber(y + 1, 1, 1) - 1, precision: 'year' };
}

export function dateSpan(date: IncidentDate): DaySpan | null {
  if (date === null || date === undefined) return null;
  if (typeof date === 'string') return parsePartial(date);
  const a = date.from ? parsePartial(date.from) : null;
  const b = date.to ? parsePartial(date.to) : null;
  if (!a && !b) return null;
  const from = (a ?? b)!.from;
  const to = (b ?? a)!.to;
  if (from === to) return { from, to, precision: 'day' };
  return { from: Math.min(from, to), to: Math.max(from, to), precision: 'range' };
}

/** Smaller is more precise. */
export function spanWidth(s: DaySpan | null): number {
  return s ? s.to - s.from : Number.POSITIVE_INFINITY;
}

/** A publication date (date or date-time) as a sortable number; null sorts first. */
export function publishedKey(p: string | null | undefined): number {
  if (!p) return Number.NEGATIVE_INFINITY;
  const t = Date.parse(p);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}
