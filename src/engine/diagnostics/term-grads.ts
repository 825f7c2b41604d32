import * as tf from '@tensorflow/tfjs';
import { paramGrads } from '../grads';
import type { NamedParam } from '../nets';
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
 * Per-term gradient summaries read to the host in one transfer:
 * `norm` ‖∇L_t‖₂ over all parameters (grad-norm weighting, diagnostics), and, over the
 * weight matrices only (`isWeight`), `maxAbs` = max over layers of max |∂L_t/∂W| and
 * `meanAbs` = mean over layers of mean |∂L_t/∂W| — the statistics of learning-rate annealing
 * as the gradient-pathologies paper's code computes them.
 */
export async function gradientStats(
  perTerm: readonly tf.Tensor[][],
  isWeight: readonly boolean[],
): Promise<{ norm: number[]; meanAbs: number[]; maxAbs: number[] }> {
  const packed = tf.tidy(() =>
    tf.stack(
      perTerm.map((gs) => {
        const flat = tf.concat(gs.map((g) => tf.reshape(g, [-1])));
        const ws = gs.filter((_, i) => isWeight[i]).map((g) => tf.abs(g));
        return tf.stack([
          tf.norm(flat),
          tf.mean(tf.stack(ws.map((a) => tf.mean(a)))),
          tf.max(tf.stack(ws.map((a) => tf.max(a)))),
        ]);
      }),
    ),
  );
  const v = await packed.data();
  packed.dispose();
  const n = perTerm.length;
  const col = (k: number) => Array.from({ length: n }, (_, i) => v[3 * i + k]);
  return { norm: col(0), meanAbs: col(1), maxAbs: col(2) };
}

/** Which parameters are weight matrices (rank ≥ 2), in parameter order. */
export const weightMask = (trainer: Trainer): boolean[] => trainer.vars.map((v) => v.rank >= 2);

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
