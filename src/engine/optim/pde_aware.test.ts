/**
 * The PDE-aware optimizer against its definition (arXiv 2507.08118, as documented in
 * pde_aware.ts): a float64 reference on a hand-made least-squares problem with known
 * per-sample gradients; Adam without bias correction when B = 1; the trainer's wiring;
 * convergence on a small PINN; a flat tensor count.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config';
import { trainFor } from '../loop';
import { createRng } from '../rng';
import { Trainer } from '../trainer';
import { scaleByAdam } from './adam';
import { optimizers, Stateful } from '.';
import { findPdeAwareState, layerSampleVariance, pdeAwareDefaults, scaleByPdeAware } from './pde_aware';

const rng = createRng(7);
const randn = (n: number) => Array.from({ length: n }, () => rng.normal());
const relErr = (got: ArrayLike<number>, want: ArrayLike<number>) => {
  // all-zero (e.g. the output bias under u'') compares absolutely
  const scale = Math.max(1e-30, ...Array.from(want, Math.abs));
  return Math.max(...Array.from(want, (w, j) => Math.abs(got[j] - w))) / scale;
};

describe('PDE-aware update', () => {
  it('matches a float64 reference on least squares with per-sample gradients and a non-sampled parameter', async () => {
    // θ = (W ∈ R^6, α ∈ R^1). Residual samples r_i = a_iᵀW + z_i α − y_i (B = 5, weight 2), so
    // g_i = 2 r_i (a_i, z_i); "boundary" term |W − c|² + α², and α gets no per-sample split.
    const B = 5,
      wRes = 2,
      lr = 0.02;
    const { b1, b2, eps } = pdeAwareDefaults;
    const c = randn(6);
    const W = tf.variable(tf.tensor1d(randn(6)));
    const alpha = tf.variable(tf.tensor1d([0.5]));
    const opt = new Stateful(
      optimizers.pde_aware.create(pdeAwareDefaults, () => lr),
      [W, alpha],
    );
    const ref = { m: [new Array(6).fill(0), [0]], v: [new Array(6).fill(0), [0]] };
    for (let step = 0; step < 30; step++) {
      const w = Array.from(await W.data());
      const al = (await alpha.data())[0];
      const A = Array.from({ length: B }, () => randn(6));
      const z = randn(B);
      const y = randn(B);
      const r = A.map((ai, i) => ai.reduce((s, x, j) => s + x * w[j], 0) + z[i] * al - y[i]);
      const ci = A.map((ai, i) => ai.map((x) => wRes * 2 * r[i] * x)); // weighted per-sample gradients of W
      const mean = w.map((_, j) => ci.reduce((s, g) => s + g[j], 0) / B);
      const sq = w.map((_, j) => ci.reduce((s, g) => s + g[j] ** 2, 0) / B);
      const gW = w.map((x, j) => mean[j] + 2 * (x - c[j]));
      const gA = (wRes * z.reduce((s, zi, i) => s + 2 * r[i] * zi, 0)) / B + 2 * al;
      // float64 reference: s = mean c_i² + (other terms' gradient)², α falls back to ḡ²
      const sRef = [sq.map((q, j) => q + (2 * (w[j] - c[j])) ** 2), [gA ** 2]];
      const gRef = [gW, [gA]];
      const uRef = gRef.map((g, k) =>
        g.map((gj, j) => {
          ref.m[k][j] = b1 * ref.m[k][j] + (1 - b1) * gj;
          ref.v[k][j] = b2 * ref.v[k][j] + (1 - b2) * sRef[k][j];
          return (-lr * ref.m[k][j]) / (Math.sqrt(ref.v[k][j]) + eps);
        }),
      );
      const grads = [tf.tensor1d(gW), tf.tensor1d([gA])];
      const moments = { mean: [tf.tensor1d(mean), null], sq: [tf.tensor1d(sq), null] };
      const updates = opt.apply(grads, true, { sampleMoments: moments })!;
      expect(relErr(await updates[0].data(), uRef[0])).toBeLessThan(1e-5);
      expect(relErr(await updates[1].data(), uRef[1])).toBeLessThan(1e-5);
      const st = findPdeAwareState(opt.current)!;
      expect(st.sampled).toEqual([1, 0]);
      const varRef = sq.map((q, j) => q - mean[j] ** 2);
      expect(relErr(await st.variance[0].data(), varRef)).toBeLessThan(1e-4);
      expect(Array.from(await st.variance[1].data())).toEqual([0]);
      tf.dispose([...grads, moments.mean[0]!, moments.sq[0]!, ...updates]);
    }
    const layers = await layerSampleVariance(opt.current, ['layer0.weight', 'block0.alpha']);
    expect(Object.keys(layers!)).toEqual(['layer0']);
    opt.dispose();
    tf.dispose([W, alpha]);
  });

  it('with B = 1 and no other terms (s = ḡ²) is Adam without bias correction', () => {
    // eps = 0: u_adam = (m/c₁)/√(v/c₂), so u_pde = m/√v = u_adam · c₁/√c₂, c_k = 1 − β_k^t
    const o = { b1: 0.99, b2: 0.99, eps: 0 };
    const pde = scaleByPdeAware(o);
    const adam = scaleByAdam(o);
    const p = tf.zeros([3, 4]);
    let sp = pde.init([p]);
    let sa = adam.init([p]);
    for (let t = 1; t <= 20; t++) {
      const g = tf.tensor2d(Array.from({ length: 3 }, () => randn(4)));
      const sq = tf.square(g);
      const rp = pde.update([g], sp, [p], { sampleMoments: { mean: [g], sq: [sq] } });
      const ra = adam.update([g], sa, [p]);
      const scale = (1 - o.b1 ** t) / Math.sqrt(1 - o.b2 ** t);
      const want = Array.from(ra.updates[0].dataSync(), (u) => u * scale);
      expect(relErr(rp.updates[0].dataSync(), want)).toBeLessThan(1e-5);
      tf.dispose([sp, sa, g, sq, rp.updates, ra.updates]);
      sp = rp.state;
      sa = ra.state;
    }
    tf.dispose([sp, sa, p]);
  });
});

describe('PDE-aware in the trainer', () => {
  const cfg = (over: Record<string, unknown>) =>
    resolveConfig({
      pde: 'poisson1d',
      optimizer: 'pde_aware',
      archOptions: { depth: 1, width: 10, activation: 'tanh' },
      batch: 16,
      logEvery: 10,
      ...over,
    });

  it('feeds the per-sample moments: B = 1 without other terms gives v = (1−β₂) ḡ² and zero variance', async () => {
    const t = new Trainer(cfg({ batch: 1, lossWeights: { bc: 0 } }));
    t.step();
    const st = findPdeAwareState(t.optimizerState)!;
    expect(st.sampled.every((s) => s === 1)).toBe(true);
    const { b1, b2 } = pdeAwareDefaults;
    for (let k = 0; k < st.mu.length; k++) {
      const g = Array.from(await st.mu[k].data(), (m) => m / (1 - b1));
      const s = Array.from(await st.nu[k].data(), (v) => v / (1 - b2));
      const want = g.map((x) => x * x);
      expect(relErr(s, want)).toBeLessThan(1e-4);
      expect(Math.max(...Array.from(await st.variance[k].data()))).toBeLessThanOrEqual(1e-6 * Math.max(...want));
    }
    t.dispose();
  });

  it('reports a positive per-layer residual-gradient variance with a real batch', async () => {
    const t = new Trainer(cfg({}));
    t.step();
    const v = await layerSampleVariance(
      t.optimizerState,
      t.net.params.map((p) => p.name),
    );
    expect(Object.keys(v!).sort()).toEqual(['layer0', 'layer1']);
    for (const x of Object.values(v!)) expect(x).toBeGreaterThan(0);
    t.dispose();
  });

  it('poisson1d, 1×10 tanh: the loss falls 100× in 1,000 steps', async () => {
    const t = new Trainer(cfg({ lr: 1e-2, batch: 64 }));
    t.step();
    const first = (await t.checkpoint()).loss;
    await trainFor(t, 999); // throws on divergence
    const last = (await t.checkpoint()).loss;
    expect(last).toBeLessThan(first / 100);
    t.dispose();
  });

  it('keeps the tensor count flat over 300 steps (causal Allen–Cahn, with checkpoints)', async () => {
    const t = new Trainer(
      resolveConfig({
        pde: 'allen_cahn',
        optimizer: 'pde_aware',
        archOptions: { depth: 2, width: 8, activation: 'tanh' },
        batch: 32,
        logEvery: 10,
      }),
    );
    expect(t.config.causal.enabled).toBe(true);
    await trainFor(t, 20);
    const before = tf.memory().numTensors;
    await trainFor(t, 300);
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });
});
