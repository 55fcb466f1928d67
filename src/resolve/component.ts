// Which mentions a new mention can change the clustering of: its connected component under the link
// relation (score.ts, linked). Clustering merges only along links, so clusters never cross components;
// clustering the component alone gives its members exactly the clusters the whole block would.
import type { MentionRecord } from './contract.js';
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
    const x = queue.pop()!;
    for (const g of groupsOf(x)) if (g) for (const y of byGroup.get(g) ?? []) reach(y);
    for (const y of related(x, universe)) reach(all.get(y.id)!);
  }
  return universe.filter((m) => inside.has(m.id));
}
