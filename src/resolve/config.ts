// Every threshold and weight of cross-document resolution, in one place.

/** The block window: days either side of a mention's date span in which to look for the same incident. */
export const WINDOW_DAYS = 3;

/** Pair score weights; a pair's score is the sum of the feature scores below. */
export const WEIGHTS = {
  date: { sameDay: 2, oneDay: 1, twoDays: 0, threeDays: -1, coarseOverlap: 0.5, unknown: 0 },
  place: { same: 2, near: 1, sameAdmin1: 0.5, differentCity: -2, unknown: 0 },
  type: { same: 1, different: -1 },
  perpetrators: { shared: 1.5, disjoint: -0.5 },
  /** Targets and victims: overlap coefficient of their normalised tokens. */
  targets: { overlap: 2.5, disjoint: -1.5 },
  killed: { agree: 1, rose: 0, fell: -1 },
  /** Text: Jaccard similarity of the content words of summaries and evidence sentences. */
  text: { scale: 4 },
} as const;

/** Places within this many km are the same place; within `nearKm` nearby; beyond `farKm` never the same incident. */
export const DISTANCE = { sameKm: 3, nearKm: 25, farKm: 60 } as const;

/** Place names at least this similar (character trigrams) are spellings of one place ("Karrada", "Karada"). */
export const PLACE_SPELLING_SIMILARITY = 0.6;

/** Counts within this ratio agree ("at least 30" and "32"). */
export const KILLED_AGREE_RATIO = 1.5;

export const THRESHOLDS = {
  /** A pair at or above this may seed a merge. */
  pair: 3,
  /** Two clusters merge only when the average score of all their cross pairs reaches this. */
  average: 2,
  /** A background mention joins the best cluster whose average score with it reaches this. */
  background: 2,
} as const;

/** Any pair scoring at or below this (a veto) keeps two clusters apart whatever the other pairs say. */
export const VETO = -100;

/**
 * Entries per generation of the cache of mention features by id, pair scores included (memory stays
 * bounded). It only has to hold the blocks being resolved: callers that keep their mention objects (the
 * block index) find features by object, and a block is at most BLOCK_LIMIT (5,000) plus its incidents.
 */
export const FEATURE_CACHE_SIZE = 10_000;

/**
 * A new mention's whole connected component (pair links and incidents, component.ts) is clustered when it
 * has at most this many mentions: exactly what clustering everything would give, in any ingestion order.
 * Larger components — a busy city, where one week's incidents link to the next — are resolved locally
 * (resolveLocally): the incidents the new mention links to, and further only as far as a merge or split.
 */
export const COMPONENT_LIMIT = 50;
