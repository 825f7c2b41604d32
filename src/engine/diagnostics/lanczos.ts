import { symEig } from '../optim/linalg';
import type { Rng } from '../rng';

/** One Ritz pair of a symmetric operator, with how far it is from an exact eigenpair. */
export interface Eigenpair {
  /** The Ritz value θ (an estimate of an eigenvalue). */
  value: number;
  /** The unit Ritz vector y [dim] (float64). */
  vector: Float64Array;
  /** ‖A y − θ y‖, from the Lanczos recurrence (|β_k s_k|, no extra product). */
  residual: number;
  /**
   * residual ≤ tol · |θ| (ARPACK's test, per end, so the smaller end is held to its own size;
   * floored at 1e-6 of the spectral radius for θ ≈ 0), or the Krylov space became invariant.
   */
  converged: boolean;
}

/** Both ends of the spectrum of a symmetric operator. */
export interface ExtremeEigenpairs {
  /** The largest (algebraic) eigenvalue and its eigenvector. */
  top: Eigenpair;
  /** The smallest (most negative) eigenvalue and its eigenvector. */
  bottom: Eigenpair;
  /** Operator products used. */
  iters: number;
}

/** A symmetric linear operator v ↦ A v on float64 host vectors (e.g. a Hessian-vector product). */
export type HostOperator = (v: Float64Array) => Float64Array | Promise<Float64Array>;

export interface LanczosOptions {
  /** Cap on operator products (Krylov dimension); default 30. */
  maxIters?: number;
  /** Relative residual for convergence, against each end's |θ|; default 1e-3. */
  tol?: number;
  /** Seeded start vector (Gaussian); without it a fixed deterministic start is used. */
  rng?: Rng;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/** ARPACK's convergence test for one Ritz pair: ‖A y − θ y‖ ≤ tol · max(|θ|, 1e-6 · spectral radius). */
const done = (theta: number, residual: number, scale: number, tol: number) =>
  residual <= tol * Math.max(Math.abs(theta), 1e-6 * scale);

/** Ritz pairs of the tridiagonal T (alphas on the diagonal, betas beside) at its two ends. */
function ritzEnds(alphas: number[], betas: number[]) {
  const k = alphas.length;
  const t = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    t[i * k + i] = alphas[i];
    if (i + 1 < k) t[(i + 1) * k + i] = t[i * k + i + 1] = betas[i];
  }
  const { values, vectors } = symEig(t, k);
  const col = (j: number) => Float64Array.from({ length: k }, (_, i) => vectors[i * k + j]);
  return { top: { value: values[0], s: col(0) }, bottom: { value: values[k - 1], s: col(k - 1) } };
}

/**
 * The largest and the smallest eigenvalue of a symmetric operator with their eigenvectors, by
 * the Lanczos iteration with full reorthogonalisation (Golub & Van Loan §10.1; Paige 1972):
 * q_{j+1} β_j = A q_j − α_j q_j − β_{j−1} q_{j−1}, then the eigenpairs (θ, s) of the k × k
 * tridiagonal T_k give Ritz pairs (θ, Q_k s) with residual ‖A y − θ y‖ = |β_k s_k|.
 * Unlike (shifted) power iteration it converges at both ends at once and at the rate set by
 * the gaps at each end, whatever their signs — e.g. for the spectrum [−50, 8, 1, 0.5, −3] it
 * returns 8 and −50 — and it reports, per end, whether the residual met `tol`.
 * Stops when both ends converged, the Krylov space is invariant (β ≈ 0: exact), `dim`
 * products were made, or `maxIters`. Keeps k vectors of `dim` float64s on the host.
 */
export async function extremeEigenpairs(
  apply: HostOperator,
  dim: number,
  opts: LanczosOptions = {},
): Promise<ExtremeEigenpairs> {
  const { maxIters = 30, tol = 1e-3, rng } = opts;
  if (!(Number.isInteger(dim) && dim >= 1))
    throw new Error(`extremeEigenpairs: dim must be a positive integer, got ${dim}`);
  let q = Float64Array.from({ length: dim }, (_, i) => (rng ? rng.normal() : Math.sin(1 + 7.3 * i)));
  const n0 = Math.sqrt(dot(q, q));
  q = q.map((x) => x / n0);
  const basis: Float64Array[] = [];
  const alphas: number[] = [];
  const betas: number[] = [];
  let ends = { top: { value: 0, s: new Float64Array(1) }, bottom: { value: 0, s: new Float64Array(1) } };
  let res = { top: Infinity, bottom: Infinity };
  let invariant = false;
  const limit = Math.min(maxIters, dim);
  while (basis.length < limit) {
    basis.push(q);
    const w = Float64Array.from(await apply(q));
    if (w.length !== dim) throw new Error(`extremeEigenpairs: the operator returned ${w.length} values for dim ${dim}`);
    const a = dot(q, w);
    alphas.push(a);
    // full reorthogonalisation, twice ("twice is enough", Parlett), against every basis vector
    for (let pass = 0; pass < 2; pass++) {
      for (const b of basis) {
        const c = dot(b, w);
        for (let i = 0; i < dim; i++) w[i] -= c * b[i];
      }
    }
    const beta = Math.sqrt(dot(w, w));
    ends = ritzEnds(alphas, betas);
    const k = alphas.length;
    res = { top: Math.abs(beta * ends.top.s[k - 1]), bottom: Math.abs(beta * ends.bottom.s[k - 1]) };
    const scale = Math.max(Math.abs(ends.top.value), Math.abs(ends.bottom.value), 1e-300);
    invariant = beta <= 1e-12 * scale;
    if (invariant || (done(ends.top.value, res.top, scale, tol) && done(ends.bottom.value, res.bottom, scale, tol)))
      break;
    betas.push(beta);
    q = w.map((x) => x / beta);
  }
  const scale = Math.max(Math.abs(ends.top.value), Math.abs(ends.bottom.value), 1e-300);
  const pair = (e: { value: number; s: Float64Array }, r: number): Eigenpair => {
    const y = new Float64Array(dim);
    e.s.forEach((sj, j) => {
      for (let i = 0; i < dim; i++) y[i] += sj * basis[j][i];
    });
    const ny = Math.sqrt(dot(y, y)) || 1;
    return {
      value: e.value,
      vector: y.map((x) => x / ny),
      residual: r,
      converged: invariant || done(e.value, r, scale, tol),
    };
  };
  return { top: pair(ends.top, res.top), bottom: pair(ends.bottom, res.bottom), iters: alphas.length };
}
