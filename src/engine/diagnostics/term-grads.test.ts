import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config';
import { paramGrads } from '../grads';
import { createRng } from '../rng';
import { Trainer } from '../trainer';
import { trainFor } from '../loop';
import { runDiagnostics } from './run';
import { effectiveWeightGrads } from './term-grads';

const pirate = () =>
  new Trainer(
    resolveConfig({
      pde: 'burgers',
      arch: 'pirate_net',
      batch: 32,
      archOptions: { blocks: 1, width: 8 },
      diagnostics: { every: 0, kinds: ['hist'], bins: 12 },
      logEvery: 1,
    }),
  );

describe('weight-gradient histograms under random weight factorization', () => {
  it('PirateNet (RWF by default) gets a histogram per dense layer, of the effective W, and hist.*', async () => {
    const t = pirate();
    expect(t.config.archOptions).toMatchObject({ rwf: true });
    // α = 0 at init gates the blocks (and the encoders) off; a few steps open them
    await trainFor(t, 3);
    const before = tf.memory().numTensors;
    const r = await runDiagnostics(t);
    expect(tf.memory().numTensors).toBe(before);
    const layers = r.histograms.map((h) => h.layer);
    expect(layers).toEqual(
      expect.arrayContaining(['encoder_u', 'encoder_v', 'block0.dense1', 'block0.dense3', 'output']),
    );
    expect(layers.some((l) => l.includes('alpha'))).toBe(false);
    for (const h of r.histograms) {
      expect(h.source).toBe('W = V·diag(exp s)');
      for (const [term, th] of Object.entries(h.terms)) {
        expect(th.counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
        expect(th.maxAbs).toBeGreaterThan(0);
        expect(r.metrics[`hist.${h.layer}.${term}.meanAbs`]).toBe(th.meanAbs);
        expect(r.metrics[`hist.${h.layer}.${term}.maxAbs`]).toBe(th.maxAbs);
      }
    }
    t.dispose();
  });

  it('∂L/∂W = (∂L/∂V) / exp(s) meets the chain rule: ∂L/∂s_j = Σ_i ∂L/∂W_ij · W_ij', async () => {
    const t = pirate();
    const batches = t.sample(createRng(4));
    const { value, grads } = paramGrads(t.vars, () => tf.sum(t.lossesOn(batches, ['res'])) as tf.Scalar);
    const eff = effectiveWeightGrads(t.net.params, grads);
    const params = t.net.params;
    let checked = 0;
    for (const e of eff) {
      const iv = params.findIndex((p) => p.name === `${e.layer}.v`);
      const is = params.findIndex((p) => p.name === `${e.layer}.s`);
      const v = tf.tidy(() => tf.mul(params[iv].variable, tf.exp(params[is].variable)));
      const [gW, W, gs] = await Promise.all([e.grad.data(), v.data(), grads[is].data()]);
      const [rows, cols] = params[iv].variable.shape;
      for (let j = 0; j < cols; j++) {
        let sum = 0;
        for (let i = 0; i < rows; i++) sum += gW[i * cols + j] * W[i * cols + j];
        expect(sum).toBeCloseTo(gs[j], 5);
        checked++;
      }
      v.dispose();
    }
    expect(checked).toBeGreaterThan(20);
    tf.dispose([value, ...grads, ...eff.map((e) => e.grad)]);
    t.dispose();
  });

  it('a plain MLP histograms its .weight gradients as they are', async () => {
    const t = new Trainer(resolveConfig({ pde: 'helmholtz', batch: 16, archOptions: { depth: 1, width: 6 } }));
    const batches = t.sample(createRng(1));
    const { value, grads } = paramGrads(t.vars, () => tf.sum(t.lossesOn(batches)) as tf.Scalar);
    const eff = effectiveWeightGrads(t.net.params, grads);
    expect(eff.map((e) => [e.layer, e.source])).toEqual([
      ['layer0', 'W'],
      ['layer1', 'W'],
    ]);
    expect(Array.from(await eff[1].grad.data())).toEqual(Array.from(await grads[2].data()));
    tf.dispose([value, ...grads, ...eff.map((e) => e.grad)]);
    t.dispose();
  });
});
