import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config';
import { getFlat, lossObjective } from '../host-objective';
import { trainFor } from '../loop';
import { Trainer } from '../trainer';
import { denseEigenSolver, lossLandscape, type ExtremeEigenSolver } from './landscape';

const tiny = () =>
  new Trainer(
    resolveConfig({
      pde: 'poisson1d',
      params: { C: 2 },
      archOptions: { depth: 1, width: 6, activation: 'tanh' },
      batch: 64,
      seed: 2,
      lr: 1e-2,
    }),
  );

describe('loss landscape slices', () => {
  it('bends with the Hessian’s extreme eigenvalues at α = 0, restores the weights, leaks nothing', async () => {
    const t = tiny();
    await trainFor(t, 200);
    const theta = await getFlat(t.vars);
    const before = tf.memory().numTensors;
    const r = 0.02;
    const L = await lossLandscape(t, { radius: r, points1d: 5, points2d: 5 });
    expect(tf.memory().numTensors).toBe(before);
    expect(Array.from(await getFlat(t.vars))).toEqual(Array.from(theta));
    expect(L.top.value).toBeGreaterThan(L.bottom.value);
    // second differences of the slices at 0 (step h = r/2) against the eigenvalues: d²L/dα² = vᵀHv = λ
    const h = L.alphas[3] - L.alphas[2];
    const curv = (s: number[]) => (s[1] - 2 * s[2] + s[3]) / (h * h);
    expect(curv(L.alongTop)).toBeCloseTo(L.top.value, 0);
    expect(Math.abs(curv(L.alongTop) - L.top.value)).toBeLessThan(2e-2 * Math.abs(L.top.value));
    expect(Math.abs(curv(L.alongBottom) - L.bottom.value)).toBeLessThan(2e-2 * Math.abs(L.top.value));
    // the grid's axes are the 1-D slices (same offsets), its centre the base loss
    L.alphas.forEach((_, i) => {
      expect(L.grid.loss[i * 5 + 2]).toBe(L.alongTop[i]);
      expect(L.grid.loss[2 * 5 + i]).toBe(L.alongBottom[i]);
    });
    expect(L.alongTop[2]).toBe(L.base);
    // the same state sliced with the dense exact eigensolver: Lanczos found the same extremes
    const t2 = tiny();
    await trainFor(t2, 200);
    const D = await lossLandscape(t2, { radius: r, points1d: 5, points2d: 5 }, denseEigenSolver);
    expect(Math.abs(L.top.value - D.top.value)).toBeLessThan(1e-2 * Math.abs(D.top.value));
    expect(Math.abs(L.bottom.value - D.bottom.value)).toBeLessThan(1e-2 * Math.abs(D.top.value));
    const cos = Math.abs(L.top.vector.reduce((s, v, i) => s + v * D.top.vector[i], 0));
    expect(cos).toBeGreaterThan(0.99);
    [t, t2].forEach((x) => x.dispose());
  });

  it('slices along whatever directions the solver gives (checked by moving one weight by hand)', async () => {
    const t = tiny();
    const n = t.paramCount;
    const e = (k: number) => Float64Array.from({ length: n }, (_, i) => (i === k ? 1 : 0));
    const solver: ExtremeEigenSolver = async () => ({
      top: { value: 1, vector: e(0) },
      bottom: { value: -1, vector: e(n - 1) },
    });
    const L = await lossLandscape(t, { radius: 0.5, points1d: 3, points2d: 3 }, solver);
    // reproduce on the same probe batch: the landscape drew it first from the probe stream
    const t2 = tiny();
    const batches = t2.sample(t2.probeRng);
    const f = lossObjective(t2.vars, () => tf.tidy(() => tf.sum(t2.lossesOn(batches)) as tf.Scalar));
    const theta = await getFlat(t2.vars);
    const moved = (k: number, a: number) => f(theta.map((v, i) => (i === k ? v + a : v)));
    expect(L.alongTop[0]).toBeCloseTo((await moved(0, -0.5)).loss, 5);
    expect(L.alongBottom[2]).toBeCloseTo((await moved(n - 1, 0.5)).loss, 5);
    [t, t2].forEach((x) => x.dispose());
  });
});
