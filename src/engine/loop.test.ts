import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config';
import type { DiagnosticsReport } from './diagnostics/run';
import { trainFor } from './loop';
import { Trainer } from './trainer';

describe('trainFor with balancing and diagnostics', () => {
  it('reports every diagnostic on schedule, rebalances weights, and leaks nothing', async () => {
    const t = new Trainer(
      resolveConfig({
        pde: 'klein_gordon',
        batch: 32,
        archOptions: { depth: 2, width: 8, activation: 'tanh' },
        logEvery: 5,
        balancing: { method: 'annealing', every: 10 },
        diagnostics: { every: 20, kinds: ['align', 'hist', 'hess', 'rgv'], hessIters: 5, bins: 16, rgvSamples: 16 },
      }),
    );
    const reports: DiagnosticsReport[] = [];
    await trainFor(t, 20, (_c, _ms, d) => {
      if (d) reports.push(d);
    });
    const before = tf.memory().numTensors;
    const r = await trainFor(t, 40, (_c, _ms, d) => {
      if (d) reports.push(d);
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(reports.map((d) => d.step)).toEqual([20, 40, 60]);
    const m = reports[2].metrics;
    for (const k of [
      'align.intra',
      'align.interGrad',
      'align.interUpdate',
      'hess.top',
      'hess.top.res',
      'gradNorm.ic_t',
      'rgv.layer0',
      'rgv.layer2',
    ]) {
      expect(Number.isFinite(m[k]), k).toBe(true);
    }
    for (const k of ['align.intra', 'align.interGrad', 'align.interUpdate'])
      expect(Math.abs(m[k])).toBeLessThanOrEqual(1 + 1e-6);
    expect(reports[2].histograms.map((h) => h.layer)).toEqual(['layer0', 'layer1', 'layer2']);
    const h = reports[2].histograms[1];
    expect(Object.keys(h.terms)).toEqual(['res', 'ic', 'ic_t', 'bc']);
    expect(h.terms.bc.counts.reduce((a, b) => a + b, 0)).toBe(8 * 8);
    // annealing moved the non-residual weights, the residual stays at 1
    expect(r.last.weights.res).toBe(1);
    expect(r.last.weights.ic).not.toBe(1);
    t.dispose();
  });

  it('leaves the training batches unchanged when diagnostics are on', async () => {
    const base = {
      pde: 'wave',
      batch: 16,
      archOptions: { depth: 1, width: 6, activation: 'tanh' },
      logEvery: 5,
    } as const;
    const a = new Trainer(resolveConfig(base));
    const b = new Trainer(
      resolveConfig({ ...base, diagnostics: { every: 5, kinds: ['align', 'hess'], hessIters: 3 } }),
    );
    const ra = await trainFor(a, 15);
    const rb = await trainFor(b, 15);
    expect(rb.last.losses).toEqual(ra.last.losses);
    a.dispose();
    b.dispose();
  });
});

describe('causal training', () => {
  it('reports non-increasing chunk weights starting at 1 and keeps tensors flat', async () => {
    const t = new Trainer(
      resolveConfig({
        pde: 'allen_cahn',
        batch: 64,
        archOptions: { depth: 1, width: 8, activation: 'tanh' },
        logEvery: 5,
        causal: { chunks: 8, eps: 50 },
      }),
    );
    expect(t.config.causal.enabled).toBe(true); // on by default for Allen–Cahn
    await trainFor(t, 5);
    const before = tf.memory().numTensors;
    const r = await trainFor(t, 20);
    expect(tf.memory().numTensors).toBe(before);
    const w = r.last.causal!;
    expect(w).toHaveLength(8);
    expect(w[0]).toBeCloseTo(1, 6);
    for (let i = 1; i < w.length; i++) expect(w[i]).toBeLessThanOrEqual(w[i - 1] + 1e-7);
    expect(w[7]).toBeLessThan(1);
    t.dispose();
  });
  it('is refused for a PDE without time', () => {
    expect(() => resolveConfig({ pde: 'helmholtz', causal: { enabled: true } })).toThrow(/helmholtz has no time axis/);
  });
});

describe('Adam then L-BFGS', () => {
  it('switches at the chosen step, counts iterations as steps, lowers the loss and leaks nothing', async () => {
    const t = new Trainer(
      resolveConfig({
        pde: 'poisson1d',
        batch: 64,
        archOptions: { depth: 1, width: 10, activation: 'tanh' },
        logEvery: 10,
        lbfgs: { from: 50, batch: 128 },
      }),
    );
    await trainFor(t, 10);
    const before = tf.memory().numTensors;
    const logged: number[] = [];
    const adamPhase = await trainFor(t, 40, (c) => {
      logged.push(c.step);
    });
    const r = await trainFor(t, 60, (c) => {
      logged.push(c.step);
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(logged.slice(0, 4)).toEqual([20, 30, 40, 50]);
    expect(t.stepCount).toBeGreaterThan(50);
    expect(r.last.loss).toBeLessThan(adamPhase.last.loss / 10);
    t.dispose();
  });
});
