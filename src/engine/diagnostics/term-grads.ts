import * as tf from '@tensorflow/tfjs';
import { paramGrads } from '../grads';
import type { PointBatch } from '../sampling';
import type { Trainer } from '../trainer';

/**
 * ∇θ L_t for every loss term t (unweighted), one reverse pass per term on the given
 * batches, each as one tensor per parameter (parameter order). Caller disposes.
 * Parameters no path reaches get zeros.
 */
export function termGradients(trainer: Trainer, batches: Record<string, PointBatch>): tf.Tensor[][] {
  const vars = trainer.vars;
  return trainer.termNames.map((t) => {
    const { value, grads } = paramGrads(vars, () => tf.sum(trainer.lossesOn(batches, [t])) as tf.Scalar);
    value.dispose();
    return grads;
  });
}

/**
 * Per-term gradient summaries read to the host in one transfer: ‖∇L_t‖₂, mean |∇L_t| and
 * max |∇L_t| over all parameters (the statistics loss balancing uses).
 */
export async function gradientStats(perTerm: readonly tf.Tensor[][]): Promise<{ norm: number[]; meanAbs: number[]; maxAbs: number[] }> {
  const packed = tf.tidy(() =>
    tf.stack(perTerm.map((gs) => {
      const flat = tf.concat(gs.map((g) => tf.reshape(g, [-1])));
      const a = tf.abs(flat);
      return tf.stack([tf.norm(flat), tf.mean(a), tf.max(a)]);
    })),
  );
  const v = await packed.data();
  packed.dispose();
  const n = perTerm.length;
  const col = (k: number) => Array.from({ length: n }, (_, i) => v[3 * i + k]);
  return { norm: col(0), meanAbs: col(1), maxAbs: col(2) };
}
