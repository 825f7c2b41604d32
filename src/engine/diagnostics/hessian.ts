import * as tf from '@tensorflow/tfjs';
import { paramGrads } from '../grads';
import { termLosses } from '../loss';
import type { Rng } from '../rng';
import type { PointBatch } from '../sampling';
import type { Trainer } from '../trainer';
import { extremeEigenpairs, type ExtremeEigenpairs, type HostOperator } from './lanczos';
import { primaryResidual } from '../pdes/types';

/**
 * Gradient of `loss` with respect to `vars`, flattened [P].
 */
function flatGrad(vars: readonly tf.Variable[], loss: () => tf.Scalar): tf.Tensor1D {
  return tf.tidy(() => {
    const { value, grads } = paramGrads(vars, loss);
    value.dispose();
    return tf.concat(grads.map((g) => tf.reshape(g, [-1]))) as tf.Tensor1D;
  });
}

/** Set `vars` to base + s·dir (dir flattened [P]). */
function assignShifted(vars: readonly tf.Variable[], base: readonly tf.Tensor[], dir: tf.Tensor1D, s: number): void {
  let off = 0;
  vars.forEach((v, i) => {
    const n = v.size;
    const next = tf.tidy(() => tf.add(base[i], tf.mul(s, tf.reshape(tf.slice(dir, off, n), v.shape))));
    v.assign(next);
    next.dispose();
    off += n;
  });
}

/**
 * Hessian-vector product H·v of `loss` at the current parameters by central differencing of
 * exact gradients: (∇L(θ + εv) − ∇L(θ − εv)) / 2ε, with ‖v‖ = 1. The truncation error is
 * O(ε²·‖∇³L‖); in float32 the rounding error is ≈ 1e-7·‖∇L‖/ε, so ε = 1e-3 gives about
 * three to four correct digits for PINN-sized losses. The parameters are restored exactly.
 */
export function hessianVectorProduct(
  vars: readonly tf.Variable[],
  loss: () => tf.Scalar,
  v: tf.Tensor1D,
  eps = 1e-3,
): tf.Tensor1D {
  const base = vars.map((x) => tf.clone(x));
  try {
    assignShifted(vars, base, v, eps);
    const gp = flatGrad(vars, loss);
    assignShifted(vars, base, v, -eps);
    const gm = flatGrad(vars, loss);
    const hv = tf.tidy(() => tf.div(tf.sub(gp, gm), 2 * eps) as tf.Tensor1D);
    tf.dispose([gp, gm]);
    return hv;
  } finally {
    vars.forEach((x, i) => x.assign(base[i]));
    tf.dispose(base);
  }
}

/**
 * The Hessian-vector product as a host operator on float64 vectors [P] (parameter order,
 * flattened): one upload, two gradients, one read per product. For `extremeEigenpairs`.
 */
export function hostHessianOperator(vars: readonly tf.Variable[], loss: () => tf.Scalar, eps = 1e-3): HostOperator {
  return async (v) => {
    let nv = 0;
    for (let i = 0; i < v.length; i++) nv += v[i] * v[i];
    nv = Math.sqrt(nv) || 1; // the product is linear; the differencing wants ‖v‖ = 1
    const t = tf.tensor1d(Float32Array.from(v, (x) => x / nv));
    const hv = hessianVectorProduct(vars, loss, t, eps);
    const out = Float64Array.from((await hv.data()) as Float32Array, (x) => x * nv);
    tf.dispose([t, hv]);
    return out;
  };
}

/**
 * Both extreme eigenpairs of the loss Hessian — λ_max, the stiffness measure of the
 * gradient-pathologies paper (§2.4), and λ_min, negative at a saddle (the Newton story of
 * arXiv 2510.11987) — with eigenvectors and per-end convergence, by Lanczos on the
 * Hessian-vector products above (`maxIters` products, one device read each). The start vector
 * is drawn from `rng`. Leaves the parameters unchanged.
 */
export function hessianEigenpairs(
  vars: readonly tf.Variable[],
  loss: () => tf.Scalar,
  rng: Rng,
  { maxIters = 20, tol = 1e-3, eps = 1e-3 } = {},
): Promise<ExtremeEigenpairs> {
  const dim = vars.reduce((s, v) => s + v.size, 0);
  return extremeEigenpairs(hostHessianOperator(vars, loss, eps), dim, { maxIters, tol, rng });
}

/** A scalar loss closure for perturbation-based diagnostics, and what it holds. */
export interface FrozenLoss {
  loss: () => tf.Scalar;
  dispose(): void;
}

/**
 * Σ_t w_t L_t over `terms` on fixed `batches`, as a closure that Hessian-vector products may
 * evaluate at θ ± εv. With causal training on, the residual's chunk weights w_i(θ) are
 * computed once at the current θ and then held fixed — they are constants for the optimiser
 * (stop-gradient), so they must not change between the two differenced gradients either
 * (recomputing them would add ∂w/∂θ terms the training gradient never has, and make the
 * operator non-symmetric). `weights` align with `terms`. Caller disposes.
 */
export function frozenLoss(
  trainer: Trainer,
  batches: Record<string, PointBatch>,
  terms: readonly string[],
  weights: readonly number[],
): FrozenLoss {
  const { causal, params } = trainer.config;
  const streams = Object.fromEntries(terms.map((t) => [t, trainer.streamsOf(t)]));
  let fixed: tf.Tensor1D | undefined;
  const res = primaryResidual(trainer.pde);
  if (causal.enabled && res !== undefined && terms.includes(res)) {
    tf.tidy(() => trainer.lossesOn(batches, [res], (w) => (fixed = w)));
  }
  const c = fixed ? { eps: causal.eps, chunks: causal.chunks, fixed } : undefined;
  const loss = () =>
    tf.tidy(() => {
      const ls = termLosses(trainer.net, trainer.pde, params, terms, batches, streams, c);
      return tf.sum(tf.mul(ls, tf.tensor1d(weights as number[]))) as tf.Scalar;
    });
  return { loss, dispose: () => fixed?.dispose() };
}
