// Turns the resolver's clusters for a block into writes: who belongs where, what to delete.
import type { Cluster, MentionRecord, Resolver } from '../../resolve/contract.js';
import { boundedComponent, resolveLocally } from '../../resolve/component.js';
import { COMPONENT_LIMIT } from '../../resolve/config.js';

export interface StoredMention extends MentionRecord {
  /** The incident the mention belongs to now (before this resolution), if any. */
  incidentId: string | null;
}

export interface ResolutionPlan {
  /** Mention id → incident id (null: unassigned, e.g. background-only clusters). */
  assign: Map<string, string | null>;
  /** Incidents to write, with their members. */
  incidents: { id: string; members: MentionRecord[] }[];
  /** Incidents that lost every mention. */
  removed: string[];
}

/**
 * Resolves `fresh` against a fetched block (the windows' mentions plus every mention of their incidents)
 * without re-clustering the block: related() against the block, then cluster() of the component the fresh
 * mentions join — the mentions they are related to, with every incident taken whole (current and pinned
 * incident alike), and so on. Clusters never cross components, so this gives those mentions exactly what
 * clustering the whole block would, and the rest of the block keeps its incidents. A component larger than
 * COMPONENT_LIMIT (a busy city, one week's incidents linked to the next) is resolved locally instead: the
 * incidents the fresh mentions are related to, and further only as far as a merge or split spreads.
 * Returns the mentions clustered (whole incidents: pass them to planResolution) and their clusters.
 */
export function resolveBlock(fresh: MentionRecord[], block: StoredMention[], resolver: Resolver): { members: StoredMention[]; clusters: Cluster[] } {
  const byId = new Map(block.map((m) => [m.id, m]));
  const seeds = fresh.map((m): StoredMention => byId.get(m.id) ?? { ...m, incidentId: null });
  const pool = [...block, ...seeds.filter((m) => !byId.has(m.id))];
  const groupsOf = (m: StoredMention) => [m.incidentId, m.pinnedIncident];
  const whole = boundedComponent(seeds, pool, resolver.related, groupsOf, COMPONENT_LIMIT);
  if (whole) return { members: whole, clusters: resolver.cluster(whole) };
  const byIncident = new Map<string, StoredMention[]>();
  for (const m of pool) {
    for (const g of new Set(groupsOf(m))) {
      if (!g) continue;
      const list = byIncident.get(g);
      if (list) list.push(m); else byIncident.set(g, [m]);
    }
  }
  const poolById = new Map(pool.map((m) => [m.id, m]));
  return resolveLocally(seeds, {
    related: (m) => resolver.related(m, pool).map((r) => poolById.get(r.id)!),
    incidentOf: (m) => m.incidentId,
    membersOf: (id) => byIncident.get(id) ?? [],
  }, resolver.cluster);
}

/** `block`: the mentions that were clustered (whole incidents); any of them in no cluster becomes unassigned. */
export function planResolution(block: StoredMention[], clusters: Cluster[]): ResolutionPlan {
  const byId = new Map(block.map((m) => [m.id, m]));
  const assign = new Map<string, string | null>(block.map((m) => [m.id, null]));
  const incidents: ResolutionPlan['incidents'] = [];
  for (const c of clusters) {
    const members = c.mentionIds.map((id) => byId.get(id)).filter((m): m is StoredMention => m !== undefined);
    if (members.length === 0) continue;
    const real = members.some((m) => m.incident.background !== true || m.pinnedIncident);
    if (!real || (c.backgroundOnly && !members.some((m) => m.pinnedIncident))) continue; // background references alone never make an incident
    for (const m of members) assign.set(m.id, c.incidentId);
    incidents.push({ id: c.incidentId, members: members.map(toRecord) });
  }
  const kept = new Set(incidents.map((i) => i.id));
  const removed = [...new Set(block.map((m) => m.incidentId).filter((id): id is string => !!id && !kept.has(id)))];
  return { assign, incidents, removed };
}

export function toRecord(m: StoredMention): MentionRecord {
  return { id: m.id, docId: m.docId, published: m.published, incident: m.incident, pinnedIncident: m.pinnedIncident ?? null };
}
