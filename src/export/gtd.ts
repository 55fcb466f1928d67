// The GTD-codebook CSV export: GTD's column names and codes, so that a Vigil export loads next to
// GTD data. eventid follows GTD's YYYYMMDDNNNN (NNNN numbers the incidents of one day within the
// export); the Vigil incident id goes to addnotes and the source document ids to scite1..3.
import type { Count } from '../model.js';
import type { IncidentRow } from '../store/store.js';
import { countValue, dateParts, dateText } from './fields.js';
import { attackType, gtdCountry, regionName, targetType, weaponType } from './gtd-codes.js';
import { csvRecord, type Cell } from './rfc4180.js';

export const GTD_COLUMNS = [
  'eventid', 'iyear', 'imonth', 'iday', 'approxdate', 'country', 'country_txt', 'region', 'region_txt',
  'provstate', 'city', 'latitude', 'longitude', 'specificity', 'summary', 'multiple', 'success', 'suicide',
  'attacktype1', 'attacktype1_txt', 'targtype1', 'targtype1_txt', 'target1', 'gname', 'guncertain1',
  'claimed', 'weaptype1', 'weaptype1_txt', 'weaptype2', 'weaptype2_txt', 'weapdetail', 'nkill', 'nkillter',
  'nwound', 'ishostkid', 'addnotes', 'scite1', 'scite2', 'scite3', 'dbsource',
] as const;

/** GTD geocoding specificity: 1 city or better, 3 a region, 4 a first-order division, 5 none. */
const SPECIFICITY: Record<string, number> = { exact: 1, city: 1, region: 3, admin1: 4, country: 5 };

const bit = (b: boolean): number => (b ? 1 : 0);

/** The group GTD's gname names: the first organization that did not deny it; "Unknown" otherwise. */
function mainGroup(row: IncidentRow) {
  return row.perpetrators.find((p) => p.kind === 'organization' && p.attribution !== 'denied') ?? null;
}

/** GTD's nkill counts victims and perpetrators; Vigil keeps them apart. */
function totalKilled(killed: Count | null, perpetrators: Count | null | undefined): number | null {
  const k = countValue(killed);
  if (k === null) return null;
  return k + (countValue(perpetrators) ?? 0);
}

function weaponTypes(row: IncidentRow): string[] {
  const types = [...new Set(row.weapons.map((w) => w.type))].filter((t) => t !== 'unknown');
  if (types.length === 0 && row.type === 'vehicle_ramming') types.push('vehicle');
  return types;
}

export function gtdCells(row: IncidentRow, eventid: string): Cell[] {
  const [year, month, day] = dateParts(row.date);
  const date = dateText(row.date);
  const exactDate = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const loc = row.location;
  const country = gtdCountry(loc?.countryCode, loc?.country);
  const hasCoords = typeof loc?.lat === 'number' && typeof loc?.lon === 'number';
  const attack = attackType(row.type);
  const target = row.targets[0];
  const targ = targetType(target?.category);
  const weapons = weaponTypes(row);
  const weap1 = weaponType(weapons[0]);
  const weap2 = weapons[1] ? weaponType(weapons[1]) : null;
  const group = mainGroup(row);
  const notes = [`vigil:${row.id}`, row.group ? `group:${row.group}` : '', `review:${row.review}`];
  return [
    eventid,
    year || null,
    month,
    day,
    exactDate ? '' : date,
    country?.code ?? 0,
    country?.name ?? loc?.country ?? '',
    country ? country.region : null,
    country ? regionName(country.region) : '',
    loc?.admin1 ?? '',
    loc?.place ?? '',
    hasCoords ? loc!.lat : null,
    hasCoords ? loc!.lon : null,
    hasCoords ? (SPECIFICITY[loc!.precision] ?? 1) : 5,
    row.summary ?? '',
    bit(Boolean(row.group)),
    bit(row.status === 'carried_out'),
    bit(row.suicide),
    attack[0],
    attack[1],
    targ[0],
    targ[1],
    target?.text ?? '',
    group?.name ?? 'Unknown',
    group ? bit(group.attribution === 'suspected') : 0,
    bit(row.perpetrators.some((p) => p.attribution === 'claimed')),
    weap1[0],
    weap1[1],
    weap2?.[0] ?? null,
    weap2?.[1] ?? '',
    row.weapons.map((w) => w.text).join('; '),
    totalKilled(row.killed, row.perpetratorsKilled),
    countValue(row.perpetratorsKilled ?? null),
    countValue(row.injured),
    bit(row.type === 'kidnapping' || row.type === 'hostage_taking'),
    notes.filter(Boolean).join(' '),
    row.sources[0] ?? '',
    row.sources[1] ?? '',
    row.sources[2] ?? '',
    'Vigil',
  ];
}

/** Numbers eventids as GTD does: YYYYMMDD then a four-digit count within that day. */
export class GtdEventIds {
  private perDay = new Map<string, number>();
  next(row: IncidentRow): string {
    const [y, m, d] = dateParts(row.date);
    const day = String(y).padStart(4, '0') + String(m).padStart(2, '0') + String(d).padStart(2, '0');
    const n = (this.perDay.get(day) ?? 0) + 1;
    this.perDay.set(day, n);
    return day + String(n).padStart(4, '0');
  }
}

export const gtdHeader = (): string => csvRecord(GTD_COLUMNS);

export function toGtdCsv(rows: readonly IncidentRow[]): string {
  const ids = new GtdEventIds();
  return gtdHeader() + rows.map((r) => csvRecord(gtdCells(r, ids.next(r)))).join('');
}
