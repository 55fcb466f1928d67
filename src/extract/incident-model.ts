// The learned layer: a logistic model over an incident candidate's features that tells real, specific
// incidents from passing mentions, trends and background. Fitted on MUC-4 train by
// scripts/fit-incident-filter.ts; the weights ship as data/model/incident-filter.json.
import { existsSync, readFileSync } from 'node:fs';
import { dataPath } from '../paths.js';

export type Features = Map<string, number>;

interface Model { threshold: number; weights: Record<string, number> }

const FILE = dataPath('model', 'incident-filter.json');
const model: Model | null = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) as Model : null;

/** Probability that the candidate is a real incident; 1 when no model has been fitted yet. */
export function incidentProbability(f: Features): number {
  if (!model) return 1;
  let z = 0;
  for (const [k, v] of f) z += (model.weights[k] ?? 0) * v;
  return 1 / (1 + Math.exp(-z));
}

export const incidentThreshold = (): number => model?.threshold ?? 0;
/** Set VIGIL_FEATURES=1 to see each candidate's features (the fitting script reads them). */
export const exposeFeatures = process.env.VIGIL_FEATURES === '1';
