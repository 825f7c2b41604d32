import * as tf from '@tensorflow/tfjs';
import type { NamedParam } from '../nets';

/** Which gradient a layer's histogram shows. */
export type WeightGradSource = 'W' | 'W = V·diag(exp s)';

/** One layer's weight gradient for histograms, in parameter order. */
export interface WeightGrad {
  layer: string;
  source: WeightGradSource;
  grad: tf.Tensor;
}

/** Layer name of a parameter (`layer0` for `layer0.weight`). */
export const layerOf = (name: string) => name.slice(0, name.lastIndexOf('.'));

/**
 * The gradient of every dense layer's *effective* weight W [in, out] from the parameter
 * gradients `grads` (aligned with `params`): a plain layer's `.weight` gradient as it is, and
 * for random weight factorization (`.v`, `.s`; W = V·diag(exp s), see nets/dense.ts) the chain
 * rule backwards, ∂L/∂W_ij = (∂L/∂V_ij) / exp(s_j) — the same quantity for every
 * architecture, so PirateNet (RWF by default) has histograms too and they compare with an
 * MLP's. Layers without a 2-D weight (PirateNet's α) are skipped. Caller disposes the grads.
 */
export function effectiveWeightGrads(params: readonly NamedParam[], grads: readonly tf.Tensor[]): WeightGrad[] {
  const out: WeightGrad[] = [];
  params.forEach((p, k) => {
    const layer = layerOf(p.name);
    if (p.name.endsWith('.weight')) out.push({ layer, source: 'W', grad: tf.clone(grads[k]) });
    else if (p.name.endsWith('.v')) {
      const s = params.find((q) => q.name === `${layer}.s`);
      if (!s) throw new Error(`effectiveWeightGrads: ${p.name} has no scale ${layer}.s`);
      out.push({ layer, source: 'W = V·diag(exp s)', grad: tf.tidy(() => tf.div(grads[k], tf.exp(s.variable))) });
    }
  });
  return out;
}
