/**
 * Fixed-bin histograms of gradient entries (gradient-pathologies paper, Fig. 2): per layer,
 * the distribution of ∂L_term/∂W for every loss term over shared bin edges, so the terms
 * overlay on one plot, plus mean |g| and max |g| per term.
 */

/** Histogram of one term's gradient entries in one layer. */
export interface TermHistogram {
  counts: Uint32Array;
  meanAbs: number;
  maxAbs: number;
}

/**
 * All terms' histograms for one layer over shared edges (bins + 1 values). `source` says
 * which gradient was counted (`effectiveWeightGrads` in term-grads.ts): ∂L/∂W of a plain weight, or of the
 * effective W = V·diag(exp s) under random weight factorization.
 */
export interface LayerHistogram {
  layer: string;
  edges: Float32Array;
  terms: Record<string, TermHistogram>;
  source?: 'W' | 'W = V·diag(exp s)';
}

/**
 * Shared edges spanning every value of every array: `bins` equal bins on [min, max]
 * (widened to a tiny symmetric range when all values are equal).
 */
export function sharedEdges(arrays: readonly ArrayLike<number>[], bins: number): Float32Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays)
    for (let i = 0; i < a.length; i++) {
      lo = Math.min(lo, a[i]);
      hi = Math.max(hi, a[i]);
    }
  if (!(hi > lo)) {
    const c = Number.isFinite(lo) ? lo : 0;
    lo = c - 1e-12;
    hi = c + 1e-12;
  }
  const edges = new Float32Array(bins + 1);
  for (let k = 0; k <= bins; k++) edges[k] = lo + ((hi - lo) * k) / bins;
  edges[bins] = hi;
  return edges;
}

/**
 * Count `values` into the bins of `edges` (left-closed, the last bin closed on both sides);
 * values outside the edges are clamped into the end bins so counts always sum to the length.
 */
export function histogram(values: ArrayLike<number>, edges: Float32Array): TermHistogram {
  const bins = edges.length - 1;
  const lo = edges[0];
  const width = (edges[bins] - lo) / bins;
  const counts = new Uint32Array(bins);
  let sumAbs = 0;
  let maxAbs = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const k = Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)));
    counts[k]++;
    const a = Math.abs(v);
    sumAbs += a;
    if (a > maxAbs) maxAbs = a;
  }
  return { counts, meanAbs: values.length ? sumAbs / values.length : 0, maxAbs };
}

/** Histograms of every term for one layer over shared edges. */
export function layerHistogram(layer: string, perTerm: Record<string, ArrayLike<number>>, bins = 40): LayerHistogram {
  const edges = sharedEdges(Object.values(perTerm), bins);
  const terms = Object.fromEntries(Object.entries(perTerm).map(([t, v]) => [t, histogram(v, edges)]));
  return { layer, edges, terms };
}
