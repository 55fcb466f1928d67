// Small readers of incident fields shared by the formatters.
import type { Count, IncidentDate } from '../model.js';

/** "2015-11-13", "2015-11", "2015", "2015-11-13/2015-11-15", or "" when unknown. */
export function dateText(date: IncidentDate): string {
  if (date === null || date === undefined) return '';
  if (typeof date === 'string') return date;
  if (date.from && date.to) return date.from === date.to ? date.from : `${date.from}/${date.to}`;
  return date.from ?? date.to ?? '';
}

/** The first day a date can stand for, as [year, month, day] with 0 for unknown parts. */
export function dateParts(date: IncidentDate): [number, number, number] {
  const text = typeof date === 'string' ? date : date ? (date.from ?? date.to ?? '') : '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(text);
  if (!m) return [0, 0, 0];
  return [Number(m[1]), m[2] ? Number(m[2]) : 0, m[3] ? Number(m[3]) : 0];
}

export function countValue(count: Count | number | null | undefined): number | null {
  if (count === null || count === undefined) return null;
  if (typeof count === 'number') return count;
  return typeof count.value === 'number' ? count.value : null;
}

export const joinList = (items: readonly string[]): string => items.join('; ');
