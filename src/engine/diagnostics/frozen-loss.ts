import * as tf from '@tensorflow/tfjs';
import { primaryResidual } from '../pdes/types';
import { termLosses } from '../loss';
import type { PointBatch } from '../sampling';
import type { Trainer } from '../trainer';

/** A scalar loss closure for perturbation-based diagnostics, and what it holds. */
export interface FrozenLoss {
  loss: () => tf.Scalar;
  dispose(): void;
}

/**
 * Σ_t w_t L_t over `terms` on fixed `batches`, as a closure that Hessian-vector products may
 * evaluate at θ ± εv. With causal training on, the residual's chunk weights w_i(θ) are
 * computed once at the current θ and then held fixed — they are constants for the optimiser
 * (stop-gradient), so they must not change between the two differenced gradients either
 * (recomputing them would add ∂w/∂θ terms the training gradient never has, and make the
 * operator non-symmetric). `weights` align with `terms`. Caller disposes.
 */
export function frozenLoss(trainer: Trainer, batches: Record<string, PointBatch>, terms: readonly string[], weights: readonly number[]): FrozenLoss {
  const { causal, params } = trainer.config;
  const streams = Object.fromEntries(terms.map((t) => [t, trainer.streamsOf(t)]));
  let fixed: tf.Tensor1D | undefined;
  const res = primaryResidual(trainer.pde);
  if (causal.enabled && res !== undefined && terms.includes(res)) {
    tf.tidy(() => trainer.lossesOn(batches, [res], (w) => (fixed = w)));
  }
  const c = fixed ? { eps: causal.eps, chunks: causal.chunks, fixed } : undefined;
  const loss = () => tf.tidy(() => {
    const ls = termLosses(trainer.net, trainer.pde, params, terms, batches, streams, c);
    return tf.sum(tf.mul(ls, tf.tensor1d(weights as number[]))) as tf.Scalar;
  });
  return { loss, dispose: () => fixed?.dispose() };
}
