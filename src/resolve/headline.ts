// One incident from a cluster's mentions: a headline value per field by policy, every value kept.
import { ATTRIBUTIONS, STATUSES, INCIDENT_TYPES } from '../model.js';
import type { Attribution, Count, Evidence, Incident, Location, LocationPrecision, Perpetrator } from '../model.js';
import type { Alternative, FieldOverride, HeadlinePolicy, MentionRecord, Resolved } from './contract.js';
import { dateSpan, publishedKey, spanWidth } from './dates.js';
import { countValue, perpetratorKey } from './features.js';
import { fold, nameKey } from './text.js';

/** Strongest first: a claim outranks a report, a report a suspicion. */
const ATTRIBUTION_STRENGTH: Attribution[] = ['claimed', 'reported', 'directed', 'inspired', 'suspected', 'denied'];
const PRECISION_RANK: Record<LocationPrecision, number> = { exact: 0, city: 1, admin1: 2, region: 3, country: 4 };
/** Most advanced first. */
const STATUS_RANK = ['carried_out', 'failed', 'foiled', 'threatened'] as const;

/** The fields whose every value is listed as an alternative, and the evidence field names that back them. */
const ALTERNATIVE_FIELDS: { field: keyof Incident; evidence: string[] }[] = [
  { field: 'type', evidence: ['type', 'trigger'] },
  { field: 'status', evidence: ['status'] },
  { field: 'date', evidence: ['date'] },
  { field: 'location', evidence: ['location', 'place', 'country'] },
  { field: 'killed', evidence: ['killed'] },
  { field: 'injured', evidence: ['injured'] },
  { field: 'perpetratorsKilled', evidence: ['perpetratorsKilled'] },
  { field: 'perpetrators', evidence: ['perpetrator'] },
  { field: 'targets', evidence: ['target'] },
  { field: 'victims', evidence: ['victim'] },
  { field: 'weapons', evidence: ['weapon'] },
  { field: 'suicide', evidence: ['suicide'] },
];

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const stable = (v: unknown): string => JSON.stringify(v);

/** Mentions ordered by publication, then id: the order "latest report" reads. */
function chronological(mentions: MentionRecord[]): MentionRecord[] {
  return mentions.slice().sort((a, b) => publishedKey(a.published) - publishedKey(b.published) || cmp(a.id, b.id));
}

/** The value most mentions give; ties broken by `tie` (smaller first), then by first appearance. */
function vote<T>(values: T[], key: (v: T) => string, tie: (a: T, b: T) => number): T | undefined {
  const counts = new Map<string, { v: T; n: number }>();
  for (const v of values) {
    const k = key(v);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { v, n: 1 });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n || tie(a.v, b.v))[0]?.v;
}

/** A casualty count by policy: the latest report (ties → higher), or the lowest of all. */
export function pickCount(mentions: MentionRecord[], get: (i: Incident) => Count | null | undefined, policy: HeadlinePolicy): Count | null {
  const withValue = chronological(mentions).filter((m) => countValue(get(m.incident)) !== null);
  if (withValue.length === 0) return null;
  const asCount = (m: MentionRecord): Count => {
    const c = get(m.incident)!;
    return typeof c === 'number' ? { value: c } : c;
  };
  if (policy === 'conservative') {
    return withValue.map(asCount).sort((a, b) => a.value - b.value || stable(a).localeCompare(stable(b)))[0]!;
  }
  const last = publishedKey(withValue[withValue.length - 1]!.published);
  return withValue.filter((m) => publishedKey(m.published) === last).map(asCount)
    .sort((a, b) => b.value - a.value || stable(a).localeCompare(stable(b)))[0]!;
}

function pickDate(mentions: MentionRecord[]): Incident['date'] {
  const dated = mentions.map((m) => m.incident.date).filter((d) => dateSpan(d) !== null);
  if (dated.length === 0) return null;
  const best = Math.min(...dated.map((d) => spanWidth(dateSpan(d))));
  const precise = dated.filter((d) => spanWidth(dateSpan(d)) === best);
  return vote(precise, stable, (a, b) => dateSpan(a)!.from - dateSpan(b)!.from || cmp(stable(a), stable(b))) ?? null;
}

function pickLocation(mentions: MentionRecord[]): Location | null {
  const located = mentions.map((m) => m.incident.location).filter((l): l is Location => !!l);
  if (located.length === 0) return null;
  const best = Math.min(...located.map((l) => PRECISION_RANK[l.precision]));
  const precise = located.filter((l) => PRECISION_RANK[l.precision] === best);
  const placeKey = (l: Location): string => nameKey(l.place ?? l.admin1 ?? l.country ?? '');
  const winner = placeKey(vote(precise, placeKey, () => 0)!);
  // Of the accounts naming that place: the commonest spelling, then the one with coordinates and most fields.
  const same = precise.filter((l) => placeKey(l) === winner);
  const spelling = vote(same.map((l) => l.place ?? ''), (p) => p, () => 0)!;
  const filled = (l: Location): number => Object.values(l).filter((v) => v !== null && v !== undefined).length;
  return same.filter((l) => (l.place ?? '') === spelling)
    .sort((a, b) => filled(b) - filled(a) || cmp(stable(a), stable(b)))[0]!;
}

function pickPerpetrators(mentions: MentionRecord[]): Perpetrator[] {
  const byKey = new Map<string, Perpetrator[]>();
  for (const m of mentions) {
    for (const p of m.incident.perpetrators ?? []) {
      const k = perpetratorKey(p) ?? 'ind:' + fold(p.name);
      const list = byKey.get(k) ?? [];
      list.push(p);
      byKey.set(k, list);
    }
  }
  const out: Perpetrator[] = [];
  for (const [, list] of [...byKey].sort((a, b) => cmp(a[0], b[0]))) {
    const name = vote(list.map((p) => p.name), (n) => n, cmp)!;
    const attributions = list.map((p) => p.attribution).filter((a): a is Attribution => !!a && ATTRIBUTIONS.includes(a));
    const strongest = attributions.sort((a, b) => ATTRIBUTION_STRENGTH.indexOf(a) - ATTRIBUTION_STRENGTH.indexOf(b))[0];
    const actorId = list.find((p) => p.actorId)?.actorId;
    const canonical = list.find((p) => p.canonical)?.canonical;
    const p: Perpetrator = { name, kind: list[0]!.kind };
    if (strongest) p.attribution = strongest;
    if (actorId) p.actorId = actorId;
    if (canonical) p.canonical = canonical;
    out.push(p);
  }
  return out;
}

/** Union of a list field, deduplicated by folded text; the first spelling in publication order is kept. */
function union<T extends { text: string }>(mentions: MentionRecord[], get: (i: Incident) => T[] | undefined): T[] {
  const seen = new Map<string, T>();
  for (const m of mentions) for (const v of get(m.incident) ?? []) {
    const k = fold(v.text);
    if (!seen.has(k)) seen.set(k, v);
  }
  return [...seen.values()];
}

function alternatives(mentions: MentionRecord[]): Alternative[] {
  const out: Alternative[] = [];
  for (const { field, evidence: names } of ALTERNATIVE_FIELDS) {
    const seen = new Set<string>();
    for (const m of mentions) {
      const value = m.incident[field];
      if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
      const k = m.docId + '\u0000' + stable(value);
      if (seen.has(k)) continue;
      seen.add(k);
      const evidence = (m.incident.evidence ?? []).filter((e) => names.some((n) => e.field === n || e.field.startsWith(n)));
      out.push({ field, value, docId: m.docId, published: m.published, evidence });
    }
  }
  return out;
}

export function headlineOf(incidentId: string, mentions: MentionRecord[], policy: HeadlinePolicy, overrides: FieldOverride[] = []): Resolved {
  const all = chronological(mentions);
  // Passing references inform an incident only when no direct account does.
  const direct = all.filter((m) => !m.incident.background);
  const ms = direct.length > 0 ? direct : all;

  const type = vote(ms.map((m) => m.incident.type), (t) => t, (a, b) => INCIDENT_TYPES.indexOf(a) - INCIDENT_TYPES.indexOf(b)) ?? 'other';
  const statuses = ms.map((m) => m.incident.status).filter((s) => STATUSES.includes(s));
  const status = statuses.sort((a, b) => STATUS_RANK.indexOf(a) - STATUS_RANK.indexOf(b))[0] ?? 'carried_out';
  const groups = ms.map((m) => m.incident.group).filter((g): g is string => !!g).sort();
  const summary = [...ms].reverse().find((m) => m.incident.summary)?.incident.summary;
  const evidence: Evidence[] = [];
  for (const m of all) evidence.push(...(m.incident.evidence ?? []));
  const sources: string[] = [];
  for (const m of all) if (!sources.includes(m.docId)) sources.push(m.docId);

  const incident: Incident = {
    id: incidentId,
    type,
    status,
    date: pickDate(ms),
    location: pickLocation(ms),
    perpetrators: pickPerpetrators(ms),
    targets: union(ms, (i) => i.targets),
    victims: union(ms, (i) => i.victims),
    weapons: union(ms, (i) => i.weapons),
    killed: pickCount(ms, (i) => i.killed, policy),
    injured: pickCount(ms, (i) => i.injured, policy),
    suicide: ms.some((m) => m.incident.suicide),
    evidence,
    sources,
  };
  const perpetratorsKilled = pickCount(ms, (i) => i.perpetratorsKilled, policy);
  if (perpetratorsKilled) incident.perpetratorsKilled = perpetratorsKilled;
  if (groups[0]) incident.group = groups[0];
  if (direct.length === 0) incident.background = true;
  if (summary) incident.summary = summary;

  for (const o of overrides) (incident as unknown as Record<string, unknown>)[o.field] = o.value;
  incident.id = incidentId;
  return { incident, alternatives: alternatives(all) };
}
