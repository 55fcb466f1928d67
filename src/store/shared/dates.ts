// Date helpers shared by both stores: an IncidentDate as an inclusive range of ISO days.
import type { IncidentDate } from '../../model.js';

export interface DayRange { from: string; to: string }

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** "2015-11-13" → that day; "2015-11" → the month; "2015" → the year; {from,to} → both ends. */
export function dayRange(date: IncidentDate | undefined): DayRange | null {
  if (date == null) return null;
  if (typeof date === 'string') {
    const r = partRange(date);
    return r;
  }
  if (typeof date !== 'object') return null;
  const a = date.from ? partRange(date.from) : null;
  const b = date.to ? partRange(date.to) : null;
  if (!a && !b) return null;
  return { from: (a ?? b)!.from, to: (b ?? a)!.to };
}

function partRange(s: string): DayRange | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s.trim());
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) { const d = `${m[1]}-${m[2]}-${m[3]}`; return { from: d, to: d }; }
  if (m[2]) {
    const mo = Number(m[2]);
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad(last)}` };
  }
  return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
}

/** Shifts an ISO day by n days. */
export function addDays(day: string, n: number): string {
  const d = new Date(day.slice(0, 10) + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const nowIso = (): string => new Date().toISOString();
