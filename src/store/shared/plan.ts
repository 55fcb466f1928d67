// Turns the resolver's clusters for a block into writes: who belongs where, what to delete.
import type { Cluster, MentionRecord, Resolver } from '../../resolve/contract.js';
import { componentOf } from '../../resolve/component.js';

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
 * What resolving `fresh` has to re-cluster out of a fetched block (the windows' mentions plus every mention
 * of their incidents): the component of the fresh mentions — the block mentions they are related to, those
 * related to these, and so on, with every incident taken whole (current incident and pinned incident alike).
 * Clusters never cross components, so clustering this set gives its mentions what clustering the whole
 * block would, and the rest of the block keeps its incidents. Fresh mentions not yet in `block` are added.
 */
export function resolutionSet(fresh: MentionRecord[], block: StoredMention[], related: Resolver['related']): StoredMention[] {
  const byId = new Map(block.map((m) => [m.id, m]));
  const seeds = fresh.map((m): StoredMention => byId.get(m.id) ?? { ...m, incidentId: null });
  return componentOf(seeds, block, related, (m) => [m.incidentId, m.pinnedIncident]);
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
