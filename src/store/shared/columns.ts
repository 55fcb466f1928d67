// The indexed copies of an incident's values: what filters, sorting and statistics read.
import { INCIDENT_TYPES, STATUSES, type Count, type Incident } from '../../model.js';
import type { MentionRecord } from '../../resolve/contract.js';
import { dayRange } from './dates.js';

export interface IncidentColumns {
  dateFrom: string | null;
  dateTo: string | null;
  country: string | null;
  countryCode: string | null;
  type: string;
  status: string;
  killed: number | null;
  injured: number | null;
  searchText: string;
  groups: { name: string; actorId: string | null }[];
}

export function countValue(c: Count | number | null | undefined): number | null {
  if (c == null) return null;
  if (typeof c === 'number') return Number.isFinite(c) ? c : null;
  return typeof c.value === 'number' && Number.isFinite(c.value) ? c.value : null;
}

export function incidentColumns(inc: Incident): IncidentColumns {
  const range = dayRange(inc.date);
  const loc = inc.location;
  const groups = new Map<string, { name: string; actorId: string | null }>();
  for (const p of inc.perpetrators ?? []) {
    if (p.kind !== 'organization' || !p.name) continue;
    if (!groups.has(p.name)) groups.set(p.name, { name: p.name, actorId: p.actorId ?? null });
    if (p.canonical && !groups.has(p.canonical)) groups.set(p.canonical, { name: p.canonical, actorId: p.actorId ?? null });
  }
  const words = [
    inc.type, inc.status, inc.summary, loc?.place, loc?.admin1, loc?.country, loc?.countryCode,
    ...(inc.perpetrators ?? []).map((p) => p.name),
    ...(inc.targets ?? []).map((t) => t.text),
    ...(inc.victims ?? []).map((v) => v.text),
    ...(inc.weapons ?? []).map((w) => w.text),
  ];
  return {
    dateFrom: range?.from ?? null,
    dateTo: range?.to ?? null,
    country: loc?.country ?? null,
    countryCode: loc?.countryCode ? loc.countryCode.toUpperCase() : null,
    type: inc.type,
    status: inc.status,
    killed: countValue(inc.killed as Count | number | null),
    injured: countValue(inc.injured as Count | number | null),
    searchText: words.filter((w): w is string => typeof w === 'string' && w !== '').join(' ').toLowerCase(),
    groups: [...groups.values()],
  };
}

export interface MentionColumns {
  countryCode: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  background: boolean;
}

/** The values the store indexes must be sound; anything else is the extractor's business. */
export function checkIncident(m: Incident, where: string): void {
  if (!m || typeof m !== 'object') throw new Error(`vigil: ${where}: not an incident`);
  if (!(INCIDENT_TYPES as readonly string[]).includes(m.type)) throw new Error(`vigil: ${where}: unknown type ${String(m.type)}`);
  if (!(STATUSES as readonly string[]).includes(m.status)) throw new Error(`vigil: ${where}: unknown status ${String(m.status)}`);
}

export function mentionColumns(m: Incident): MentionColumns {
  const range = dayRange(m.date);
  return {
    countryCode: m.location?.countryCode ? m.location.countryCode.toUpperCase() : null,
    dateFrom: range?.from ?? null,
    dateTo: range?.to ?? null,
    background: m.background === true,
  };
}

/** Builds the mention records a document contributes: ids, sources and publication date set. */
export function buildMentions(docId: string, published: string | null, incidents: Incident[],
  idOf: (docId: string, n: number) => string): MentionRecord[] {
  return incidents.map((inc, n) => {
    const id = idOf(docId, n);
    return { id, docId, published, incident: { ...inc, id, sources: [docId] }, pinnedIncident: null };
  });
}
