// Which mentions a new mention can change the clustering of: its connected component under the link
// relation (score.ts, linked). Clustering merges only along links, so clusters never cross components;
// clustering the component alone gives its members exactly the clusters the whole block would.
import type { Cluster, MentionRecord } from './contract.js';
import { featuresOf } from './features.js';
import { linked } from './score.js';

/**
 * The mentions of `block` that `m` links to: pinned to the same incident, or not vetoed and scoring at
 * least the link threshold (THRESHOLDS.pair; THRESHOLDS.background between a background mention and a
 * direct account). Linear in the block; the full pair score only for pairs that pass the cheap checks.
 */
export function relatedMentions<T extends MentionRecord>(m: MentionRecord, block: readonly T[]): T[] {
  const a = featuresOf(m);
  const out: T[] = [];
  for (const b of block) if (b.id !== m.id && linked(a, featuresOf(b))) out.push(b);
  return out;
}

/**
 * The component of `seeds` in `pool ∪ seeds`: everything reachable from a seed through links (`related`)
 * and through shared incidents (`groupsOf`: the incident a mention is in, the one it is pinned to — so an
 * incident is always taken whole). `cluster()` of the result gives its members the same clusters as
 * `cluster()` of the whole pool; the rest of the pool keeps its clusters. In pool order, seeds not in the
 * pool last.
 */
export function componentOf<T extends MentionRecord>(
  seeds: readonly T[],
  pool: readonly T[],
  related: (m: MentionRecord, block: MentionRecord[]) => MentionRecord[] = relatedMentions,
  groupsOf: (m: T) => readonly (string | null | undefined)[] = () => [],
): T[] {
  return boundedComponent(seeds, pool, related, groupsOf, Number.POSITIVE_INFINITY)!;
}

/** componentOf, or null as soon as the component has more than `limit` mentions. */
export function boundedComponent<T extends MentionRecord>(
  seeds: readonly T[],
  pool: readonly T[],
  related: (m: MentionRecord, block: MentionRecord[]) => MentionRecord[],
  groupsOf: (m: T) => readonly (string | null | undefined)[],
  limit: number,
): T[] | null {
  const all = new Map<string, T>();
  for (const m of pool) if (!all.has(m.id)) all.set(m.id, m);
  for (const m of seeds) if (!all.has(m.id)) all.set(m.id, m);
  const universe = [...all.values()];
  const byGroup = new Map<string, T[]>();
  for (const m of universe) {
    for (const g of groupsOf(m)) {
      if (!g) continue;
      const list = byGroup.get(g);
      if (list) list.push(m); else byGroup.set(g, [m]);
    }
  }
  const inside = new Set<string>();
  const queue: T[] = [];
  const reach = (m: T): void => { if (!inside.has(m.id)) { inside.add(m.id); queue.push(m); } };
  for (const s of seeds) reach(all.get(s.id)!);
  while (queue.length > 0) {
    if (inside.size > limit) return null;
    const x = queue.pop()!;
    for (const g of groupsOf(x)) if (g) for (const y of byGroup.get(g) ?? []) reach(y);
    for (const y of related(x, universe)) reach(all.get(y.id)!);
  }
  if (inside.size > limit) return null;
  return universe.filter((m) => inside.has(m.id));
}

/** How resolveLocally reaches the mentions around the ones it resolves. */
export interface Neighbourhood<T extends MentionRecord> {
  /** The mentions `m` is related to (Resolver.related against its block, or links kept from before). */
  related(m: T): Iterable<T>;
  /** The incident `m` is in now (null if none yet). */
  incidentOf(m: T): string | null | undefined;
  /** Every mention in incident `id` or pinned to it. */
  membersOf(id: string): Iterable<T>;
}

/**
 * Resolves `seeds` (new mentions) with `cluster()` on their neighbourhood only: the seeds, the mentions
 * they are related to and every mention of those incidents (and of incidents the seeds are pinned to).
 * Then, while some cluster came out as other than an old incident (with or without seeds joining it) —
 * incidents merged or split — the incidents related to that cluster's mentions join the set and it is
 * clustered again: a change spreads as far as it changes something and no further. Incidents untouched by the change keep their clusters. Since clusters
 * never cross the connected components of the relation, this is what clustering the whole block gives,
 * except where a changed incident's merges would have depended on incidents two links away; the work is
 * bounded by the incidents a change reaches instead of the block (or a whole component, which in a busy
 * city chains one week's incidents to the next).
 */
export function resolveLocally<T extends MentionRecord>(
  seeds: readonly T[], around: Neighbourhood<T>, cluster: (ms: MentionRecord[]) => Cluster[],
): { members: T[]; clusters: Cluster[] } {
  const set = new Map<string, T>();
  const incidents = new Set<string>();
  const take = (m: T): boolean => {
    if (set.has(m.id)) return false;
    set.set(m.id, m);
    for (const inc of [around.incidentOf(m), m.pinnedIncident]) {
      if (!inc || incidents.has(inc)) continue;
      incidents.add(inc);
      for (const x of around.membersOf(inc)) take(x);
    }
    return true;
  };
  let frontier: T[] = [];
  for (const s of seeds) if (take(s)) frontier.push(s);
  const fresh = new Set(seeds.map((s) => s.id));
  const expanded = new Set<string>();
  let last: { members: T[]; clusters: Cluster[] } | null = null;
  for (;;) {
    let grew = false;
    for (const x of frontier) {
      if (expanded.has(x.id)) continue;
      expanded.add(x.id);
      for (const y of around.related(x)) if (take(y)) grew = true;
    }
    if (last && !grew) return last;
    const members = [...set.values()];
    last = { members, clusters: cluster(members) };
    // Clusters other than an old incident as it was (plus seeds joining it): a split or a merge, whose
    // neighbours may now cluster differently. A seed simply joining an incident does not spread.
    frontier = [];
    for (const c of last.clusters) {
      const old = c.mentionIds.map((id) => set.get(id)!).filter((m) => !fresh.has(m.id));
      const before = old.length > 0 ? around.incidentOf(old[0]!) : null;
      let same = old.length === 0 || (!!before && old.every((m) => around.incidentOf(m) === before));
      if (same && before) {
        let n = 0;
        for (const x of around.membersOf(before)) if (around.incidentOf(x) === before) n++;
        same = n === old.length;
      }
      if (!same) for (const id of c.mentionIds) if (!expanded.has(id)) frontier.push(set.get(id)!);
    }
    if (frontier.length === 0) return last;
  }
}
