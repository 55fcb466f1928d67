// What scoring needs from a mention, computed once per mention object.
import type { Count, Incident, IncidentType } from '../model.js';
import type { MentionRecord } from './contract.js';
import { dateSpan, publishedKey, type DaySpan } from './dates.js';
import { FEATURE_CACHE_SIZE } from './config.js';
import { GenerationCache } from './memo.js';
import { contentTokens, fold, nameKey, trigrams } from './text.js';

export interface Features {
  id: string;
  /** Unique to this mention's features (copies for another pin keep it): the key of its pair scores. */
  serial: number;
  /**
   * Pair scores with mentions of higher serial (score.ts), kept with the features so that they live as long
   * as the mention is in use (a block index, the feature cache) and no longer.
   */
  pairScores: Map<number, number>;
  /** The score-cache epoch `pairScores` belongs to (clearScoreCache starts a new one). */
  scoreEpoch: number;
  docId: string;
  pinned: string | null;
  background: boolean;
  type: IncidentType;
  span: DaySpan | null;
  country: string | null;
  /** Folded place name when the place is a city or finer. */
  place: string | null;
  placeGrams: Set<string> | null;
  admin1: string | null;
  lat: number | null;
  lon: number | null;
  perpetrators: Set<string>;
  targets: Set<string>;
  text: Set<string>;
  killed: number | null;
  published: number;
  group: string | null;
}

/**
 * Features by mention id: the store hands over fresh objects on every call, and a mention's content does
 * not change once extracted (re-extraction should call clearResolutionCache). The object is compared
 * first so that a changed mention under a reused id is noticed in the common case.
 */
const cache = new GenerationCache<string, { source: Incident; fingerprint: string; features: Features }>(FEATURE_CACHE_SIZE);

function fingerprint(m: MentionRecord): string {
  const i = m.incident;
  return `${i.type}|${JSON.stringify(i.date)}|${i.location?.place ?? ''}|${countValue(i.killed) ?? ''}|${i.evidence?.length ?? 0}|${i.background ? 1 : 0}`;
}

/**
 * Features by mention object: a caller that keeps its mention objects (a block index, a block scanned
 * several times in one transaction) gets them without a key or a fingerprint; they go when the object does.
 */
let byObject = new WeakMap<MentionRecord, { source: Incident; features: Features }>();

export function clearFeatureCache(): void { cache.clear(); byObject = new WeakMap(); }

let nextSerial = 0;

export function countValue(c: Count | number | null | undefined): number | null {
  if (c === null || c === undefined) return null;
  if (typeof c === 'number') return c;
  return typeof c.value === 'number' ? c.value : null;
}

/** Organisations by registry id when there is one, otherwise by name key. Generic "gunmen" do not count. */
export function perpetratorKey(p: { name: string; kind: string; actorId?: string }): string | null {
  if (p.actorId) return 'id:' + p.actorId;
  if (p.kind !== 'organization') return null;
  return 'name:' + nameKey(p.name);
}

export function featuresOf(m: MentionRecord): Features {
  const pinned = m.pinnedIncident ?? null;
  const own = byObject.get(m);
  if (own && own.source === m.incident && own.features.pinned === pinned && own.features.id === m.id && own.features.docId === m.docId) {
    return own.features;
  }
  const hit = cache.get(m.id);
  if (hit && hit.features.docId === m.docId && (hit.source === m.incident || hit.fingerprint === fingerprint(m))) {
    const f = hit.features.pinned === pinned ? hit.features : { ...hit.features, pinned };
    byObject.set(m, { source: m.incident, features: f });
    return f;
  }
  const inc = m.incident;
  const loc = inc.location;
  const fine = loc && (loc.precision === 'exact' || loc.precision === 'city');
  const place = fine && loc.place ? nameKey(loc.place) : null;
  const perpetrators = new Set<string>();
  for (const p of inc.perpetrators ?? []) {
    const k = perpetratorKey(p);
    if (k) perpetrators.add(k);
  }
  const targets = new Set<string>();
  for (const t of inc.targets ?? []) contentTokens(t.text, targets);
  for (const v of inc.victims ?? []) contentTokens(v.text, targets);
  const text = new Set<string>();
  if (inc.summary) contentTokens(inc.summary, text);
  const seen = new Set<string>();
  for (const e of inc.evidence ?? []) {
    if (seen.has(e.text)) continue;
    seen.add(e.text);
    contentTokens(e.text, text);
  }
  for (const t of targets) text.add(t);
  const f: Features = {
    id: m.id,
    serial: nextSerial++,
    pairScores: new Map(),
    scoreEpoch: 0,
    docId: m.docId,
    pinned,
    background: inc.background === true,
    type: inc.type,
    span: dateSpan(inc.date),
    country: loc?.countryCode ?? null,
    place,
    placeGrams: place ? trigrams(place) : null,
    admin1: loc?.admin1 ? fold(loc.admin1) : null,
    lat: fine && typeof loc.lat === 'number' ? loc.lat : null,
    lon: fine && typeof loc.lon === 'number' ? loc.lon : null,
    perpetrators,
    targets,
    text,
    killed: countValue(inc.killed),
    published: publishedKey(m.published),
    group: inc.group ?? null,
  };
  cache.set(m.id, { source: m.incident, fingerprint: fingerprint(m), features: f });
  byObject.set(m, { source: m.incident, features: f });
  return f;
}
