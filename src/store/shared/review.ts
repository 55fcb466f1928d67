// Checks shared by both stores' review actions.
import type { Incident } from '../../model.js';

/** Fields a person may correct; ids, sources and evidence belong to the sources. */
export const EDITABLE_FIELDS: readonly (keyof Incident)[] = [
  'type', 'status', 'date', 'location', 'perpetrators', 'targets', 'victims', 'weapons',
  'killed', 'injured', 'perpetratorsKilled', 'suicide', 'group', 'summary',
];

export function checkEditable(field: string): keyof Incident {
  if (!(EDITABLE_FIELDS as readonly string[]).includes(field)) {
    throw new Error(`vigil: field "${field}" cannot be edited (editable: ${EDITABLE_FIELDS.join(', ')})`);
  }
  return field as keyof Incident;
}

export class NotFoundError extends Error {
  constructor(what: string, id: string) { super(`vigil: ${what} ${id} not found`); this.name = 'NotFoundError'; }
}
