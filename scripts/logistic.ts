// L2-regularised logistic regression on sparse features, and the threshold that maximises F1.
//
// For choosing the regularisation without looking at devtest, both fitting scripts read two settings:
//   FIT_HOLDOUT=k   leave out train documents k, k+5, k+10… (score them with bench/holdout)
//   FIT_L2=x        the L2 weight (default 1e-3, the best of 1e-4…3e-2 on two held-out folds)
/** `group`: the document a sample comes from (out-of-fold predictions keep a document's samples together). */
export type Sample = { x: Map<string, number>; y: number; group?: number };

/** Full-batch gradient descent with AdaGrad steps: rare features (a head word, a context) converge as fast as common ones. */
export function fitLogistic(samples: Sample[], opts: { epochs?: number; rate?: number; l2?: number } = {}): Map<string, number> {
  const w = new Map<string, number>();
  const g2 = new Map<string, number>();
  const { epochs = 300, rate = 0.5, l2 = 1e-3 } = opts;
  for (let e = 0; e < epochs; e++) {
    const grad = new Map<string, number>();
    for (const s of samples) {
      const p = predict(w, s.x);
      for (const [k, v] of s.x) grad.set(k, (grad.get(k) ?? 0) + (p - s.y) * v);
    }
    for (const [k, g] of grad) {
      const step = g / samples.length + l2 * (w.get(k) ?? 0);
      const acc = (g2.get(k) ?? 0) + step * step;
      g2.set(k, acc);
      w.set(k, (w.get(k) ?? 0) - (rate * step) / (Math.sqrt(acc) + 1e-8));
    }
  }
  return w;
}

/**
 * Each sample's probability from a model fitted without its fold (five folds of documents): in-sample
 * probabilities are overconfident, so thresholds are chosen on these.
 */
export function outOfFold(samples: Sample[], opts: { epochs?: number; rate?: number; l2?: number } = {}, folds = 5): number[] {
  const fold = (s: Sample, i: number) => (s.group ?? i) % folds;
  const out = new Array<number>(samples.length);
  for (let k = 0; k < folds; k++) {
    const w = fitLogistic(samples.filter((s, i) => fold(s, i) !== k), opts);
    samples.forEach((s, i) => { if (fold(s, i) === k) out[i] = predict(w, s.x); });
  }
  return out;
}

export const fitL2 = (): number => Number(process.env.FIT_L2 ?? 1e-3);

/** Train documents to fit on: all of them, or all but one fold of five when FIT_HOLDOUT is set. */
export function trainingDocs<T>(docs: T[]): T[] {
  const k = process.env.FIT_HOLDOUT;
  return k === undefined ? docs : docs.filter((_, i) => i % 5 !== Number(k));
}

export function predict(w: Map<string, number>, x: Map<string, number>): number {
  let z = 0;
  for (const [k, v] of x) z += (w.get(k) ?? 0) * v;
  return 1 / (1 + Math.exp(-z));
}

/** The threshold over predicted probabilities that maximises F1 against `possible` true items. */
export function bestThreshold(scored: { p: number; y: number }[], possible: number): { t: number; f: number } {
  let best = { t: 0.5, f: 0 };
  for (let t = 0.05; t < 0.95; t += 0.01) {
    const kept = scored.filter(s => s.p >= t);
    const tp = kept.filter(s => s.y).length;
    const p = tp / Math.max(1, kept.length), r = tp / Math.max(1, possible);
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    if (f > best.f) best = { t: +t.toFixed(2), f };
  }
  return best;
}

export const compact = (w: Map<string, number>) =>
  Object.fromEntries([...w].filter(([, v]) => Math.abs(v) > 1e-4).sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => [k, +v.toFixed(4)]));
