// Checks shared by both stores' review actions.
import { z } from 'zod';
import { INCIDENT_TYPES, STATUSES, type Incident } from '../../model.js';

/** Fields a person may correct; ids, sources and evidence belong to the sources. */
export const EDITABLE_FIELDS: readonly (keyof Incident)[] = [
  'type', 'status', 'date', 'location', 'perpetrators', 'targets', 'victims', 'weapons',
  'killed', 'injured', 'perpetratorsKilled', 'suicide', 'group', 'summary',
];

const count = z.union([
  z.number().int().min(0).transform(value => ({ value })),
  z.object({ value: z.number().int().min(0), qualifier: z.string().optional(), max: z.number().int().optional() }),
  z.null(),
]);
const day = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date like 2015-11-13, 2015-11 or 2015');
/** What a person may write in each field: checked here so that both stores keep the incident JSON's shape. */
const VALUES: Partial<Record<keyof Incident, z.ZodType>> = {
  type: z.enum(INCIDENT_TYPES),
  status: z.enum(STATUSES),
  date: z.union([day, z.object({ from: day.optional(), to: day.optional() }), z.null()]),
  killed: count, injured: count, perpetratorsKilled: count,
  suicide: z.boolean(),
  summary: z.string(),
  group: z.union([z.string(), z.null()]),
  perpetrators: z.array(z.object({ name: z.string().min(1), kind: z.enum(['organization', 'individual']) }).passthrough()),
  targets: z.array(z.object({ text: z.string().min(1) }).passthrough()),
  victims: z.array(z.object({ text: z.string().min(1) }).passthrough()),
  weapons: z.array(z.object({ text: z.string().min(1) }).passthrough()),
  location: z.union([z.object({ country: z.string().nullable() }).passthrough(), z.null()]),
};

/** The field and the value to store, or an error saying what is wrong with them. */
export function checkEdit(field: string, value: unknown): { key: keyof Incident; value: unknown } {
  if (!(EDITABLE_FIELDS as readonly string[]).includes(field)) {
    throw new Error(`vigil: field "${field}" cannot be edited (editable: ${EDITABLE_FIELDS.join(', ')})`);
  }
  const key = field as keyof Incident;
  const schema = VALUES[key];
  if (!schema) return { key, value };
  const r = schema.safeParse(value);
  if (!r.success) throw new Error(`vigil: ${field}: ${r.error.issues[0]?.message ?? 'invalid value'}`);
  return { key, value: r.data };
}

export class NotFoundError extends Error {
  constructor(what: string, id: string) { super(`vigil: ${what} ${id} not found`); this.name = 'NotFoundError'; }
}
