import * as tf from '@tensorflow/tfjs';

/**
 * Gradient alignment score (Wang, Bhartari, Li, Perdikaris 2025, arXiv 2502.00604, eq. 9):
 * for vectors v_1..v_n, A = 2 ‖(1/n) Σ v_i / ‖v_i‖‖² − 1 ∈ [−1, 1]. For n = 2 it equals the
 * cosine similarity; 1 means all directions agree, values near or below 0 mean conflict.
 * Vectors are flattened parameter gradients [P]; the result is a scalar tensor. A zero vector
 * has no direction, so the score is undefined: NaN whenever any v_i = 0 (e.g. the update of
 * SOAP's first call, which only builds its eigenbases) — callers report nothing then.
 */
export function alignmentScore(vs: readonly tf.Tensor1D[]): tf.Scalar {
  return tf.tidy(() => {
    const norms = vs.map((v) => tf.norm(v));
    const units = vs.map((v, i) => tf.div(v, tf.maximum(norms[i], 1e-30)));
    const mean = tf.div(tf.addN(units), vs.length);
    const score = tf.sub(tf.mul(2, tf.sum(tf.square(mean))), 1);
    const degenerate = tf.equal(tf.min(tf.stack(norms)), 0);
    return tf.where(degenerate, tf.scalar(NaN), score) as tf.Scalar;
  });
}

/** The same score in float64 JavaScript, for references and host-side arrays (NaN for a zero vector). */
export function alignmentScoreHost(vs: readonly ArrayLike<number>[]): number {
  const p = vs[0].length;
  const mean = new Float64Array(p);
  for (const v of vs) {
    let n = 0;
    for (let i = 0; i < p; i++) n += v[i] * v[i];
    if (n === 0) return NaN;
    n = Math.sqrt(n);
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
