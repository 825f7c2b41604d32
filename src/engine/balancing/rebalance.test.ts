import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config';
import { ntkTraces } from '../diagnostics/ntk';
import { trainFor } from '../loop';
import { Trainer } from '../trainer';
import { rebalance } from './rebalance';

const cfg = {
  pde: 'helmholtz',
  batch: 32,
  archOptions: { depth: 2, width: 8, activation: 'tanh' },
  logEvery: 5,
} as const;

describe('NTK weighting in the training loop', () => {
  it('at α = 1 sets w_t ∝ 1 / tr(K_tt): every weighted trace equals the mean trace', async () => {
    const t = new Trainer(
      resolveConfig({ ...cfg, balancing: { method: 'ntk', alpha: 1 }, diagnostics: { ntkPoints: 16 } }),
    );
    const state = t.probeRng.getState();
    const w = await rebalance(t);
    t.probeRng.setState(state);
    const traces = await ntkTraces(t, t.sample(t.probeRng, 16));
    const mean = traces.reduce((a, b) => a + b, 0) / traces.length;
    traces.forEach((tr, i) => expect(w[i] * tr).toBeCloseTo(mean, 3));
    // the term with the larger trace (it learns faster) gets the smaller weight
    expect(Math.sign(w[1] - w[0])).toBe(Math.sign(traces[0] - traces[1]));
    t.dispose();
  });

  it('rebalances on schedule with NTK diagnostics on and keeps the tensor count flat', async () => {
    const t = new Trainer(
      resolveConfig({
        ...cfg,
        balancing: { method: 'ntk', every: 5 },
        diagnostics: { every: 10, kinds: ['ntk'], ntkPoints: 8 },
      }),
    );
    await trainFor(t, 10);
    const before = tf.memory().numTensors;
    let diag: Record<string, number> | undefined;
    const r = await trainFor(t, 10, (_c, _ms, d) => {
      if (d) diag = d.metrics;
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(r.last.weights.bc).not.toBe(1);
    for (const k of [
      'ntk.res.max',
      'ntk.res.min',
      'ntk.res.mean',
      'ntk.bc.mean',
      'ntk.res.eig.7',
      'ntk.cross.res.bc.rms',
    ]) {
      expect(Number.isFinite(diag?.[k]), k).toBe(true);
    }
    expect(diag!['ntk.res.max']).toBeGreaterThanOrEqual(diag!['ntk.res.mean']);
    t.dispose();
  });
});
