// The flat CSV export: one row per incident, lists joined with "; ".
import type { IncidentRow } from '../store/store.js';
import { countValue, dateText, joinList } from './fields.js';
import { csvRecord, type Cell } from './rfc4180.js';

export const CSV_COLUMNS = [
  'id', 'date', 'type', 'status', 'country', 'admin1', 'place', 'lat', 'lon', 'perpetrators',
  'attribution', 'targets', 'victims', 'weapons', 'killed', 'injured', 'suicide', 'group', 'sources', 'review',
] as const;

/** `perpetrators` and `attribution` are parallel lists: the n-th attribution is the n-th perpetrator's. */
export function csvCells(row: IncidentRow): Cell[] {
  const loc = row.location;
  return [
    row.id,
    dateText(row.date),
    row.type,
    row.status,
    loc?.country ?? '',
    loc?.admin1 ?? '',
    loc?.place ?? '',
    loc?.lat ?? null,
    loc?.lon ?? null,
    joinList(row.perpetrators.map((p) => p.name)),
    joinList(row.perpetrators.map((p) => p.attribution ?? '')),
    joinList(row.targets.map((t) => `${t.text} (${t.category})`)),
    joinList(row.victims.map((v) => v.text)),
    joinList(row.weapons.map((w) => `${w.text} (${w.type})`)),
    countValue(row.killed),
    countValue(row.injured),
    row.suicide ? 1 : 0,
    row.group ?? '',
    joinList(row.sources),
    row.review,
  ];
}

export const csvHeader = (): string => csvRecord(CSV_COLUMNS);

export function toCsv(rows: readonly IncidentRow[]): string {
  return csvHeader() + rows.map((r) => csvRecord(csvCells(r))).join('');
}
