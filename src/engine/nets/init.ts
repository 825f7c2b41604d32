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
 * A trainable dense layer: weight [fanIn, fanOut] (Glorot normal) named `${name}.weight` and
 * bias (zeros) named `${name}.bias`. The tfjs variables get engine-unique names so that
 * several networks (compare mode) can live side by side; the readable names are ours.
 */
export function denseParams(rng: Rng, fanIn: number, fanOut: number, name: string) {
  const w = tf.variable(tf.tensor2d(glorotNormal(rng, fanIn, fanOut), [fanIn, fanOut]));
  const b = tf.variable(tf.zeros([fanOut]));
  return {
    w: w as tf.Variable<tf.Rank.R2>,
    b: b as tf.Variable<tf.Rank.R1>,
    named: [
      { name: `${name}.weight`, variable: w },
      { name: `${name}.bias`, variable: b },
    ],
  };
}
