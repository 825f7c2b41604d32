import * as tf from '@tensorflow/tfjs';
import { inputJet, outputFields, type LayerTap } from '../jet/jet';
import type { Network } from '../nets';
import type { ParamValues, Pde } from '../pdes';
import type { PointBatch } from '../sampling';

/**
 * Per-sample gradients g_i = ∂(r_i²)/∂θ of one loss term's squared residuals, for every
 * parameter, in one forward and one reverse pass (docs/ARCHITECTURE.md, "Per-sample gradients"):
 * each dense layer's input streams a_s [B, in] and output-stream gradients δ_s [B, out] are
 * tapped; the weight gradient of sample i is Σ_s a_s[i]ᵀ δ_s[i] (a batched matMul over
 * [B, S, in] × [B, S, out]) and the bias gradient is δ_value[i]. Works because sample i's
 * squared residual depends only on row i of every stream.
 *
 * Returns one tensor [B, ...paramShape] per network parameter (same order as `net.params`),
 * or null for parameters outside dense layers (PirateNet's α); the caller disposes.
 * Memory is B × P floats: chunk the batch for big nets.
 */
export function perSampleGrads(
  net: Network,
  pde: Pde,
  params: ParamValues,
  term: string,
  batch: PointBatch,
  streams: string[],
): (tf.Tensor | null)[] {
  return perSampleOf(net, pde, params, term, batch, streams, (r) => tf.sum(tf.square(r)) as tf.Scalar);
}

/**
 * Rows of the residual Jacobian, ∂r_i/∂θ for one column of a loss term's residual r [B, k]
 * (the neural-tangent-kernel features of Wang, Yu, Perdikaris 2022), by the same one-pass
 * tap method as `perSampleGrads` applied to Σ_i r_i instead of Σ_i r_i². Same layout: one
 * tensor [B, ...paramShape] per parameter, null outside dense layers; caller disposes.
 */
export function perSampleResidualGrads(
  net: Network,
  pde: Pde,
  params: ParamValues,
  term: string,
  batch: PointBatch,
  streams: string[],
  column = 0,
): (tf.Tensor | null)[] {
  return perSampleOf(net, pde, params, term, batch, streams, (r) => {
    const cols = r.shape[1] ?? 1;
    return tf.sum(cols === 1 ? r : tf.slice(r, [0, column], [-1, 1])) as tf.Scalar;
  });
}

/** Per-sample gradients of `objective(r)`, which must be a sum over samples of a function of row i of r. */
function perSampleOf(
  net: Network,
  pde: Pde,
  params: ParamValues,
  term: string,
  batch: PointBatch,
  streams: string[],
  objective: (r: tf.Tensor) => tf.Scalar,
): (tf.Tensor | null)[] {
  const taps: LayerTap[] = [];
  const x = tf.tensor2d(batch.x, [batch.n, pde.axes.length]);
  const aux = batch.aux.map((a) => tf.tensor2d(a, [batch.n, 1]));
  try {
    const vars = net.params.map((p) => p.variable);
    const { value, grads } = tf.variableGrads(() => {
      const fields = outputFields(net.forwardJet(inputJet(x, pde.axes, streams), taps), pde.outputs.length);
      return objective(pde.terms[term].residual(fields, aux, params));
    }, vars);
    tf.dispose([value, grads]);
    const byName = tf.tidy(() => {
      const found: Record<string, tf.Tensor> = {};
      for (const tap of taps) {
        // streams no gradient reached (e.g. the last layer's value in u_tt − c²u_xx) add nothing
        const names = Object.keys(tap.grads);
        const a = tf.stack(
          names.map((n) => tap.inputs[n]),
          1,
        ) as tf.Tensor3D; // [B, S, in]
        const d = tf.stack(
          names.map((n) => tap.grads[n]),
          1,
        ) as tf.Tensor3D; // [B, S, out]
        const gW = tf.matMul(a, d, true, false) as tf.Tensor3D;
        const gb = (tap.grads[''] ? tf.clone(tap.grads['']) : tf.zeros([batch.n, d.shape[2]])) as tf.Tensor2D;
        const layer = net.layers.find((l) => l.name === tap.layer)!;
        layer.perSample(gW, gb).forEach((g, i) => (found[layer.params[i].name] = g));
      }
      return found;
    });
    return net.params.map((p) => byName[p.name] ?? null);
  } finally {
    for (const t of taps) tf.dispose([...Object.values(t.grads), ...Object.values(t.inputs)]);
    tf.dispose([x, aux]);
  }
}

/**
 * Residual-gradient variance (PDE-aware optimizer paper, arXiv 2507.08118): per parameter,
 * Var_i[g_i] over the batch, and the per-layer mean of it; also the per-layer mean of
 * (mean_i g_i)² for a signal-to-noise reading. Inputs are `perSampleGrads` outputs.
 */
export function gradientVariance(perSample: readonly (tf.Tensor | null)[]): {
  variance: (tf.Tensor | null)[];
  mean: (tf.Tensor | null)[];
} {
  const moments = perSample.map((g) => (g ? tf.tidy(() => tf.moments(g, 0)) : null));
  return { variance: moments.map((m) => m?.variance ?? null), mean: moments.map((m) => m?.mean ?? null) };
}
