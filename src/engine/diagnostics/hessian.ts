import * as tf from '@tensorflow/tfjs';
import { paramGrads } from '../grads';
import type { Rng } from '../rng';

/** Result of the power iteration: Rayleigh quotient, iterations used, last relative change. */
export interface TopEigen {
  value: number;
  iters: number;
  change: number;
}

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
export function hessianVectorProduct(vars: readonly tf.Variable[], loss: () => tf.Scalar, v: tf.Tensor1D, eps = 1e-3): tf.Tensor1D {
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
 * Power iteration on v ↦ H v − shift·v from a seeded random start; returns the Rayleigh
 * quotient of H (shift added back), stopping when it changes by less than `tol` (relative).
 */
async function powerIteration(vars: readonly tf.Variable[], loss: () => tf.Scalar, rng: Rng, shift: number, maxIters: number, tol: number, eps: number): Promise<TopEigen> {
  const p = vars.reduce((s, v) => s + v.size, 0);
  const start = new Float32Array(p);
  for (let i = 0; i < p; i++) start[i] = rng.normal();
  let v = tf.tidy(() => { const t = tf.tensor1d(start); return tf.div(t, tf.norm(t)) as tf.Tensor1D; });
  let lambda = 0;
  let change = Infinity;
  let it = 0;
  try {
    while (it < maxIters) {
      it++;
      const hv = hessianVectorProduct(vars, loss, v, eps);
      const [rq, next] = tf.tidy(() => {
        const shifted = shift === 0 ? hv : tf.sub(hv, tf.mul(shift, v));
        return [tf.sum(tf.mul(v, hv)), tf.div(shifted, tf.maximum(tf.norm(shifted), 1e-30)) as tf.Tensor1D];
      });
      const [l] = await rq.data();
      tf.dispose([hv, rq, v]);
      v = next;
      change = Math.abs(l - lambda) / Math.max(Math.abs(l), 1e-30);
      lambda = l;
      if (change < tol) break;
    }
  } finally {
    v.dispose();
  }
  return { value: lambda, iters: it, change };
}

/**
 * The largest (algebraic) eigenvalue of the loss Hessian — the stiffness measure of the
 * gradient-pathologies paper, §2.4 — by power iteration on Hessian-vector products. Plain
 * power iteration finds the eigenvalue of largest magnitude; when that one is negative
 * (non-convex regions, early training), a second iteration on H − λ_dom I finds λ_max.
 * Reads one scalar per iteration (async, backend-safe).
 */
export async function topHessianEigenvalue(
  vars: readonly tf.Variable[],
  loss: () => tf.Scalar,
  rng: Rng,
  { maxIters = 20, tol = 1e-3, eps = 1e-3 } = {},
): Promise<TopEigen & { dominant: number }> {
  const dom = await powerIteration(vars, loss, rng, 0, maxIters, tol, eps);
  if (dom.value >= 0) return { ...dom, dominant: dom.value };
  const top = await powerIteration(vars, loss, rng, dom.value, maxIters, tol, eps);
  return { ...top, iters: dom.iters + top.iters, dominant: dom.value };
}
