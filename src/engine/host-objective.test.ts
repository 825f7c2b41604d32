import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config';
import { flatObjective, getFlat } from './host-objective';
import { lbfgs } from './optim/lbfgs';
import { createRng } from './rng';
import { Trainer } from './trainer';

describe('flat objective over a PINN', () => {
  it('agrees with the trainer loss, differences to its gradient, and L-BFGS lowers it without leaks', async () => {
    const t = new Trainer(
      resolveConfig({ pde: 'poisson1d', archOptions: { depth: 1, width: 10, activation: 'tanh' }, batch: 64 }),
    );
    const f = flatObjective(t, t.sample(createRng(1)));
    const x0 = await getFlat(t.vars);
    const e0 = await f(x0);
    // central difference along a random direction matches gᵀd (float32 loss: loose tolerance)
    const rng = createRng(2);
    const d = x0.map(() => rng.normal());
    const h = 1e-2;
    const fp = (await f(x0.map((v, i) => v + h * d[i]))).loss;
    const fm = (await f(x0.map((v, i) => v - h * d[i]))).loss;
    const gd = e0.grad.reduce((s, g, i) => s + g * d[i], 0);
    expect(Math.abs((fp - fm) / (2 * h) - gd) / Math.abs(gd)).toBeLessThan(2e-2);
    const before = tf.memory().numTensors;
    const r = await lbfgs(f, x0, { maxIterations: 50 });
    expect(tf.memory().numTensors).toBe(before);
    expect(r.loss).toBeLessThan(e0.loss * 1e-2);
    t.dispose();
  });
});
