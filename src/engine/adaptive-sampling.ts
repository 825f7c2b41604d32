import type { SamplingConfig } from './config';
import { primaryResidual, type ParamValues, type Pde } from './pdes/types';
import type { Rng } from './rng';
import { sampleTerm, type PointBatch } from './sampling';

/**
 * Residual-based adaptive sampling of the `res` term (Wu, Zhu, Tan, Kartha, Lu 2023, "A
 * comprehensive study of non-adaptive and residual-based adaptive sampling for PINNs", CMAME
 * 403, eqs. 2–3; DeepXDE's RAR). Every `every` steps a candidate set S of `candidates` uniform
 * points is drawn and weighted by the density
 *     p(x) ∝ |r(x)|^k / mean_S |r|^k + c     (k = `power`, c = `c`).
 * RAD: each step's residual batch is `batch` points drawn from S by p (with replacement; the
 * playground draws a fresh batch each step, so this is the RAD distribution resampled per step).
 * RAR-D: `add` points are drawn from S by p without replacement and appended to a growing set
 * that is trained on together with each step's fresh uniform batch.
 */

/** The sampler's host state: plain typed arrays (structured-clone safe, resumable). */
export interface AdaptiveState {
  /** Step of the last refresh. */
  step: number;
  /** RAD: the candidates and their cumulative probabilities; RAR-D: the points added so far. */
  points: PointBatch;
  /** RAD only: cumulative distribution over `points` (last entry 1). */
  cdf?: Float64Array;
}

/** The normalised RAD/RAR-D probabilities of points with residual magnitudes `absR`. */
export function residualDensity(absR: ArrayLike<number>, power: number, c: number): Float64Array {
  const n = absR.length;
  const w = new Float64Array(n);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += (w[i] = Math.abs(absR[i]) ** power) / n;
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i] = (mean > 0 && Number.isFinite(mean) ? w[i] / mean : 0) + c;
  // all-zero residual with c = 0: no information, fall back to uniform
  for (let i = 0; i < n; i++) w[i] = total > 0 ? w[i] / total : 1 / n;
  return w;
}

/** Cumulative sums of probabilities, the last forced to 1. */
export function cumulative(p: Float64Array): Float64Array {
  const cdf = new Float64Array(p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = s += p[i];
  cdf[p.length - 1] = 1;
  return cdf;
}

/** n indices drawn with replacement from the distribution with cumulative `cdf` (binary search). */
export function drawWithReplacement(cdf: Float64Array, rng: Rng, n: number): Int32Array {
  const out = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const u = rng.next();
    let lo = 0,
      hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    out[k] = lo;
  }
  return out;
}

/**
 * m distinct indices drawn without replacement with probabilities p (Efraimidis & Spirakis
 * 2006: the m largest keys u^(1/p_i); as numpy's `choice(replace=False, p=p)` in distribution).
 * Zero-probability indices are drawn only once all others are taken.
 */
export function drawWithoutReplacement(p: Float64Array, rng: Rng, m: number): Int32Array {
  const keys = Array.from(p, (pi, i) => ({ i, k: pi > 0 ? Math.log(Math.max(rng.next(), 1e-300)) / pi : -Infinity }));
  keys.sort((a, b) => b.k - a.k);
  return Int32Array.from(keys.slice(0, Math.min(m, p.length)), (e) => e.i);
}

/** The rows `idx` of a batch (coordinates and aux columns). */
export function takeRows(b: PointBatch, idx: ArrayLike<number>, d: number): PointBatch {
  const n = idx.length;
  const x = new Float32Array(n * d);
  const aux = b.aux.map(() => new Float32Array(n));
  for (let k = 0; k < n; k++) {
    const i = idx[k];
    for (let j = 0; j < d; j++) x[k * d + j] = b.x[i * d + j];
    b.aux.forEach((a, j) => (aux[j][k] = a[i]));
  }
  return { n, x, aux };
}

/** A sampler state as plain JSON data (number lists; float32 and float64 round-trip exactly). */
export function adaptiveStateToJson(s: AdaptiveState | null | undefined): unknown {
  if (!s) return s;
  const points = { n: s.points.n, x: Array.from(s.points.x), aux: s.points.aux.map((a) => Array.from(a)) };
  return { step: s.step, points, ...(s.cdf ? { cdf: Array.from(s.cdf) } : {}) };
}

/** The inverse of `adaptiveStateToJson` (shape errors are left to `stateProblems`). */
export function adaptiveStateFromJson(v: unknown): AdaptiveState | null | undefined {
  if (!v || typeof v !== 'object') return v as null | undefined;
  const o = v as { step: number; points: { n: number; x: number[]; aux: number[][] }; cdf?: number[] };
  const points = {
    n: o.points?.n,
    x: Float32Array.from(o.points?.x ?? []),
    aux: (o.points?.aux ?? []).map((a) => Float32Array.from(a)),
  };
  return { step: o.step, points, ...(o.cdf ? { cdf: Float64Array.from(o.cdf) } : {}) };
}

/** A deep copy (own buffers) of a sampler state. */
function copyState(s: AdaptiveState): AdaptiveState {
  const points = { n: s.points.n, x: s.points.x.slice(), aux: s.points.aux.map((a) => a.slice()) };
  return { step: s.step, points, ...(s.cdf ? { cdf: s.cdf.slice() } : {}) };
}

/** Two batches one after the other. */
export function concatBatches(a: PointBatch, b: PointBatch): PointBatch {
  const x = new Float32Array(a.x.length + b.x.length);
  x.set(a.x);
  x.set(b.x, a.x.length);
  const aux = a.aux.map((col, j) => {
    const o = new Float32Array(a.n + b.n);
    o.set(col);
    o.set(b.aux[j], a.n);
    return o;
  });
  return { n: a.n + b.n, x, aux };
}

/**
 * The adaptive sampler of one trainer. `due(step)` says when to refresh; `refresh` takes the
 * candidates' residual magnitudes (computed by the caller on the device); `batch` gives each
 * step's residual batch. Before the first refresh it samples uniformly.
 */
export class AdaptiveSampler {
  private state: AdaptiveState | null = null;

  /** The term sampled adaptively: the PDE's main residual (`res`, `res1`, `res_u`). */
  readonly term: string;

  constructor(
    private readonly pde: Pde,
    private readonly params: ParamValues,
    readonly options: SamplingConfig,
  ) {
    const term = primaryResidual(pde);
    if (term === undefined) throw new Error(`sampling: ${pde.id} has no residual term to sample adaptively`);
    this.term = term;
  }

  /** Whether a refresh is due before the step with index `step` (first step included). */
  due(step: number): boolean {
    return this.state === null || step - this.state.step >= this.options.every;
  }

  /** A fresh uniform candidate set from the training stream. */
  candidates(rng: Rng): PointBatch {
    return sampleTerm(this.pde, this.term, this.params, rng, this.options.candidates);
  }

  /** Take the candidates' |r| (one per candidate) and rebuild the distribution at `step`. */
  refresh(step: number, cand: PointBatch, absR: ArrayLike<number>, rng: Rng): void {
    const { method, power, c, add } = this.options;
    const p = residualDensity(absR, power, c);
    if (method === 'rad') {
      this.state = { step, points: cand, cdf: cumulative(p) };
      return;
    }
    const picked = takeRows(cand, drawWithoutReplacement(p, rng, add), this.pde.axes.length);
    this.state = { step, points: this.state ? concatBatches(this.state.points, picked) : picked };
  }

  /** The residual batch of one step: n points (RAD), or n uniform points plus the added set (RAR-D). */
  batch(rng: Rng, n: number): PointBatch {
    const s = this.state;
    if (s?.cdf) return takeRows(s.points, drawWithReplacement(s.cdf, rng, n), this.pde.axes.length);
    const uniform = sampleTerm(this.pde, this.term, this.params, rng, n);
    return s ? concatBatches(uniform, s.points) : uniform;
  }

  /** A copy of the state for `Trainer.exportState` (null before the first refresh). */
  getState(): AdaptiveState | null {
    return this.state && copyState(this.state);
  }

  /** What keeps `s` from being a state of this sampler (empty when it fits). */
  stateProblems(s: AdaptiveState | null | undefined): string[] {
    if (s === null || s === undefined) return [];
    const d = this.pde.axes.length;
    const p = s.points;
    const out: string[] = [];
    if (!Number.isInteger(s.step) || s.step < 0) out.push(`step ${s.step} is not a non-negative integer`);
    if (!p || !(p.x instanceof Float32Array) || p.x.length !== p.n * d)
      out.push(`points must be ${d}-dimensional Float32Array rows`);
    else if (
      p.aux.length !==
      (this.pde.terms[this.term].aux ? this.pde.terms[this.term].aux!(new Array(d).fill(0), this.params).length : 0)
    ) {
      out.push(`points carry ${p.aux.length} aux columns, the ${this.term} term has a different number`);
    }
    if ((this.options.method === 'rad') !== s.cdf instanceof Float64Array)
      out.push(`the state is not a ${this.options.method} state`);
    else if (s.cdf && s.cdf.length !== p.n) out.push(`cdf has ${s.cdf.length} entries for ${p.n} points`);
    return out.map((m) => `sampling: ${m}`);
  }

  /** Continue from a state `getState` gave (checked with `stateProblems` first). */
  setState(s: AdaptiveState | null | undefined): void {
    this.state = s ? copyState(s) : null;
  }
}
