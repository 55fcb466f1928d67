// Every query and body the API accepts, as zod schemas: validated once at the edge (STYLE.md),
// and turned into the OpenAPI document's parameters.
import { z } from 'zod';
import { ATTRIBUTIONS, INCIDENT_TYPES, STATUSES, TARGET_CATEGORIES, WEAPON_TYPES } from '../model.js';

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD');
const boolFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const id = z.string().min(1).max(200);

export const pagingQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

/** IncidentFilter as query parameters; empty strings (an unset form field) count as absent. */
export const filterQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  country: z.string().min(1).max(100).optional(),
  type: z.enum(INCIDENT_TYPES).optional(),
  status: z.enum(STATUSES).optional(),
  group: z.string().min(1).max(200).optional(),
  minKilled: z.coerce.number().int().min(0).optional(),
  q: z.string().min(1).max(500).optional(),
  reviewed: z.enum(['accepted', 'rejected', 'pending']).optional(),
  includeRejected: boolFlag.optional(),
});

export const sortQuery = z.strictObject({
  sort: z.enum(['date', 'killed', 'injured', 'country', 'type', 'updated']).optional(),
  order: z.enum(['asc', 'desc']).optional(),
});

export const incidentsQuery = filterQuery.extend(pagingQuery.shape).extend(sortQuery.shape);
export const exportQuery = filterQuery.extend(sortQuery.shape);
export const timelineQuery = filterQuery.extend({ interval: z.enum(['week', 'month']).default('month') });
export const searchQuery = z.strictObject({
  q: z.string().trim().min(1, 'q is required').max(500),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});
export const uploadQuery = z.strictObject({ filename: z.string().min(1).max(255).optional() });

export const idParams = z.strictObject({ id });

export const mergeBody = z.strictObject({ other: id });
export const splitBody = z.strictObject({ mentionIds: z.array(id).min(1).max(1000) });

/** Drops empty query values so that `?country=` means "any country". */
export function withoutEmpty(query: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (v !== '' && v !== undefined) out[k] = v;
  }
  return out;
}

// ── the values a person may set on an incident field (PATCH /api/incidents/:id) ──

const count = z.union([
  z.number().int().min(0).transform((value) => ({ value })),
  z.strictObject({ value: z.number().int().min(0), qualifier: z.string().max(40).optional(), max: z.number().int().min(0).optional() }),
]).nullable();
const dateValue = z.union([isoDate, z.strictObject({ from: isoDate.optional(), to: isoDate.optional() })]).nullable();
const shortText = z.string().trim().min(1).max(300);

export const FIELD_VALUES = {
  type: z.enum(INCIDENT_TYPES),
  status: z.enum(STATUSES),
  date: dateValue,
  location: z.strictObject({
    country: z.string().max(100).nullable(),
    countryCode: z.string().regex(/^[A-Z]{2}$/).nullable(),
    admin1: z.string().max(100).nullable(),
    place: z.string().max(200).nullable(),
    lat: z.number().min(-90).max(90).nullable(),
    lon: z.number().min(-180).max(180).nullable(),
    precision: z.enum(['exact', 'city', 'admin1', 'region', 'country']),
  }).nullable(),
  perpetrators: z.array(z.strictObject({
    name: shortText, kind: z.enum(['organization', 'individual']),
    attribution: z.enum(ATTRIBUTIONS).optional(), actorId: z.string().max(100).optional(),
  })).max(50),
  targets: z.array(z.strictObject({ text: shortText, category: z.enum(TARGET_CATEGORIES) })).max(50),
  victims: z.array(z.strictObject({ text: shortText })).max(50),
  weapons: z.array(z.strictObject({ text: shortText, type: z.enum(WEAPON_TYPES) })).max(50),
  killed: count,
  injured: count,
  perpetratorsKilled: count,
  suicide: z.boolean(),
  group: z.string().max(100).nullable(),
  summary: z.string().max(5000).nullable(),
} as const;

export type EditableField = keyof typeof FIELD_VALUES;

export const editBody = z.strictObject({
  field: z.enum(Object.keys(FIELD_VALUES) as [EditableField, ...EditableField[]]),
  value: z.unknown(),
}).transform((body, ctx) => {
  const parsed = FIELD_VALUES[body.field].safeParse(body.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['value', ...issue.path] } as z.core.$ZodRawIssue);
    return z.NEVER;
  }
  return { field: body.field, value: parsed.data as unknown };
});

export const pointsQuery = filterQuery.extend({ limit: z.coerce.number().int().min(1).max(10000).default(5000) });
