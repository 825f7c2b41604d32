import * as tf from '@tensorflow/tfjs';
import { chunkByTime } from '../causal';
import { perSampleGrads } from '../diagnostics/per-sample';
import { inputJet, outputFields } from '../jet/jet';
import { countParams, type Network } from '../nets';
import { primaryResidual, termsWithRole, type LossTerm, type ParamValues, type Pde } from '../pdes';
import type { PointBatch } from '../sampling';
import type { SampleMoments } from './transform';

/**
 * The PDE-residual terms of a PDE (role 'residual': `res`, LDC's res_u, res_v, res_c, a typed
 * system's res1..resN). Their per-sample gradients feed the PDE-aware optimizer's second moment.
 */
export function residualTerms(pde: Pde): string[] {
  return termsWithRole(pde, 'residual');
}

/** Per-sample floats (B × P) one per-sample pass may hold: 2²² floats = 16 MB. */
export const defaultMaxSampleFloats = 1 << 22;

/** What `residualSampleMoments` needs from the trainer's step. */
export interface ResidualMomentsInput {
  net: Network;
  pde: Pde;
  params: ParamValues;
  /** The step's batches by term (the residual terms' are used). */
  batches: Record<string, PointBatch>;
  /** Derivative streams by term (`termStreams`). */
  streams: Record<string, string[]>;
  /** Loss weight per term (missing = 1); terms of weight 0 are skipped. */
  weights: Record<string, number>;
  /** Causal weights [M] of the `res` term's time chunks this step, when causal training is on. */
  causal?: tf.Tensor1D | null;
  /** Cap on B × P floats per per-sample pass; the batch is cut into slices to respect it. */
  maxFloats?: number;
}

/**
 * Moments of the weighted per-sample residual-gradient contributions c_i over the step's
 * batch, summed over the residual terms t: `mean` = Σ_t mean_i c_{t,i} (= the residual terms'
 * part of the gradient of Σ_t w_t L_t) and `sq` = Σ_t mean_i c_{t,i}², per parameter.
 *
 * c_i = a_i g_i with g_i = ∂(Σ_cols r_i²)/∂θ from `perSampleGrads` and a_i = B ∂(w_t L_t)/∂(r_i²):
 *   a_i = w_t / k                                   (L_t = mean(r²) over B × k residual values),
 *   a_i = w_t B ω_c / (M n_c k)  for i in chunk c   (causal `res`: L = mean_c ω_c L_c, ω fixed),
 * k the residual's columns, M the time chunks, n_c the points in chunk c (`chunkByTime`).
 * Slices of at most `maxFloats / P` samples bound the per-sample memory; one forward and one
 * reverse pass per slice (see docs/ARCHITECTURE.md, "Per-sample gradients"). Entries are null for
 * parameters without per-sample gradients. Caller disposes the result; never reads the device.
 */
export function residualSampleMoments(input: ResidualMomentsInput): SampleMoments {
  const { net, pde, params, batches, streams, weights } = input;
  const nParams = net.params.length;
  let mean: (tf.Tensor | null)[] = Array(nParams).fill(null);
  let sq: (tf.Tensor | null)[] = Array(nParams).fill(null);
  const perSlice = Math.max(1, Math.floor((input.maxFloats ?? defaultMaxSampleFloats) / countParams(net)));
  for (const t of residualTerms(pde)) {
    const w = weights[t] ?? 1;
    const batch = batches[t];
    if (w === 0 || !batch || batch.n === 0) continue;
    const scale = sampleScales(
      net,
      pde,
      params,
      t,
      batch,
      streams[t],
      w,
      t === primaryResidual(pde) ? (input.causal ?? null) : null,
    );
    const d = pde.axes.length;
    for (let lo = 0; lo < batch.n; lo += perSlice) {
      const hi = Math.min(batch.n, lo + perSlice);
      const slice: PointBatch = {
        n: hi - lo,
        x: batch.x.subarray(lo * d, hi * d),
        aux: batch.aux.map((a) => a.subarray(lo, hi)),
      };
      const ps = perSampleGrads(net, pde, params, t, slice, streams[t]);
      const next = tf.tidy(() => {
        // Σ_i a_i g_i / B and Σ_i a_i² g_i² / B as products G_flatᵀ [size, b] × a [b, 1]: no
        // B × P scaling pass, no reduction over a leading axis (tfjs transposes for those), and
        // the big operand on the left (wasm's XNNPACK packs the right one): measured fastest
        const a = tf.reshape(tf.div(tf.slice(scale, [lo], [hi - lo]), batch.n), [hi - lo, 1]) as tf.Tensor2D;
        const a2 = tf.mul(tf.square(a), batch.n);
        return ps.map((g, k): tf.Tensor[] => {
          if (!g) return [];
          const flat = tf.reshape(g, [hi - lo, -1]) as tf.Tensor2D;
          const m = tf.reshape(tf.matMul(flat, a, true, false), g.shape.slice(1));
          const s = tf.reshape(tf.matMul(tf.square(flat), a2, true, false), g.shape.slice(1));
          return [mean[k] ? tf.add(mean[k]!, m) : m, sq[k] ? tf.add(sq[k]!, s) : s];
        });
      });
      tf.dispose([
        ...ps.filter((g): g is tf.Tensor => g !== null),
        ...mean.filter((g): g is tf.Tensor => g !== null),
        ...sq.filter((g): g is tf.Tensor => g !== null),
      ]);
      mean = next.map((p) => p[0] ?? null);
      sq = next.map((p) => p[1] ?? null);
    }
    scale.dispose();
  }
  return { mean, sq };
}

/** a_i [B] for term t (see `residualSampleMoments`). */
function sampleScales(
  net: Network,
  pde: Pde,
  params: ParamValues,
  t: string,
  batch: PointBatch,
  streams: string[],
  w: number,
  causal: tf.Tensor1D | null,
): tf.Tensor1D {
  const k = residualColumns(net, pde, params, t, batch, streams);
  if (!causal) return tf.fill([batch.n], w / k) as tf.Tensor1D;
  const m = causal.shape[0];
  const d = pde.axes.length;
  const chunk = chunkByTime(
    Float32Array.from({ length: batch.n }, (_, i) => batch.x[i * d]),
    m,
  );
  const counts = new Float32Array(m);
  chunk.forEach((c) => counts[c]++);
  const f = Float32Array.from(chunk, (c) => (w * batch.n) / (m * counts[c] * k));
  return tf.tidy(() => tf.mul(tf.gather(causal, tf.tensor1d(chunk, 'int32')), tf.tensor1d(f)) as tf.Tensor1D);
}

const columnsOf = new WeakMap<LossTerm, number>();

/** Columns k of a term's residual [B, k], found once per term by evaluating it at one point. */
function residualColumns(
  net: Network,
  pde: Pde,
  params: ParamValues,
  t: string,
  batch: PointBatch,
  streams: string[],
): number {
  const term = pde.terms[t];
  let k = columnsOf.get(term);
  if (k === undefined) {
    const d = pde.axes.length;
    k = tf.tidy(() => {
      const x = tf.tensor2d(batch.x.subarray(0, d), [1, d]);
      const aux = batch.aux.map((a) => tf.tensor2d([a[0]], [1, 1]));
      const r = term.residual(
        outputFields(net.forwardJet(inputJet(x, pde.axes, streams)), pde.outputs.length),
        aux,
        params,
      );
      return r.rank > 1 ? r.shape[1]! : 1;
    });
    columnsOf.set(term, k);
  }
  return k;
}
