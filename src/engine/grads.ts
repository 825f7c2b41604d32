import * as tf from '@tensorflow/tfjs';

/**
 * Value and gradients of a scalar function of the variables, as one tensor per variable in
 * `vars` order. tfjs omits variables no path reaches (e.g. the last bias in u_tt − c²u_xx);
 * those get zeros here so every consumer sees a full, aligned list. Caller disposes both.
 */
export function paramGrads(vars: readonly tf.Variable[], f: () => tf.Scalar): { value: tf.Scalar; grads: tf.Tensor[] } {
  const { value, grads } = tf.variableGrads(f, vars as tf.Variable[]);
  return { value, grads: vars.map((v) => grads[v.name] ?? tf.zerosLike(v)) };
}
