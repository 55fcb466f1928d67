// How values read on screen.
import type { Count, IncidentDate, Location } from '../../src/model.js';

const nf = new Intl.NumberFormat('en');
export const num = (n: number | null | undefined): string => (typeof n === 'number' ? nf.format(n) : '—');

export function dateText(d: IncidentDate | undefined): string {
  if (!d) return '—';
  if (typeof d === 'string') return d;
  return d.from && d.to && d.from !== d.to ? `${d.from} – ${d.to}` : (d.from ?? d.to ?? '—');
}

export function countText(c: Count | number | null | undefined): string {
  if (c === null || c === undefined) return '—';
  if (typeof c === 'number') return num(c);
  const q = c.qualifier && !/^\d/.test(c.qualifier) ? c.qualifier + ' ' : '';
  return q + num(c.value) + (c.max ? `–${num(c.max)}` : '');
}

export const countValue = (c: Count | number | null | undefined): number =>
  c === null || c === undefined ? 0 : typeof c === 'number' ? c : c.value;

export function placeText(l: Location | null | undefined): string {
  if (!l) return '—';
  return [l.place, l.admin1 !== l.place ? l.admin1 : null, l.country].filter(Boolean).join(', ') || '—';
}

export const label = (key: string): string => key.replace(/_/g, ' ');

/** Any field value as one line of text. */
export function valueText(field: string, v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (field === 'killed' || field === 'injured' || field === 'perpetratorsKilled') return countText(v as Count);
  if (field === 'date') return dateText(v as IncidentDate);
  if (field === 'location') return placeText(v as Location);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string') return label(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '—';
    return v.map((x: Record<string, unknown>) => {
      const name = String(x.name ?? x.text ?? '');
      const extra = x.attribution ?? x.category ?? x.type;
      return extra ? `${name} (${label(String(extra))})` : name;
    }).join('; ');
  }
  return JSON.stringify(v);
}
