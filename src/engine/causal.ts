import * as tf from '@tensorflow/tfjs';
import { bool, float, int, type SchemaOf } from './schema/option';

/**
 * Causal training's options (Wang, Sankaran, Perdikaris 2024): residual points sorted into
 * `chunks` time chunks weighted by w_i = exp(−ε Σ_{j<i} L_j). On by default for the PDEs that
 * declare `causalByDefault` (Allen–Cahn, KdV, Kuramoto–Sivashinsky), ε = 1, 32 chunks (jaxpi).
 */
export interface CausalConfig {
  enabled: boolean;
  eps: number;
  chunks: number;
}

export const causalSchema: SchemaOf<CausalConfig> = {
  enabled: bool(
    'Causal weighting of the residual',
    false,
    'Wang, Sankaran, Perdikaris 2024: later time chunks count only once earlier ones are fitted.',
  ),
  eps: float(
    'Causality ε',
    1,
    0,
    1e4,
    'Steepness of the chunk weights exp(−ε Σ earlier losses); 0 = all chunks weigh 1.',
  ),
  chunks: int('Time chunks', 32, 1, 1024, 'Number of time slices the residual points are sorted into.'),
};

/**
 * Causal weighting of the PDE residual loss (Wang, Sankaran, Perdikaris, "Respecting
 * causality for training physics-informed neural networks", CMAME 421, 2024, arXiv
 * 2203.07404; jaxpi `res_and_w`). The residual points are sorted by t and split into M
 * chunks with losses L_i = mean(r²) over chunk i; chunk i is weighted by
 *   w_i = exp(−ε Σ_{j<i} L_j)          (w_0 = 1),
 * so later times count only once earlier ones are resolved, and the residual loss is
 * mean_i(w_i L_i). The weights are constants for the optimiser: no gradient flows through
 * them (jax `lax.stop_gradient`), which tfjs lacks — see `stopGradient`.
 * Not wired into the trainer here; `chunkByTime` + `chunkLosses` + `causalLoss` are the parts.
 */

/**
 * The identity with a zero gradient (jax `lax.stop_gradient`). tfjs 4.22 has no such op, so
 * it is a `tf.customGrad` whose forward is `tf.clone` and whose gradFunc returns zeros:
 * the tape records one node that cuts the path, while the value is unchanged.
 */
export const stopGradient = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
  value: tf.clone(args[0] as tf.Tensor),
  gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
})) as <T extends tf.Tensor>(x: T) => T;

/**
 * Causal weights w_i = exp(−ε Σ_{j<i} L_j) [M] from the chunk losses L [M] (chunks in
 * increasing time), as an exclusive cumulative sum of the stop-gradient losses: the result
 * is a function of L's values only, with no gradient path back to L. ε ≥ 0 is the causality
 * tolerance (jaxpi's `tol`, e.g. 1.0; larger ε is stricter).
 */
export function causalWeights(chunkLosses: tf.Tensor1D, eps: number): tf.Tensor1D {
  return tf.tidy(() => tf.exp(tf.mul(-eps, tf.cumsum(stopGradient(chunkLosses), 0, true))) as tf.Tensor1D);
}

/**
 * Chunk index per point [B] (Int32Array, values 0..m−1) for times t [B], as jaxpi does it:
 * rank the points by t and cut the ranking into m consecutive groups of equal size (sizes
 * differ by at most one when m does not divide B), so no chunk is empty. Ties keep input
 * order. Chunk 0 holds the earliest times.
 */
export function chunkByTime(t: ArrayLike<number>, m: number): Int32Array {
  const n = t.length;
  if (!(Number.isInteger(m) && m >= 1 && m <= n)) throw new Error(`chunkByTime: need 1 ≤ m ≤ ${n} chunks (got ${m})`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => t[a] - t[b] || a - b);
  const out = new Int32Array(n);
  order.forEach((p, rank) => (out[p] = Math.floor((rank * m) / n)));
  return out;
}

/**
 * Chunk losses L_i = mean over the points of chunk i of r² [M], from residuals r ([B] or
 * [B, 1]) and the chunk index per point (`chunkByTime`). A chunk with no points gets 0.
 * Computed as one matMul of a constant averaging matrix A [M, B] (A_ij = 1/|chunk i| when
 * point j is in chunk i) with r², which every backend implements (tfjs-backend-wasm and
 * webgpu lack UnsortedSegmentSum) and which differentiates in r.
 */
export function chunkLosses(residual: tf.Tensor, chunk: Int32Array, m: number): tf.Tensor1D {
  return tf.tidy(() => {
    const n = chunk.length;
    const counts = new Float32Array(m);
    chunk.forEach((c) => counts[c]++);
    const avg = new Float32Array(m * n);
    chunk.forEach((c, j) => (avg[c * n + j] = 1 / counts[c]));
    const sq = tf.reshape(tf.square(tf.reshape(residual, [-1])), [n, 1]) as tf.Tensor2D;
    return tf.reshape(tf.matMul(tf.tensor2d(avg, [m, n]), sq), [m]) as tf.Tensor1D;
  });
}

/** The causal residual loss mean_i(w_i L_i) with w from `causalWeights` (scalar). */
export function causalLoss(chunkLosses: tf.Tensor1D, eps: number): tf.Scalar {
  return tf.tidy(() => tf.mean(tf.mul(causalWeights(chunkLosses, eps), chunkLosses)));
}
