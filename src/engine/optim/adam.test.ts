import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { learningRate } from './schedule';
import { optimizers } from '.';
import { Stateful } from './transform';

describe('Adam', () => {
  it('matches the Kingma & Ba update computed in float64', async () => {
    const lr = 0.1;
    const o = { b1: 0.9, b2: 0.999, eps: 1e-8 };
    const p = tf.variable(tf.tensor1d([1, -2, 0.5]));
    const opt = new Stateful(
      optimizers.adam.create(o, () => lr),
      [p],
    );
    const gs = [
      [0.3, -1, 2],
      [-0.1, 0.5, 2],
      [1, 1, -4],
    ];
    let theta = [1, -2, 0.5];
    let m = [0, 0, 0];
    let v = [0, 0, 0];
    gs.forEach((g, k) => {
      const t = k + 1;
      m = m.map((mi, i) => o.b1 * mi + (1 - o.b1) * g[i]);
      v = v.map((vi, i) => o.b2 * vi + (1 - o.b2) * g[i] ** 2);
      theta = theta.map((th, i) => th - (lr * (m[i] / (1 - o.b1 ** t))) / (Math.sqrt(v[i] / (1 - o.b2 ** t)) + o.eps));
      const gt = tf.tensor1d(g);
      opt.apply([gt]);
      gt.dispose();
    });
    const got = await p.data();
    theta.forEach((th, i) => expect(got[i]).toBeCloseTo(th, 5));
    // first step moves every coordinate by ≈ lr against the sign of its gradient
    expect(theta[0]).not.toBeCloseTo(1, 1);
    opt.dispose();
    p.dispose();
  });

  it('minimises a quadratic', async () => {
    const p = tf.variable(tf.tensor1d([3, -4]));
    const opt = new Stateful(
      optimizers.adam.create(optimizers.adam.defaults, () => 0.05),
      [p],
    );
    const before = tf.memory().numTensors;
    for (let i = 0; i < 500; i++) {
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(p)) as tf.Scalar, [p]);
      opt.apply([grads[p.name]]);
      tf.dispose([value, grads]);
    }
    expect(tf.memory().numTensors).toBe(before);
    const got = await p.data();
    expect(Math.hypot(got[0], got[1])).toBeLessThan(1e-2);
  });
});

describe('learning-rate schedules', () => {
  it('warm up linearly then decay exponentially', () => {
    const s = { warmupSteps: 10, decayRate: 0.5, decaySteps: 100, cosineSteps: 0, cosineAlpha: 0 };
    expect(learningRate(1e-3, s, 0)).toBeCloseTo(1e-4, 12);
    expect(learningRate(1e-3, s, 9)).toBeCloseTo(1e-3, 12);
    expect(learningRate(1e-3, s, 110)).toBeCloseTo(5e-4, 12);
    expect(learningRate(1e-3, s, 210)).toBeCloseTo(2.5e-4, 12);
    expect(
      learningRate(1e-3, { warmupSteps: 0, decayRate: 1, decaySteps: 1, cosineSteps: 0, cosineAlpha: 0 }, 12345),
    ).toBe(1e-3);
  });
  it('decay along a cosine after the warmup and stay at zero after it', () => {
    const c = { warmupSteps: 5, decayRate: 1, decaySteps: 1, cosineSteps: 100, cosineAlpha: 0 };
    expect(learningRate(2, c, 5)).toBeCloseTo(2, 12);
    expect(learningRate(2, c, 55)).toBeCloseTo(1, 12); // half way: ½(1 + cos π/2) = ½
    expect(learningRate(2, c, 80)).toBeCloseTo(1 + Math.cos(0.75 * Math.PI), 12);
    expect(learningRate(2, c, 105)).toBeCloseTo(0, 12);
    expect(learningRate(2, c, 500)).toBeCloseTo(0, 12);
  });
  it('with a floor α the cosine ends at α·η (optax: (1 − α)·cos-decay + α)', () => {
    const c = { warmupSteps: 0, decayRate: 1, decaySteps: 1, cosineSteps: 100, cosineAlpha: 0.1 };
    expect(learningRate(2, c, 0)).toBeCloseTo(2, 12);
    expect(learningRate(2, c, 50)).toBeCloseTo(2 * (0.9 * 0.5 + 0.1), 12);
    expect(learningRate(2, c, 100)).toBeCloseTo(0.2, 12);
    expect(learningRate(2, c, 1000)).toBeCloseTo(0.2, 12);
  });
});
