import * as tf from '@tensorflow/tfjs';
import { primaryResidual } from '../pdes/types';
import type { Trainer } from '../trainer';
import { alignmentScore, flatten } from './alignment';
import { frozenLoss, hessianEigenpairs } from './hessian';
import { layerHistogram, type LayerHistogram } from './histogram';
import { empiricalNtk, ntkMetrics } from './ntk';
import { gradientVariance, perSampleGrads } from './per-sample';
import { effectiveWeightGrads, gradientStats, layerOf, termGradients, weightMask } from './term-grads';

/**
 * One diagnostics reading. `metrics` is flat and shared by the worker, the CLI (`--json`,
 * metrics.csv) and the UI: `gradNorm.<term>`, `align.intra`, `align.interGrad`,
 * `align.interUpdate`, `hess.top`/`hess.bottom` (λ_max, λ_min of the Hessian by Lanczos),
 * `hess.converged` (1 when both ends converged, else 0), `hess.iters`, the same per term
 * (`hess.top.<term>`, …), `hist.<layer>.<term>.meanAbs`/`.maxAbs` (each histogram's mean and
 * max |∂L_term/∂W| over the layer's effective weight), `rgv.<layer>`, `rgvSnr.<layer>`,
 * `ntk.<term>.max|min|mean|eig.<k>` and `ntk.cross.<a>.<b>.rms` (diagnostics/ntk.ts), and
 * `ms.<kind>` (wall time of each diagnostic).
 */
export interface DiagnosticsReport {
  step: number;
  metrics: Record<string, number>;
  histograms: LayerHistogram[];
}

async function scalar(t: tf.Scalar): Promise<number> {
  const [v] = await t.data();
  t.dispose();
  return v;
}

/** Set `metrics[key]` only to a finite reading (an undefined score is reported as nothing). */
function report(metrics: Record<string, number>, key: string, v: number): void {
  if (Number.isFinite(v)) metrics[key] = v;
}

/**
 * Run the diagnostics selected in `trainer.config.diagnostics` on a fresh probe batch
 * (drawn from the trainer's probe stream, so training's batches are unchanged).
 */
export async function runDiagnostics(trainer: Trainer): Promise<DiagnosticsReport> {
  const { kinds, hessIters, bins, rgvSamples } = trainer.config.diagnostics;
  const metrics: Record<string, number> = {};
  const histograms: LayerHistogram[] = [];
  const batches = trainer.sample(trainer.probeRng);
  const terms = trainer.termNames;
  const params = trainer.net.params;
  let t0 = performance.now();

  if (kinds.includes('align') || kinds.includes('hist')) {
    const grads = termGradients(trainer, batches);
    const stats = await gradientStats(grads, weightMask(trainer));
    terms.forEach((t, i) => (metrics[`gradNorm.${t}`] = stats.norm[i]));
    if (kinds.includes('align')) {
      if (terms.length > 1) {
        const flats = grads.map((g) => flatten(g));
        report(metrics, 'align.intra', await scalar(alignmentScore(flats)));
        tf.dispose(flats);
      }
      const dirs = trainer.lastDirections();
      if (dirs) {
        report(metrics, 'align.interGrad', await scalar(alignmentScore(dirs.grads)));
        report(metrics, 'align.interUpdate', await scalar(alignmentScore(dirs.updates)));
      }
    }
    if (kinds.includes('hist')) {
      const perTerm = grads.map((g) => effectiveWeightGrads(trainer.net.params, g));
      for (let k = 0; k < perTerm[0].length; k++) {
        const { layer, source } = perTerm[0][k];
        const values: Record<string, Float32Array> = {};
        for (let i = 0; i < terms.length; i++) values[terms[i]] = (await perTerm[i][k].grad.data()) as Float32Array;
        const h = { ...layerHistogram(layer, values, bins), source };
        histograms.push(h);
        for (const [t, th] of Object.entries(h.terms)) {
          metrics[`hist.${layer}.${t}.meanAbs`] = th.meanAbs;
          metrics[`hist.${layer}.${t}.maxAbs`] = th.maxAbs;
        }
      }
      tf.dispose(perTerm.flatMap((ws) => ws.map((w) => w.grad)));
    }
    tf.dispose(grads);
    metrics['ms.align'] = performance.now() - t0;
  }

  if (kinds.includes('hess')) {
    t0 = performance.now();
    const w = trainer.weights;
    type Part = [suffix: string, terms: string[], weights: number[]];
    const parts: Part[] = [['', terms, w], ...terms.map((t): Part => [`.${t}`, [t], [1]])];
    for (const [suffix, ts, ws] of parts) {
      const f = frozenLoss(trainer, batches, ts, ws);
      const e = await hessianEigenpairs(trainer.vars, f.loss, trainer.probeRng, { maxIters: hessIters });
      f.dispose();
      metrics[`hess.top${suffix}`] = e.top.value;
      metrics[`hess.bottom${suffix}`] = e.bottom.value;
      metrics[`hess.converged${suffix}`] = e.top.converged && e.bottom.converged ? 1 : 0;
      if (!suffix) metrics['hess.iters'] = e.iters;
    }
    metrics['ms.hess'] = performance.now() - t0;
  }

  const res = primaryResidual(trainer.pde);
  if (kinds.includes('rgv') && res !== undefined) {
    t0 = performance.now();
    const batch = trainer.sample(trainer.probeRng, rgvSamples)[res];
    const ps = perSampleGrads(trainer.net, trainer.pde, trainer.config.params, res, batch, trainer.streamsOf(res));
    const { variance, mean } = gradientVariance(ps);
    tf.dispose(ps.filter((g): g is tf.Tensor => g !== null));
    const layers = [...new Set(params.map((p) => layerOf(p.name)))];
    const summary = tf.tidy(() =>
      tf.stack(
        layers.flatMap((l) => {
          const idx = params.map((p, i) => (layerOf(p.name) === l && variance[i] ? i : -1)).filter((i) => i >= 0);
          if (!idx.length) return [tf.scalar(NaN), tf.scalar(NaN)]; // no per-sample gradients (e.g. α)
          const v = tf.concat(idx.map((i) => tf.reshape(variance[i]!, [-1])));
          const m = tf.concat(idx.map((i) => tf.reshape(mean[i]!, [-1])));
          return [tf.mean(v), tf.mean(tf.square(m))];
        }),
      ),
    );
    const vals = await summary.data();
    tf.dispose([summary, ...[...variance, ...mean].filter((g): g is tf.Tensor => g !== null)]);
    layers.forEach((l, i) => {
      if (Number.isNaN(vals[2 * i])) return;
      metrics[`rgv.${l}`] = vals[2 * i];
      metrics[`rgvSnr.${l}`] = vals[2 * i + 1] / Math.max(vals[2 * i], 1e-30);
    });
    metrics['ms.rgv'] = performance.now() - t0;
  }
  if (kinds.includes('ntk')) {
    t0 = performance.now();
    const ntk = await empiricalNtk(trainer, trainer.sample(trainer.probeRng, trainer.config.diagnostics.ntkPoints));
    Object.assign(metrics, ntkMetrics(ntk));
    metrics['ms.ntk'] = performance.now() - t0;
  }
  return { step: trainer.stepCount, metrics, histograms };
}
