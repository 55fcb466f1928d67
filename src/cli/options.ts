// Validation of CLI flags at the edge (zod): inside, the types are trusted.
import { z } from 'zod';
import { INCIDENT_TYPES, STATUSES } from '../model.js';
import type { IncidentFilter } from '../store/store.js';

/** A real calendar date: 2015-02-30 and 2015-13 match the pattern but are not dates. */
const realDate = (s: string): boolean => {
  const day = s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s;
  const t = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(day);
};
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date like 2015-11-13, 2015-11 or 2015')
  .refine(realDate, 'not a real date (month 01-12, day within the month)');

export const filterSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  country: z.string().min(1).optional(),
  type: z.enum(INCIDENT_TYPES).optional(),
  status: z.enum(STATUSES).optional(),
  group: z.string().min(1).optional(),
  minKilled: z.coerce.number().int().min(0).optional(),
  q: z.string().min(1).optional(),
  sort: z.enum(['date', 'killed', 'injured', 'country', 'type', 'updated']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.coerce.number().int().min(1).max(1000000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

/** Partial dates widen to the whole month or year: --from 2015-11 means from the 1st, --to 2015 to 31 Dec. */
export function toFilter(raw: Record<string, unknown>): IncidentFilter {
  const parsed = filterSchema.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new UsageError(`--${String(i.path[0]).replace(/[A-Z]/g, c => '-' + c.toLowerCase())}: ${i.message}`);
  }
  const f: IncidentFilter = { ...parsed.data };
  if (f.from) f.from = f.from.length === 4 ? `${f.from}-01-01` : f.from.length === 7 ? `${f.from}-01` : f.from;
  if (f.to) f.to = f.to.length === 4 ? `${f.to}-12-31` : f.to.length === 7 ? `${f.to}-31` : f.to;
  return f;
}

export class UsageError extends Error {}
