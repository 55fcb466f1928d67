// Mentions of a block into incidents: deterministic, whatever order the mentions come in.
//
// 1. Mentions sorted by id; pinned mentions start in the incident a person put them in.
// 2. Pairs scored (score.ts); pairs at or above THRESHOLDS.pair, best first, merge their clusters when
//    no cross pair is vetoed (same document, different pins, far apart) and the average cross score
//    reaches THRESHOLDS.average — average linkage keeps one strong pair from chaining two incidents.
// 3. Background mentions ("the 2015 Paris attacks") then join the best incident they fit, never
//    bridging two; those that fit none form clusters flagged `backgroundOnly`.
import { createHash } from 'node:crypto';
import { DISTANCE, THRESHOLDS, VETO } from './config.js';
import type { Cluster, MentionRecord } from './contract.js';
import { featuresOf, type Features } from './features.js';
import { compatible, pairScore } from './score.js';

const KM_PER_DEGREE = 111.2;

export function incidentIdFor(mentionId: string): string {
  return 'inc_' + createHash('sha256').update(mentionId).digest('hex').slice(0, 16);
}

/**
 * Pair scores of a block, computed on demand and remembered. Candidate pairs for merging come from a
 * sweep over latitude: two mentions with coordinates further apart than DISTANCE.farKm are vetoed by
 * placeScore anyway, so a large block costs far less than all pairs.
 */
class Scores {
  private readonly memo = new Map<number, number>();
  constructor(private readonly feats: Features[]) {}

  get(i: number, j: number): number {
    const n = this.feats.length;
    const k = i < j ? i * n + j : j * n + i;
    let s = this.memo.get(k);
    if (s === undefined) {
      s = pairScore(this.feats[i]!, this.feats[j]!);
      this.memo.set(k, s);
    }
    return s;
  }

  /** Pairs scoring at least `min`, best first; ties by position, and positions follow mention ids. */
  edges(min: number): [number, number, number][] {
    const out: [number, number, number][] = [];
    const add = (i: number, j: number): void => {
      if (!compatible(this.feats[i]!, this.feats[j]!)) return;
      const s = this.get(i, j);
      if (s >= min) out.push(i < j ? [s, i, j] : [s, j, i]);
    };
    const located: number[] = [];
    const unlocated: number[] = [];
    this.feats.forEach((f, i) => (f.lat !== null && f.lon !== null ? located : unlocated).push(i));
    located.sort((a, b) => this.feats[a]!.lat! - this.feats[b]!.lat! || a - b);
    const band = DISTANCE.farKm / KM_PER_DEGREE;
    for (let x = 0; x < located.length; x++) {
      const a = this.feats[located[x]!]!;
      const lonBand = band / Math.max(Math.cos((Math.abs(a.lat!) + band) * Math.PI / 180), 0.05);
      for (let y = x + 1; y < located.length; y++) {
        const b = this.feats[located[y]!]!;
        if (b.lat! - a.lat! > band) break;
        const dLon = Math.abs(b.lon! - a.lon!);
        if (Math.min(dLon, 360 - dLon) <= lonBand) add(located[x]!, located[y]!);
      }
    }
    for (let x = 0; x < unlocated.length; x++) {
      for (let y = x + 1; y < unlocated.length; y++) add(unlocated[x]!, unlocated[y]!);
      for (const j of located) add(unlocated[x]!, j);
    }
    out.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
    return out;
  }
}

/** Average cross score of two member lists, or VETO when any cross pair is vetoed. */
function linkage(scores: Scores, a: number[], b: number[]): number {
  let sum = 0;
  for (const i of a) {
    for (const j of b) {
      const s = scores.get(i, j);
      if (s <= VETO) return VETO;
      sum += s;
    }
  }
  return sum / (a.length * b.length);
}

/** Agglomerates features (sorted by id) into lists of positions. */
function agglomerate(feats: Features[]): number[][] {
  const scores = new Scores(feats);
  const clusterOf = feats.map((_, i) => i);
  const members: (number[] | null)[] = feats.map((_, i) => [i]);
  const byPin = new Map<string, number>();
  feats.forEach((f, i) => {
    if (!f.pinned) return;
    const root = byPin.get(f.pinned);
    if (root === undefined) { byPin.set(f.pinned, i); return; }
    members[root]!.push(i);
    members[i] = null;
    clusterOf[i] = root;
  });
  for (const [, i, j] of scores.edges(THRESHOLDS.pair)) {
    const a = clusterOf[i]!, b = clusterOf[j]!;
    if (a === b) continue;
    if (linkage(scores, members[a]!, members[b]!) < THRESHOLDS.average) continue;
    const [keep, gone] = a < b ? [a, b] : [b, a];
    for (const k of members[gone]!) clusterOf[k] = keep;
    members[keep]!.push(...members[gone]!);
    members[gone] = null;
  }
  return members.filter((m): m is number[] => m !== null).map((m) => m.sort((x, y) => x - y));
}

function toCluster(feats: Features[], backgroundOnly: boolean): Cluster {
  const ids = feats.map((f) => f.id).sort();
  const pins = feats.map((f) => f.pinned).filter((p): p is string => !!p).sort();
  const main = feats.filter((f) => !f.background).map((f) => f.id).sort();
  const incidentId = pins[0] ?? incidentIdFor(main[0] ?? ids[0]!);
  return backgroundOnly ? { incidentId, mentionIds: ids, backgroundOnly: true } : { incidentId, mentionIds: ids };
}

export function clusterMentions(mentions: MentionRecord[]): Cluster[] {
  const unique = new Map<string, MentionRecord>();
  for (const m of mentions) unique.set(m.id, m);
  const feats = [...unique.values()].map(featuresOf).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const main = feats.filter((f) => !f.background || f.pinned);
  const background = feats.filter((f) => f.background && !f.pinned);

  const groups: Features[][] = agglomerate(main).map((c) => c.map((i) => main[i]!));
  const original = groups.map((g) => g.slice());
  const leftover: Features[] = [];
  const groupIds = original.map((g) => new Set(g.map((f) => f.group).filter((x): x is string => !!x)));
  const maxKilled = original.map((g) => Math.max(-1, ...g.map((f) => f.killed ?? -1)));
  for (const b of background) {
    const fits: { gi: number; avg: number }[] = [];
    original.forEach((g, gi) => {
      let sum = 0;
      for (const f of g) {
        const s = pairScore(b, f);
        if (s <= VETO) return;
        sum += s;
      }
      if (sum / g.length >= THRESHOLDS.background) fits.push({ gi, avg: sum / g.length });
    });
    if (fits.length === 0) { leftover.push(b); continue; }
    fits.sort((x, y) => y.avg - x.avg || x.gi - y.gi);
    // "The Paris attacks" names a coordinated attack, not one of its sites: it joins the deadliest site.
    const best = fits[0]!.gi;
    const sites = fits.filter((x) => x.gi === best || [...groupIds[x.gi]!].some((id) => groupIds[best]!.has(id)));
    sites.sort((x, y) => maxKilled[y.gi]! - maxKilled[x.gi]! || y.avg - x.avg || x.gi - y.gi);
    groups[sites[0]!.gi]!.push(b);
  }
  const clusters = groups.map((g) => toCluster(g, false));
  for (const c of agglomerate(leftover)) clusters.push(toCluster(c.map((i) => leftover[i]!), true));
  return clusters.sort((a, b) => (a.incidentId < b.incidentId ? -1 : a.incidentId > b.incidentId ? 1 : 0));
}
