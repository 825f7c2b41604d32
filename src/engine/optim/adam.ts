import * as tf from '@tensorflow/tfjs';
import { defaultsOf, float, type SchemaOf } from '../schema/option';
import type { Transform } from './transform';

/** Adam's hyperparameters (Kingma & Ba 2015). */
export interface AdamOptions {
  b1: number;
  b2: number;
  eps: number;
}

/** β₁, β₂ and ε as every Adam-like optimizer declares them (each with its own defaults). */
export function adamMoments(b1: number, b2: number): SchemaOf<AdamOptions> {
  return {
    b1: float('β₁ (momentum)', b1, 0, 0.99999, 'Decay of the first-moment (gradient) average; 0 = no momentum.'),
    b2: float('β₂ (second moment)', b2, 0, 0.99999999, 'Decay of the squared-gradient average.'),
    eps: float('ε', 1e-8, 0, 1, 'Added to the root of the second moment, bounding the step where it is tiny.'),
  };
}

export const adamSchema: SchemaOf<AdamOptions> = adamMoments(0.9, 0.999);

export const adamDefaults: AdamOptions = defaultsOf(adamSchema);

/** State of `scaleByAdam`: step count and first/second moments per parameter. */
export interface AdamState {
  [key: string]: tf.TensorContainer;
  count: tf.Scalar;
  mu: tf.Tensor[];
  nu: tf.Tensor[];
}

/**
 * optax.scale_by_adam: m ← b1 m + (1−b1) g, v ← b2 v + (1−b2) g², output
 * m̂ / (√v̂ + eps) with m̂ = m / (1 − b1^t), v̂ = v / (1 − b2^t), t = 1, 2, …
 * The count lives on the device as a scalar so steps need no host reads.
 */
export function scaleByAdam(o: AdamOptions = adamDefaults): Transform<AdamState> {
  return {
    init: (params) => ({
      count: tf.scalar(0),
      mu: params.map((p) => tf.zerosLike(p)),
      nu: params.map((p) => tf.zerosLike(p)),
    }),
    update: (grads, state) => {
      const count = tf.add(state.count, 1) as tf.Scalar;
      const c1 = tf.sub(1, tf.pow(o.b1, count));
      const c2 = tf.sub(1, tf.pow(o.b2, count));
      const mu = grads.map((g, i) => tf.add(tf.mul(o.b1, state.mu[i]), tf.mul(1 - o.b1, g)));
      const nu = grads.map((g, i) => tf.add(tf.mul(o.b2, state.nu[i]), tf.mul(1 - o.b2, tf.square(g))));
      const updates = mu.map((m, i) => tf.div(tf.div(m, c1), tf.add(tf.sqrt(tf.div(nu[i], c2)), o.eps)));
      return { updates, state: { count, mu, nu } };
    },
  };
}

/**
 * Multiply updates by −η, with η read from `lr()` at each step (so the learning rate can
 * change while training and schedules stay on the host).
 */
export function scaleByLearningRate(lr: () => number): Transform<Record<string, never>> {
  return {
    init: () => ({}),
    update: (grads, state) => ({ updates: grads.map((g) => tf.mul(g, -lr())), state }),
  };
}
