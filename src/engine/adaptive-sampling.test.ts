import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { cumulative, drawWithoutReplacement, drawWithReplacement, residualDensity } from './adaptive-sampling';
import { resolveConfig, type ConfigInput } from './config';
import { termResidual } from './loss';
import { trainFor } from './loop';
import { createRng } from './rng';
import { Trainer } from './trainer';

const burgers = (sampling: ConfigInput['sampling']) =>
  resolveConfig({ pde: 'burgers', archOptions: { depth: 2, width: 16 }, batch: 128, logEvery: 5, seed: 4, sampling });

/** Mean |r| of the trainer's residual at a batch's points. */
function meanAbsResidual(t: Trainer, b: { n: number; x: Float32Array; aux: Float32Array[] }): number {
  return tf.tidy(
    () =>
      tf.mean(tf.abs(termResidual(t.net, t.pde, t.config.params, 'res', b, t.streamsOf('res')))).arraySync() as number,
  );
}

describe('residual-based adaptive sampling (Wu et al. 2023)', () => {
  it('weights points by |r|^k / mean |r|^k + c, normalised (eq. 2)', () => {
    const p = residualDensity([1, 2, 3, 0], 2, 1);
    const raw = [1 / 3.5 + 1, 4 / 3.5 + 1, 9 / 3.5 + 1, 1];
    const sum = raw.reduce((a, b) => a + b);
    raw.forEach((r, i) => expect(p[i]).toBeCloseTo(r / sum, 14));
    // k = 0 or all-zero residuals with c = 0: uniform
    expect(Array.from(residualDensity([0, 0, 0, 0], 1, 0))).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(Array.from(residualDensity([5, 1], 0, 0))).toEqual([0.5, 0.5]);
  });

  it('draws with replacement at the density’s frequencies, and without replacement distinct points', () => {
    const p = Float64Array.from([0.1, 0.6, 0.0, 0.3]);
    const rng = createRng(9);
    const idx = drawWithReplacement(cumulative(p), rng, 40000);
    const freq = [0, 0, 0, 0];
    idx.forEach((i) => freq[i]++);
    // binomial sd ≤ sqrt(0.25/40000) = 0.0025: 4 sd
    freq.forEach((f, i) => expect(Math.abs(f / 40000 - p[i])).toBeLessThan(0.01));
    const firsts = [0, 0, 0, 0];
    for (let k = 0; k < 20000; k++) {
      const pick = drawWithoutReplacement(p, rng, 3);
      expect(new Set(pick).size).toBe(3);
      expect(Array.from(pick)).not.toContain(2); // probability 0, three others available
      firsts[pick[0]]++;
    }
    firsts.forEach((f, i) => expect(Math.abs(f / 20000 - p[i])).toBeLessThan(0.015));
  });

  it('RAD puts the training batch where the residual is large; memory stays flat', async () => {
    const t = new Trainer(burgers({ method: 'rad', every: 10, candidates: 2048, power: 2, c: 0 }));
    await trainFor(t, 30);
    const before = tf.memory().numTensors;
    await trainFor(t, 20);
    expect(tf.memory().numTensors).toBe(before);
    expect(t.collocation!.res.n).toBe(128);
    await t.settle(); // refresh due at step 50: the density of the current weights
    const batch = t.sample(undefined, 1024).res;
    const uniform = t.sample(t.probeRng, 2048).res;
    // with p ∝ |r|², E_p|r| = E|r|³ / E|r|² ≥ E|r|: the adaptive batch's mean residual is higher
    expect(meanAbsResidual(t, batch)).toBeGreaterThan(1.3 * meanAbsResidual(t, uniform));
    t.dispose();
  });

  it('RAR-D grows the residual set by `add` points per refresh beside the uniform batch', async () => {
    const t = new Trainer(burgers({ method: 'rar', every: 10, candidates: 512, add: 16 }));
    await trainFor(t, 1);
    expect(t.collocation!.res.n).toBe(128 + 16);
    await trainFor(t, 25); // refreshes before steps 10 and 20
    expect(t.collocation!.res.n).toBe(128 + 3 * 16);
    expect(t.collocation!.bc.n).toBe(128);
    t.dispose();
  });

  it('rejects bad options naming the field', () => {
    expect(() => burgers({ method: 'lhs' })).toThrow(
      /sampling.method: unknown value "lhs" \(allowed: uniform, rad, rar\)/,
    );
    expect(() => burgers({ method: 'rad', every: 0 })).toThrow(/sampling.every: 0 is not an integer in \[1/);
    expect(() => burgers({ method: 'rad', power: -1 })).toThrow(/sampling.power/);
    expect(resolveConfig({ sampling: { method: 'rar' } }).sampling).toMatchObject({ power: 2, c: 0 });
  });
});
