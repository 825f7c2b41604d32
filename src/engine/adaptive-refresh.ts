/**
 * The trainer's side of residual-based adaptive sampling (config `sampling`): when the sampler
 * is due, the residual magnitudes on a fresh candidate set, read from the device, refresh its
 * distribution (see adaptive-sampling.ts for the methods).
 */
import * as tf from '@tensorflow/tfjs';
import type { AdaptiveSampler } from './adaptive-sampling';
import { termResidual } from './loss';
import type { Network } from './nets';
import type { ParamValues, Pde } from './pdes';
import type { Rng } from './rng';

/** What the residual of a term is computed from. */
export interface ResidualModel {
  net: Network;
  pde: Pde;
  params: ParamValues;
  /** The jet streams each term carries. */
  streams: Record<string, string[]>;
}

/**
 * Refresh `a` at step `step` when due: |r| (2-norm over the residual's columns) on candidates
 * drawn from `rng` (the training stream), read from the device.
 */
export async function refreshAdaptive(a: AdaptiveSampler, m: ResidualModel, rng: Rng, step: number): Promise<void> {
  if (!a.due(step)) return;
  const cand = a.candidates(rng);
  const mag = tf.tidy(() => {
    const r = termResidual(m.net, m.pde, m.params, a.term, cand, m.streams[a.term]);
    return tf.sqrt(tf.sum(tf.square(r), 1));
  });
  const absR = await mag.data();
  mag.dispose();
  a.refresh(step, cand, absR, rng);
}
