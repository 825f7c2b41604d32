import * as tf from '@tensorflow/tfjs';

/**
 * Gradient alignment score (Wang, Bhartari, Li, Perdikaris 2025, arXiv 2502.00604, eq. 9):
 * for vectors v_1..v_n, A = 2 ‖(1/n) Σ v_i / ‖v_i‖‖² − 1 ∈ [−1, 1]. For n = 2 it equals the
 * cosine similarity; 1 means all directions agree, values near or below 0 mean conflict.
 * Vectors are flattened parameter gradients [P]; the result is a scalar tensor.
 */
export function alignmentScore(vs: readonly tf.Tensor1D[]): tf.Scalar {
  return tf.tidy(() => {
    const units = vs.map((v) => tf.div(v, tf.maximum(tf.norm(v), 1e-30)));
    const mean = tf.div(tf.addN(units), vs.length);
    return tf.sub(tf.mul(2, tf.sum(tf.square(mean))), 1) as tf.Scalar;
  });
}

/** The same score in float64 JavaScript, for references and host-side arrays. */
export function alignmentScoreHost(vs: readonly ArrayLike<number>[]): number {
  const p = vs[0].length;
  const mean = new Float64Array(p);
  for (const v of vs) {
    let n = 0;
    for (let i = 0; i < p; i++) n += v[i] * v[i];
    n = Math.sqrt(n) || 1e-30;
    for (let i = 0; i < p; i++) mean[i] += v[i] / n / vs.length;
  }
  let s = 0;
  for (let i = 0; i < p; i++) s += mean[i] * mean[i];
  return 2 * s - 1;
}

/** Concatenate a list of parameter-shaped tensors into one flat vector [P]. */
export function flatten(ts: readonly tf.Tensor[]): tf.Tensor1D {
  return tf.tidy(() => tf.concat(ts.map((t) => tf.reshape(t, [-1]))) as tf.Tensor1D);
}
