// The contract between the store and cross-document resolution (DESIGN.md step 3).
// Resolution is pure: the store fetches the mentions of a block, these functions decide the clusters
// and their headline values, and the store writes the result in the document's transaction.
import type { Evidence, Incident } from '../model.js';

/** One document's account of one incident, as the extractor produced it. */
export interface MentionRecord {
  /** `men_<docId without prefix>_<n>`: stable for a document's n-th extracted incident. */
  id: string;
  docId: string;
  /** The document's publication date: "latest report" means the latest of these. */
  published: string | null;
  /** Extracted values; `incident.id` equals the mention id, `incident.sources` = [docId]. */
  incident: Incident;
  /** Set by a person (merge or split): the incident this mention must stay in, whatever the scores say. */
  pinnedIncident?: string | null;
}

/** Where to look for mentions of the same incident: a country (or none) and a date window. */
export interface BlockWindow {
  countryCode: string | null;
  /** Inclusive ISO dates; null when the mention has no date. */
  from: string | null;
  to: string | null;
}

export interface Cluster {
  /** Deterministic: derived from the cluster's members, so any ingestion order gives the same id. */
  incidentId: string;
  mentionIds: string[];
  /** Only background mentions ("the 2015 Paris attacks") and no incident they fit: the store creates no incident. */
  backgroundOnly?: boolean;
}

export type HeadlinePolicy = 'latest' | 'conservative';

/** Every value a field took across the sources, with which source said it. */
export interface Alternative {
  field: string;
  value: unknown;
  docId: string;
  published: string | null;
  evidence: Evidence[];
}

export interface Resolved {
  incident: Incident;
  alternatives: Alternative[];
}

/** A person's correction of one field, applied over whatever the sources say. */
export interface FieldOverride { field: keyof Incident; value: unknown }

export interface Resolver {
  window(m: Incident): BlockWindow;
  /** Group the mentions of a block into incidents; pinned mentions stay where a person put them. */
  cluster(mentions: MentionRecord[]): Cluster[];
  /**
   * The mentions of `block` that `m` is linked to: pinned to the same incident, or not vetoed and with a
   * pair score at or above the link threshold (a background mention's threshold to a direct account is
   * the lower one at which it may join it). `cluster()` merges only along links, so clusters never cross
   * the connected components of this relation: resolving a new mention needs only `cluster()` of its
   * component (the mentions it links to, everything linked to those, and all members of their incidents),
   * and gives exactly what `cluster()` of the whole block would give those mentions. Linear in the block.
   */
  related(m: MentionRecord, block: MentionRecord[]): MentionRecord[];
  /** The incident a cluster stands for: headline values by policy, all alternatives kept. */
  headline(incidentId: string, mentions: MentionRecord[], policy: HeadlinePolicy, overrides?: FieldOverride[]): Resolved;
}
