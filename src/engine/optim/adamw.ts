import * as tf from '@tensorflow/tfjs';
import { defaultsOf, float, type SchemaOf } from '../schema/option';
import { adamSchema, type AdamOptions } from './adam';
import type { Transform } from './transform';

/** AdamW's hyperparameters: Adam's plus the decoupled weight-decay rate λ. */
export interface AdamwOptions extends AdamOptions {
  weightDecay: number;
}

/** optax.adamw's defaults (λ = 1e-4). */
export const adamwSchema: SchemaOf<AdamwOptions> = {
  ...adamSchema,
  weightDecay: float('Weight decay λ', 1e-4, 0, 1, 'Decoupled decay: each step also moves θ by −η λ θ.'),
};

export const adamwDefaults: AdamwOptions = defaultsOf(adamwSchema);

/**
 * optax.add_decayed_weights: u ← u + λ θ. Placed after a preconditioner and before the −η
 * scaling, the step is θ ← θ − η (u + λ θ): weight decay decoupled from the adaptive scaling
 * (Loshchilov & Hutter 2019, "Decoupled Weight Decay Regularization"), not an L2 term in the
 * loss (which Adam would rescale per coordinate).
 */
export function addDecayedWeights(weightDecay: number): Transform<Record<string, never>> {
  return {
    init: () => ({}),
    update: (grads, state, params) => ({
      updates: grads.map((g, i) => (weightDecay === 0 ? tf.clone(g) : tf.add(g, tf.mul(weightDecay, params[i])))),
      state,
    }),
  };
}
