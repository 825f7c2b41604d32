import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../rng';

/**
 * Glorot (Xavier) normal initialisation, W_ij ~ N(0, 2 / (fan_in + fan_out)),
 * drawn from the seeded RNG so that initial weights depend only on the seed.
 */
export function glorotNormal(rng: Rng, fanIn: number, fanOut: number): Float32Array {
  const std = Math.sqrt(2 / (fanIn + fanOut));
  const w = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < w.length; i++) w[i] = std * rng.normal();
  return w;
}

/**
 * A tf.Variable holding `init`'s values, which it takes over: `tf.variable(t)` shares t's
 * buffer and leaves t registered, so without disposing t every network would leave one tensor
 * per parameter behind after `dispose()`.
 */
export function variableOf<R extends tf.Rank>(init: tf.Tensor<R>, trainable = true): tf.Variable<R> {
  const v = tf.variable(init, trainable);
  init.dispose();
  return v;
}
