// How likely two mentions are accounts of one incident: a sum of per-feature scores (weights in config.ts).
import { DISTANCE, KILLED_AGREE_RATIO, PLACE_SPELLING_SIMILARITY, THRESHOLDS, VETO, WEIGHTS, WINDOW_DAYS } from './config.js';
import type { Features } from './features.js';
import { distanceKm, jaccard, overlap } from './text.js';

export function dateScore(a: Features, b: Features): number {
  const w = WEIGHTS.date;
  if (!a.span || !b.span) return w.unknown;
  if (a.span.precision === 'day' && b.span.precision === 'day') {
    const d = Math.abs(a.span.from - b.span.from);
    if (d === 0) return w.sameDay;
    if (d === 1) return w.oneDay;
    if (d === 2) return w.twoDays;
    return d <= WINDOW_DAYS ? w.threeDays : VETO;
  }
  // A coarse date (a month, a year, a range) only says the incident lies inside it.
  const gap = Math.max(a.span.from, b.span.from) - Math.min(a.span.to, b.span.to);
  if (gap <= 0) return w.coarseOverlap;
  return gap <= WINDOW_DAYS ? w.threeDays : VETO;
}

export function placeScore(a: Features, b: Features): number {
  const w = WEIGHTS.place;
  if (a.country && b.country && a.country !== b.country) return VETO;
  if (a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null) {
    const km = distanceKm(a.lat, a.lon, b.lat, b.lon);
    if (km <= DISTANCE.sameKm) return w.same;
    if (km <= DISTANCE.nearKm) return w.near;
    if (km > DISTANCE.farKm) return VETO;
  }
  if (a.place && b.place) {
    if (a.place === b.place) return w.same;
    if (jaccard(a.placeGrams!, b.placeGrams!) >= PLACE_SPELLING_SIMILARITY) return w.same;
    // One name inside the other: "Baghdad" and "Karrada, Baghdad".
    if (a.place.includes(b.place) || b.place.includes(a.place)) return w.near;
    if (a.admin1 && a.admin1 === b.admin1) return w.sameAdmin1;
    return w.differentCity;
  }
  if (a.admin1 && b.admin1 && a.admin1 === b.admin1) return w.sameAdmin1;
  return w.unknown;
}

export function typeScore(a: Features, b: Features): number {
  if (a.type === b.type) return WEIGHTS.type.same;
  if (a.type === 'other' || b.type === 'other') return 0;
  return WEIGHTS.type.different;
}

export function perpetratorScore(a: Features, b: Features): number {
  if (a.perpetrators.size === 0 || b.perpetrators.size === 0) return 0;
  for (const p of a.perpetrators) if (b.perpetrators.has(p)) return WEIGHTS.perpetrators.shared;
  return WEIGHTS.perpetrators.disjoint;
}

export function targetScore(a: Features, b: Features): number {
  if (a.targets.size === 0 || b.targets.size === 0) return 0;
  const o = overlap(a.targets, b.targets);
  return o === 0 ? WEIGHTS.targets.disjoint : o * WEIGHTS.targets.overlap;
}

/** Tolls rise over days: a later, higher figure is compatible; a later, much lower one less so. */
export function killedScore(a: Features, b: Features): number {
  if (a.killed === null || b.killed === null) return 0;
  const [early, late] = a.published <= b.published ? [a.killed, b.killed] : [b.killed, a.killed];
  const hi = Math.max(early, late, 1);
  const lo = Math.max(Math.min(early, late), 1);
  if (hi / lo <= KILLED_AGREE_RATIO) return WEIGHTS.killed.agree;
  if (a.published === b.published) return WEIGHTS.killed.fell;
  return late >= early ? WEIGHTS.killed.rose : WEIGHTS.killed.fell;
}

export function textScore(a: Features, b: Features): number {
  return WEIGHTS.text.scale * jaccard(a.text, b.text);
}

/** Cheap checks that rule a pair out before anything is looked up: other country, dates too far apart. */
export function compatible(a: Features, b: Features): boolean {
  if (a.docId === b.docId) return false;
  if (a.country && b.country && a.country !== b.country) return false;
  if (!a.span || !b.span) return true;
  return Math.max(a.span.from, b.span.from) - Math.min(a.span.to, b.span.to) <= WINDOW_DAYS;
}

/**
 * Scores are remembered with the features of the pair's lower-serial mention (features are cached by mention
 * id and by mention object, so a mention fetched again keeps them): blocks overlap from one document to the
 * next, so most pairs recur. They go when the features do: memory follows the mentions in use.
 */
let epoch = 0;

export function clearScoreCache(): void { epoch++; }

/** The sum of feature scores, or VETO when the two can never be one incident. */
export function pairScore(a: Features, b: Features): number {
  if (!compatible(a, b)) return VETO;
  if (a.pinned && b.pinned && a.pinned !== b.pinned) return VETO;
  const lo = a.serial < b.serial ? a : b;
  const hi = lo === a ? b : a;
  if (lo.scoreEpoch !== epoch) { lo.pairScores = new Map(); lo.scoreEpoch = epoch; }
  let s = lo.pairScores.get(hi.serial);
  if (s === undefined) {
    s = contentScore(a, b);
    lo.pairScores.set(hi.serial, s);
  }
  return s;
}

function contentScore(a: Features, b: Features): number {
  const d = dateScore(a, b);
  if (d <= VETO) return VETO;
  const p = placeScore(a, b);
  if (p <= VETO) return VETO;
  return d + p + typeScore(a, b) + perpetratorScore(a, b) + targetScore(a, b) + killedScore(a, b) + textScore(a, b);
}

/** Kilometres per degree of latitude, rounded down: |Δlat| × this never exceeds the great-circle distance. */
const KM_PER_DEGREE_LAT = 111;

/** Both located and further apart in latitude alone than DISTANCE.farKm: placeScore would veto the pair. */
function farApart(a: Features, b: Features): boolean {
  if (a.lat === null || b.lat === null || a.lon === null || b.lon === null) return false;
  return Math.abs(a.lat - b.lat) * KM_PER_DEGREE_LAT > DISTANCE.farKm;
}

/** An unpinned background mention: it only ever joins an incident, never bridges two (cluster.ts). */
function passing(f: Features): boolean { return f.background && !f.pinned; }

/**
 * The score at which a pair is linked. Clustering (cluster.ts) merges main mentions only along pairs at or
 * above THRESHOLDS.pair, and a background mention joins an incident only when its average score with the
 * incident reaches THRESHOLDS.background, so some pair with it must reach that.
 */
export function linkThreshold(a: Features, b: Features): number {
  return passing(a) !== passing(b) ? THRESHOLDS.background : THRESHOLDS.pair;
}

/**
 * Whether clustering could ever put the two mentions in one incident directly: pinned to the same incident,
 * or not vetoed and scoring at least linkThreshold. Clusters never cross the connected components of this
 * relation, so a new mention only needs clustering with the component it joins. Cheap checks first
 * (document, country, date span, latitude); the full score only for the pairs that survive them.
 */
export function linked(a: Features, b: Features): boolean {
  if (a.id === b.id) return false;
  if (a.pinned && a.pinned === b.pinned) return true;
  if (!compatible(a, b)) return false;
  if (a.pinned && b.pinned) return false;
  if (farApart(a, b)) return false;
  return pairScore(a, b) >= linkThreshold(a, b);
}
