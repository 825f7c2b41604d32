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

/** A trainable dense layer's weight [fanIn, fanOut] (Glorot normal) and bias (zeros). */
export function denseParams(rng: Rng, fanIn: number, fanOut: number, name: string) {
  return {
    w: tf.variable(tf.tensor2d(glorotNormal(rng, fanIn, fanOut), [fanIn, fanOut]), true, `${name}.weight`),
    b: tf.variable(tf.zeros([fanOut]), true, `${name}.bias`),
  };
}
