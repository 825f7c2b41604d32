import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { causalLoss, causalWeights, chunkByTime, chunkLosses, stopGradient } from './causal';

describe('causal weighting', () => {
  const L = [0.5, 2, 0.25, 1];
  const eps = 0.8;
  // by hand: w = exp(−ε·[0, 0.5, 2.5, 2.75]) = [1, e^{−0.4}, e^{−2}, e^{−2.2}]
  const w = [1, Math.exp(-0.4), Math.exp(-2), Math.exp(-2.2)];

  it('w_i = exp(−ε Σ_{j<i} L_j) on a hand-computed example', async () => {
    const got = await causalWeights(tf.tensor1d(L), eps).data();
    w.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 6));
  });

  it('no gradient flows through the weights: ∂ mean(w ⊙ L)/∂L_i = w_i / M', async () => {
    const Lv = tf.tensor1d(L);
    const g = await tf
      .grad((l: tf.Tensor) => causalLoss(l as tf.Tensor1D, eps))(Lv)
      .data();
    w.forEach((v, i) => expect(g[i]).toBeCloseTo(v / L.length, 6));
    // with the weights differentiated it would be (w_i − ε Σ_{k>i} w_k L_k)/M instead:
    const through = (i: number) => (w[i] - eps * w.reduce((s, wk, k) => s + (k > i ? wk * L[k] : 0), 0)) / L.length;
    expect(Math.abs(g[0] - through(0))).toBeGreaterThan(0.1);
    expect(
      await tf
        .grad((x: tf.Tensor) => tf.sum(tf.mul(stopGradient(x), x)))(tf.tensor1d([3]))
        .data(),
    ).toEqual(new Float32Array([3]));
  });

  it('chunks by rank in t, equal sizes, earliest first', () => {
    expect(Array.from(chunkByTime([0.9, 0.1, 0.5, 0.3, 0.7, 0.2], 3))).toEqual([2, 0, 1, 1, 2, 0]);
    expect(Array.from(chunkByTime([0.4, 0.1, 0.3, 0.2, 0.0], 2))).toEqual([1, 0, 1, 0, 0]);
    expect(() => chunkByTime([0.1, 0.2], 3)).toThrow(/chunks/);
  });

  it('chunk losses are per-chunk means of r², differentiable in r', async () => {
    const r = tf.tensor2d([[1], [2], [3], [4], [5]]);
    const chunk = Int32Array.from([0, 1, 0, 2, 1]);
    expect(Array.from(await chunkLosses(r, chunk, 4).data())).toEqual([5, 14.5, 16, 0]);
    // d/dr of the causal loss: (2 r_p / n_c) w_c / M
    const g = await tf
      .grad((x: tf.Tensor) => causalLoss(chunkLosses(x, chunk, 3), 1))(r)
      .data();
    const wc = [1, Math.exp(-5), Math.exp(-19.5)];
    const n = [2, 2, 1];
    [1, 2, 3, 4, 5].forEach((v, p) => expect(g[p]).toBeCloseTo(((2 * v) / n[chunk[p]]) * (wc[chunk[p]] / 3), 6));
  });

  it('keeps the tensor count flat', () => {
    const L0 = tf.variable(tf.tensor1d(L));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      const { value, grads } = tf.variableGrads(
        () => causalLoss(chunkLosses(L0, Int32Array.from([0, 1, 2, 3]), 4), eps),
        [L0],
      );
      tf.dispose([value, grads]);
      tf.dispose(causalWeights(L0, eps));
    }
    expect(tf.memory().numTensors).toBe(before);
    L0.dispose();
  });
});
