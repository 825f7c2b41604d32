import { strongWolfe, wolfeDefaults, type WolfeOptions } from './linesearch';
import { dot, evaluate, norm, normInf, type Evaluation, type Objective } from './objective';

/** L-BFGS settings. */
export interface LbfgsOptions {
  /** Curvature pairs (s, y) kept: the memory m of Nocedal & Wright §7.2. */
  historySize: number;
  maxIterations: number;
  /** Stop when ‖∇f‖∞ ≤ gtol. */
  gtol: number;
  /** Stop when the loss decrease is ≤ ftol · max(|f|, |f_new|, 1). */
  ftol: number;
  lineSearch: WolfeOptions;
}

export const lbfgsDefaults: LbfgsOptions = {
  historySize: 10,
  maxIterations: 1000,
  gtol: 1e-10,
  ftol: 1e-15,
  lineSearch: wolfeDefaults,
};

/** What one iteration reports (to `onIteration`, e.g. for a loss curve). */
export interface LbfgsIteration {
  iteration: number;
  /** The accepted point (do not modify). */
  x: Float64Array;
  loss: number;
  gradNorm: number;
  /** Accepted line-search step length. */
  alpha: number;
  /** Objective evaluations so far. */
  evaluations: number;
}

/** Why L-BFGS stopped. */
export type LbfgsStop = 'gtol' | 'ftol' | 'maxIterations' | 'lineSearch' | 'callback';

export interface LbfgsResult {
  x: Float64Array;
  loss: number;
  grad: Float64Array;
  iterations: number;
  evaluations: number;
  stop: LbfgsStop;
  /** Loss before iteration 1, then after each iteration. */
  losses: number[];
}

/**
 * p = −H∇f by the L-BFGS two-loop recursion (Nocedal & Wright Alg. 7.4) over the stored pairs
 * (oldest first), with H₀ = γI, γ = sᵀy / yᵀy of the newest pair (eq. 7.20).
 */
function direction(g: Float64Array, pairs: { s: Float64Array; y: Float64Array; rho: number }[]): Float64Array {
  const q = Float64Array.from(g);
  const alphas = new Float64Array(pairs.length);
  for (let i = pairs.length - 1; i >= 0; i--) {
    const { s, y, rho } = pairs[i];
    alphas[i] = rho * dot(s, q);
    for (let j = 0; j < q.length; j++) q[j] -= alphas[i] * y[j];
  }
  const last = pairs[pairs.length - 1];
  const gamma = last ? dot(last.s, last.y) / dot(last.y, last.y) : 1;
  for (let j = 0; j < q.length; j++) q[j] *= gamma;
  for (let i = 0; i < pairs.length; i++) {
    const { s, y, rho } = pairs[i];
    const beta = rho * dot(y, q);
    for (let j = 0; j < q.length; j++) q[j] += (alphas[i] - beta) * s[j];
  }
  for (let j = 0; j < q.length; j++) q[j] = -q[j];
  return q;
}

/**
 * Minimise f from x0 by limited-memory BFGS (Liu & Nocedal 1989; Nocedal & Wright 2006,
 * Alg. 7.5) with a strong-Wolfe line search (Alg. 3.5/3.6), all vectors float64. The first step
 * tries α = min(1, 1/‖∇f‖₂) along −∇f, later ones α = 1 (the quasi-Newton step). A pair is
 * stored only when sᵀy > 1e-12 ‖s‖‖y‖ (strong Wolfe guarantees sᵀy > 0 in exact arithmetic).
 * If a direction is not a descent direction the memory is cleared and −∇f is used.
 * `onIteration` may return true to stop early.
 */
export async function lbfgs(
  f: Objective,
  x0: ArrayLike<number>,
  options: Partial<LbfgsOptions> = {},
  onIteration?: (it: LbfgsIteration) => boolean | void | Promise<boolean | void>,
): Promise<LbfgsResult> {
  const o = { ...lbfgsDefaults, ...options };
  let x: Float64Array = Float64Array.from(x0);
  let at: Evaluation = await evaluate(f, x);
  let evaluations = 1;
  const pairs: { s: Float64Array; y: Float64Array; rho: number }[] = [];
  const losses = [at.loss];
  const result = (iterations: number, stop: LbfgsStop): LbfgsResult => ({
    x,
    loss: at.loss,
    grad: at.grad,
    iterations,
    evaluations,
    stop,
    losses,
  });
  if (!Number.isFinite(at.loss)) throw new Error(`lbfgs: the loss at x0 is ${at.loss}`);
  for (let k = 0; k < o.maxIterations; k++) {
    if (normInf(at.grad) <= o.gtol) return result(k, 'gtol');
    let p = direction(at.grad, pairs);
    if (!(dot(p, at.grad) < 0)) {
      pairs.length = 0;
      p = direction(at.grad, pairs);
    }
    const alpha1 = pairs.length === 0 ? Math.min(1, 1 / norm(at.grad)) : 1;
    const ls = await strongWolfe(f, x, at, p, alpha1, o.lineSearch);
    evaluations += ls.evals;
    if (ls.alpha === 0) return result(k, 'lineSearch');
    const s = new Float64Array(x.length);
    const y = new Float64Array(x.length);
    for (let j = 0; j < x.length; j++) {
      s[j] = ls.x[j] - x[j];
      y[j] = ls.at.grad[j] - at.grad[j];
    }
    const sy = dot(s, y);
    if (sy > 1e-12 * norm(s) * norm(y)) {
      pairs.push({ s, y, rho: 1 / sy });
      if (pairs.length > o.historySize) pairs.shift();
    }
    const decrease = at.loss - ls.at.loss;
    const scale = Math.max(Math.abs(at.loss), Math.abs(ls.at.loss), 1);
    x = ls.x;
    at = ls.at;
    losses.push(at.loss);
    const stop = await onIteration?.({
      iteration: k + 1,
      x,
      loss: at.loss,
      gradNorm: norm(at.grad),
      alpha: ls.alpha,
      evaluations,
    });
    if (stop === true) return result(k + 1, 'callback');
    if (normInf(at.grad) <= o.gtol) return result(k + 1, 'gtol');
    if (decrease <= o.ftol * scale) return result(k + 1, 'ftol');
    if (!ls.ok && decrease <= 0) return result(k + 1, 'lineSearch');
  }
  return result(o.maxIterations, 'maxIterations');
}
