import * as tf from '@tensorflow/tfjs';
import { inputJet, outputFields } from './jet/jet';
import { streamClosure } from './jet/keys';
import type { Network } from './nets';
import { primaryResidual, type ParamValues, type Pde } from './pdes';
import type { PointBatch } from './sampling';
import { causalWeights, chunkByTime, chunkLosses } from './causal';
import { meanSquare } from './kernels/mean-square';

/** The derivative streams each loss term of `pde` needs carried through the network. */
export function termStreams(pde: Pde): Record<string, string[]> {
  return Object.fromEntries(Object.entries(pde.terms).map(([t, term]) => [t, streamClosure(term.derivs, pde.axes)]));
}

/**
 * Per-term losses L_t = mean(r_t²) [nTerms], in the order of `terms`, each residual r_t
 * computed on the jet of the network at its batch of points. Call inside a tidy or a
 * gradient scope; the caller owns the result.
 */
export function termLosses(
  net: Network,
  pde: Pde,
  params: ParamValues,
  terms: readonly string[],
  batches: Record<string, PointBatch>,
  streams: Record<string, string[]>,
  causal?: CausalOptions,
): tf.Tensor1D {
  const ls = terms.map((t) => {
    const b = batches[t];
    const r = termResidual(net, pde, params, t, b, streams[t]);
    if (!causal || t !== primaryResidual(pde)) return meanSquare(r);
    return causalResidualLoss(r, b, pde.axes.length, causal);
  });
  return tf.stack(ls) as tf.Tensor1D;
}

/**
 * The residual r_t [B, k] of loss term `term` on the jet of the network (carrying `streams`)
 * at the batch's points. Call inside a tidy or a gradient scope.
 */
export function termResidual(
  net: Network,
  pde: Pde,
  params: ParamValues,
  term: string,
  b: PointBatch,
  streams: string[],
): tf.Tensor {
  const x = tf.tensor2d(b.x, [b.n, pde.axes.length]);
  const aux = b.aux.map((a) => tf.tensor2d(a, [b.n, 1]));
  const fields = outputFields(net.forwardJet(inputJet(x, pde.axes, streams)), pde.outputs.length);
  return pde.terms[term].residual(fields, aux, params);
}

/**
 * Causal weighting of the `res` term (config `causal`); `sink` receives the weights [M]. With
 * `fixed` those weights [M] are used as given instead of recomputed from the chunk losses
 * (diagnostics that perturb θ, e.g. Hessian-vector products, hold w(θ) constant).
 */
export interface CausalOptions {
  eps: number;
  chunks: number;
  sink?: (weights: tf.Tensor1D) => void;
  fixed?: tf.Tensor1D;
}

/**
 * mean_i w_i L_i over M time chunks of the residual points (t is input column 0), with
 * w_i = exp(−ε Σ_{j<i} L_j) held constant for the gradient (see causal.ts). The weights
 * are handed to `sink` (kept) for reporting.
 */
function causalResidualLoss(r: tf.Tensor, b: PointBatch, d: number, o: CausalOptions): tf.Scalar {
  const t = Float32Array.from({ length: b.n }, (_, i) => b.x[i * d]);
  const m = Math.min(o.chunks, b.n);
  const chunk = chunkByTime(t, m);
  // several residual columns: the mean over columns, as mean(r²) does without causality
  const k = r.shape[1] ?? 1;
  const cols = k === 1 ? [r] : tf.split(r, k, 1);
  const L = tf.div(tf.addN(cols.map((c) => chunkLosses(c, chunk, m))), k) as tf.Tensor1D;
  const w = o.fixed ?? causalWeights(L, o.eps);
  o.sink?.(tf.keep(tf.clone(w)));
  return tf.mean(tf.mul(w, L));
}
