/**
 * One fixed batch per loss term, with the engine's own loss on it, for the PyTorch package's
 * `train.py --check`: it evaluates the same points with the exported weights and demands the
 * same per-term losses (causal weighting included) to 1e-4 relative.
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../rng';
import type { Trainer } from '../trainer';

/** A term's points [n][axes] and aux columns [n][k] (source terms, boundary targets). */
export interface CheckTerm {
  points: number[][];
  aux: number[][];
}

/** The exported fixed batch (check.json). */
export interface CheckBatch {
  /** Per term, in the trainer's term order. */
  terms: Record<string, CheckTerm>;
  /** Unweighted per-term losses the engine computed on these points (float32). */
  losses: Record<string, number>;
  /** Loss weights in force when exported (set by balancing, or fixed). */
  weights: Record<string, number>;
  step: number;
}

/** A float32 value written with the 9 significant digits that round-trip it. */
export const f32 = (v: number): number => +Math.fround(v).toPrecision(9);

/** Stream seed of the check batch: apart from training's and the probe's streams. */
const CHECK_SEED_OFFSET = 0x0c4ec4;

/** Draw the fixed batch (n points per term) and compute the engine's losses on it. */
export async function checkBatch(trainer: Trainer, n = 256): Promise<CheckBatch> {
  const rng = createRng((trainer.config.seed + CHECK_SEED_OFFSET) >>> 0);
  const batches = trainer.sample(rng, n);
  const lossT = tf.tidy(() => trainer.lossesOn(batches));
  const values = await lossT.data();
  lossT.dispose();
  const d = trainer.pde.axes.length;
  const terms: Record<string, CheckTerm> = {};
  for (const [t, b] of Object.entries(batches)) {
    terms[t] = {
      points: Array.from({ length: b.n }, (_, i) => Array.from(b.x.subarray(i * d, i * d + d), f32)),
      aux: Array.from({ length: b.n }, (_, i) => b.aux.map((col) => f32(col[i]))),
    };
  }
  const weights = trainer.weights;
  return {
    terms,
    losses: Object.fromEntries(trainer.termNames.map((t, i) => [t, values[i]])),
    weights: Object.fromEntries(trainer.termNames.map((t, i) => [t, weights[i]])),
    step: trainer.stepCount,
  };
}
