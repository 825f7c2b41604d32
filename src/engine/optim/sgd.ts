import * as tf from '@tensorflow/tfjs';
import type { Transform } from './transform';

/** Stochastic gradient descent with heavy-ball or Nesterov momentum (optax.sgd). */
export interface SgdOptions {
  /** Momentum decay μ ∈ [0, 1); 0 = plain gradient descent. */
  momentum: number;
  /** 1 = Nesterov momentum, 0 = heavy ball (a number so that configs stay numeric). */
  nesterov: number;
}

export const sgdDefaults: SgdOptions = { momentum: 0.9, nesterov: 0 };

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
      const updates = o.nesterov ? grads.map((g, i) => tf.add(g, tf.mul(o.momentum, next[i]))) : next.map((t) => tf.clone(t));
      return { updates, state: { trace: next } };
    },
  };
}
