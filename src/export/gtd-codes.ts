// The GTD codebook tables (data/gtd-codes.json, data/gtd-countries.json) as lookups.
import { readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';

export type Coded = [code: number, label: string];

interface CodeTables {
  attacktype: Record<string, Coded>;
  targtype: Record<string, Coded>;
  weaptype: Record<string, Coded>;
  region: Record<string, string>;
}

export interface GtdCountry { code: number; name: string; region: number }

const readJson = <T>(name: string): T => JSON.parse(readFileSync(dataPath(name), 'utf8')) as T;

let tables: CodeTables | null = null;
let countries: Map<string, GtdCountry> | null = null;
let countriesByName: Map<string, GtdCountry> | null = null;

function codeTables(): CodeTables {
  return (tables ??= readJson<CodeTables>('gtd-codes.json'));
}

function table(kind: 'attacktype' | 'targtype' | 'weaptype', key: string | null | undefined): Coded {
  const t = codeTables()[kind];
  return (key && Object.hasOwn(t, key) ? t[key] : t._unknown) as Coded;
}

export const attackType = (type: string | null | undefined): Coded => table('attacktype', type);
export const targetType = (category: string | null | undefined): Coded => table('targtype', category);
export const weaponType = (type: string | null | undefined): Coded => table('weaptype', type);

export function regionName(region: number): string {
  return codeTables().region[String(region)] ?? '';
}

/** The GTD country for an ISO 3166 alpha-2 code, or failing that for a country name; null when unmapped. */
export function gtdCountry(isoCode: string | null | undefined, name: string | null | undefined): GtdCountry | null {
  if (!countries) {
    const raw = readJson<Record<string, GtdCountry>>('gtd-countries.json');
    countries = new Map(Object.entries(raw));
    countriesByName = new Map(Object.values(raw).map((c) => [c.name.toLowerCase(), c]));
  }
  if (isoCode) {
    const hit = countries.get(isoCode.toUpperCase());
    if (hit) return hit;
  }
  if (name) return countriesByName!.get(name.trim().toLowerCase()) ?? null;
  return null;
}
