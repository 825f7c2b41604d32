import * as tf from '@tensorflow/tfjs';
import { inputJet, outputFields } from '../jet/jet';
import { symEig } from '../optim/linalg';
import type { PointBatch } from '../sampling';
import type { Trainer } from '../trainer';
import { perSampleResidualGrads } from './per-sample';

/**
 * The empirical neural tangent kernel of a PINN (Wang, Yu, Perdikaris 2022, "When and why
 * PINNs fail to train: a neural tangent kernel perspective", JCP 449): with J_t the Jacobian
 * of loss term t's residuals at its probe points with respect to the parameters (one row
 * ∂r_i/∂θ per point and residual column), the kernel is K = J Jᵀ, whose diagonal blocks
 * K_tt = J_t J_tᵀ are the paper's K_rr, K_uu (K_bb) and whose off-diagonal blocks are the
 * cross terms K_ur. Gradient flow on Σ_t mean(r_t²) moves the residuals by dr/dt ≈ −K r, so
 * eigenvalues of K_tt are the rates at which term t is learned (spectral bias: the residual
 * block's dwarf the boundary block's). Rows come from per-sample gradients (one pass per term
 * and residual column); parameters without them (PirateNet's α) are left out.
 */
export interface EmpiricalNtk {
  terms: string[];
  /** Rows of each term in `kernel` (probe points × residual columns), in `terms` order. */
  rows: number[];
  /** K = J Jᵀ [N × N] row-major (float64 copy of a float32 product), N = Σ rows. */
  kernel: Float64Array;
}

/** Number of residual columns of a term (a multi-field boundary condition has several). */
function residualColumns(trainer: Trainer, term: string, batch: PointBatch): number {
  const { pde } = trainer;
  return tf.tidy(() => {
    const x = tf.tensor2d(batch.x.subarray(0, pde.axes.length), [1, pde.axes.length]);
    const aux = batch.aux.map((a) => tf.tensor2d([a[0]], [1, 1]));
    const fields = outputFields(
      trainer.net.forwardJet(inputJet(x, pde.axes, trainer.streamsOf(term))),
      pde.outputs.length,
    );
    return pde.terms[term].residual(fields, aux, trainer.config.params).shape[1] ?? 1;
  });
}

/** J_t [rows, P′]: the residual Jacobian of one term at its batch (see `EmpiricalNtk`). Caller disposes. */
export function residualJacobian(trainer: Trainer, term: string, batch: PointBatch): tf.Tensor2D {
  const k = residualColumns(trainer, term, batch);
  const blocks: tf.Tensor2D[] = [];
  for (let c = 0; c < k; c++) {
    const ps = perSampleResidualGrads(
      trainer.net,
      trainer.pde,
      trainer.config.params,
      term,
      batch,
      trainer.streamsOf(term),
      c,
    );
    blocks.push(
      tf.tidy(
        () =>
          tf.concat(
            ps.filter((g): g is tf.Tensor => g !== null).map((g) => tf.reshape(g, [batch.n, -1])),
            1,
          ) as tf.Tensor2D,
      ),
    );
    tf.dispose(ps.filter((g): g is tf.Tensor => g !== null));
  }
  const j = tf.concat(blocks, 0) as tf.Tensor2D;
  tf.dispose(blocks);
  return j;
}

/** The empirical NTK over `terms` at their probe batches, read to the host. */
export async function empiricalNtk(
  trainer: Trainer,
  batches: Record<string, PointBatch>,
  terms = trainer.termNames,
): Promise<EmpiricalNtk> {
  const js = terms.map((t) => residualJacobian(trainer, t, batches[t]));
  const k = tf.tidy(() => {
    const j = tf.concat(js, 0);
    return tf.matMul(j, j, false, true);
  });
  const rows = js.map((j) => j.shape[0]);
  tf.dispose(js);
  const kernel = Float64Array.from((await k.data()) as Float32Array);
  k.dispose();
  return { terms: [...terms], rows, kernel };
}

/** The block K_ab [rows_a × rows_b] (row-major) of an empirical NTK. */
export function ntkBlock(ntk: EmpiricalNtk, a: string, b: string): Float64Array {
  const n = ntk.kernel.length ** 0.5;
  const at = (t: string) => {
    const i = ntk.terms.indexOf(t);
    if (i < 0) throw new Error(`ntkBlock: no term '${t}' (has ${ntk.terms.join(', ')})`);
    return { off: ntk.rows.slice(0, i).reduce((s, r) => s + r, 0), len: ntk.rows[i] };
  };
  const [ra, rb] = [at(a), at(b)];
  const out = new Float64Array(ra.len * rb.len);
  for (let i = 0; i < ra.len; i++)
    for (let j = 0; j < rb.len; j++) out[i * rb.len + j] = ntk.kernel[(ra.off + i) * n + rb.off + j];
  return out;
}

/**
 * The NTK summaries the diagnostics report, per term t: the eigenvalues of K_tt (descending;
 * `ntk.<t>.eig.<k>`), their max, min and mean (= tr(K_tt)/n, what NTK weighting balances),
 * and for each pair of terms the RMS entry of the cross block, ‖K_ab‖_F / √(n_a n_b).
 */
export function ntkMetrics(ntk: EmpiricalNtk): Record<string, number> {
  const m: Record<string, number> = {};
  ntk.terms.forEach((t, i) => {
    const n = ntk.rows[i];
    const { values } = symEig(ntkBlock(ntk, t, t), n);
    values.forEach((v, k) => (m[`ntk.${t}.eig.${k}`] = v));
    m[`ntk.${t}.max`] = values[0];
    m[`ntk.${t}.min`] = values[n - 1];
    m[`ntk.${t}.mean`] = values.reduce((s, v) => s + v, 0) / n;
    for (let j = i + 1; j < ntk.terms.length; j++) {
      const b = ntkBlock(ntk, t, ntk.terms[j]);
      m[`ntk.cross.${t}.${ntk.terms[j]}.rms`] = Math.sqrt(b.reduce((s, v) => s + v * v, 0) / b.length);
    }
  });
  return m;
}

/**
 * Mean diagonal of each term's NTK block, tr(K_tt)/n_t = mean_i ‖∂r_i/∂θ‖², without forming K
 * (one Jacobian per term, one device read): the input of NTK weighting (jaxpi `ntk`).
 */
export async function ntkTraces(trainer: Trainer, batches: Record<string, PointBatch>): Promise<number[]> {
  const means = tf.tidy(() =>
    tf.stack(
      trainer.termNames.map((t) => {
        const j = residualJacobian(trainer, t, batches[t]);
        return tf.mean(tf.sum(tf.square(j), 1));
      }),
    ),
  );
  const v = Array.from(await means.data());
  means.dispose();
  return v;
}
