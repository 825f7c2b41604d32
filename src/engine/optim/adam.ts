import * as tf from '@tensorflow/tfjs';
import { defaultsOf, float, type SchemaOf } from '../schema/option';
import { fusedAdamUpdate } from '../kernels/adam-update';
import { scaleAll } from '../kernels/apply-updates';
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
 * The count lives on the device as a scalar so steps need no host reads. Each parameter's
 * step, over all parameters, is one fused kernel (`kernels/adam-update.ts`) where the backend has it.
 */
export function scaleByAdam(o: AdamOptions = adamDefaults): Transform<AdamState> {
  return {
    init: (params) => ({
      count: tf.scalar(0),
      mu: params.map((p) => tf.zerosLike(p)),
      nu: params.map((p) => tf.zerosLike(p)),
    }),
    update: (grads, state) => {
      const fused = fusedAdamUpdate(state.count, grads, state.mu, state.nu, o);
      if (fused) return { updates: fused.updates, state: { count: fused.count, mu: fused.mu, nu: fused.nu } };
      const count = tf.add(state.count, 1) as tf.Scalar;
      const c1 = tf.sub(1, tf.pow(o.b1, count));
      const c2 = tf.sub(1, tf.pow(o.b2, count));
      const parts = grads.map((g, i) => adamTaped(g, state.mu[i], state.nu[i], c1, c2, o));
      const [mu, nu, updates] = [0, 1, 2].map((k) => parts.map((p) => p[k]));
      return { updates, state: { count, mu, nu } };
    },
  };
}

/** One parameter's Adam update from taped ops: [m', v', u] (the fused kernel's reference). */
export function adamTaped(
  g: tf.Tensor,
  m: tf.Tensor,
  v: tf.Tensor,
  c1: tf.Tensor,
  c2: tf.Tensor,
  o: AdamOptions,
): [tf.Tensor, tf.Tensor, tf.Tensor] {
  const mu = tf.add(tf.mul(o.b1, m), tf.mul(1 - o.b1, g));
  const nu = tf.add(tf.mul(o.b2, v), tf.mul(1 - o.b2, tf.square(g)));
  return [mu, nu, tf.div(tf.div(mu, c1), tf.add(tf.sqrt(tf.div(nu, c2)), o.eps))];
}

/**
 * Multiply updates by −η, with η read from `lr()` at each step (so the learning rate can
 * change while training and schedules stay on the host).
 */
export function scaleByLearningRate(lr: () => number): Transform<Record<string, never>> {
  return {
    init: () => ({}),
    update: (grads, state) => ({ updates: scaleAll(grads, -lr()), state }),
  };
}
