// Cross-document incident resolution (DESIGN.md step 3): the Resolver the store calls.
import type { Resolver } from './contract.js';
import { clusterMentions } from './cluster.js';
import { headlineOf } from './headline.js';
import { blockWindow } from './window.js';
import { clearFeatureCache } from './features.js';
import { clearScoreCache } from './score.js';
import { relatedMentions } from './component.js';

export const resolver: Resolver = {
  window: blockWindow,
  cluster: clusterMentions,
  related: relatedMentions,
  headline: headlineOf,
};

/** Forget cached features and pair scores, e.g. after mentions were re-extracted under the same ids. */
export function clearResolutionCache(): void {
  clearFeatureCache();
  clearScoreCache();
}

export { clusterMentions, incidentIdFor } from './cluster.js';
export { headlineOf } from './headline.js';
export { blockWindow } from './window.js';
export { BlockIndex } from './block-index.js';
export { componentOf, relatedMentions } from './component.js';
