import * as tf from '@tensorflow/tfjs';
import { bool, defaultsOf, float, type SchemaOf } from '../schema/option';
import type { Transform } from './transform';

/** Stochastic gradient descent with heavy-ball or Nesterov momentum (optax.sgd). */
export interface SgdOptions {
  /** Momentum decay μ ∈ [0, 1); 0 = plain gradient descent. */
  momentum: number;
  /** Nesterov momentum (else heavy ball). */
  nesterov: boolean;
}

export const sgdSchema: SchemaOf<SgdOptions> = {
  momentum: float('Momentum μ', 0.9, 0, 0.99999, 'Decay of the velocity buffer; 0 = plain gradient descent.'),
  nesterov: bool('Nesterov', false, 'Look-ahead (Nesterov) momentum instead of heavy ball.'),
};

export const sgdDefaults: SgdOptions = defaultsOf(sgdSchema);

/** State of `trace`: the momentum buffer per parameter. */
export interface TraceState {
  [key: string]: tf.TensorContainer;
  trace: tf.Tensor[];
}

/**
 * optax.trace: t ← g + μ t, output t (heavy ball, Polyak 1964) or g + μ t (Nesterov 1983 in
 * the Sutskever et al. 2013 form). Followed by −η scaling this is
 * θ ← θ − η t, i.e. the PyTorch/optax SGD-with-momentum convention (no dampening).
 */
export function trace(o: SgdOptions = sgdDefaults): Transform<TraceState> {
  return {
    init: (params) => ({ trace: params.map((p) => tf.zerosLike(p)) }),
    update: (grads, state) => {
      const next = grads.map((g, i) => tf.add(g, tf.mul(o.momentum, state.trace[i])));
      const updates = o.nesterov
        ? grads.map((g, i) => tf.add(g, tf.mul(o.momentum, next[i])))
        : next.map((t) => tf.clone(t));
      return { updates, state: { trace: next } };
    },
  };
}
