import * as tf from '@tensorflow/tfjs';
import { gradientStats, termGradients, weightMask } from '../diagnostics/term-grads';
import { primaryResidual } from '../pdes';
import type { Trainer } from '../trainer';
import { ntkTraces } from '../diagnostics/ntk';
import { annealingWeights, gradNormWeights, ntkWeights } from './rules';

/**
 * Update the trainer's loss weights by its configured balancing method from per-term
 * gradients on a fresh probe batch (one reverse pass per term), or for `ntk` from the mean
 * diagonals of the terms' NTK blocks on `diagnostics.ntkPoints` probe points. No-op for fixed weights.
 * Returns the new weights.
 */
export async function rebalance(trainer: Trainer): Promise<number[]> {
  const { method, alpha } = trainer.config.balancing;
  if (method === 'fixed') return trainer.weights;
  if (method === 'ntk') {
    const traces = await ntkTraces(trainer, trainer.sample(trainer.probeRng, trainer.config.diagnostics.ntkPoints));
    const w = ntkWeights(trainer.weights, traces, alpha);
    trainer.setLossWeights(w);
    return w;
  }
  const grads = termGradients(trainer, trainer.sample(trainer.probeRng));
  const stats = await gradientStats(grads, weightMask(trainer));
  tf.dispose(grads);
  // the reference term: the PDE's main residual (`res`, the cavity's `res_u`, a typed system's `res1`)
  const res = Math.max(0, trainer.termNames.indexOf(primaryResidual(trainer.pde) ?? ''));
  const next =
    method === 'annealing'
      ? annealingWeights(trainer.weights, stats.maxAbs, stats.meanAbs, res, alpha, baseWeights(trainer))
      : gradNormWeights(trainer.weights, stats.norm, alpha);
  trainer.setLossWeights(next);
  return next;
}

/** The config's fixed weight per term (1 when unset): annealing's b_i. */
const baseWeights = (trainer: Trainer): number[] => trainer.termNames.map((t) => trainer.config.lossWeights[t] ?? 1);
