import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { optimizerChoice, optimizers, withOptimizer } from '.';
import { Stateful } from './transform';

const grads = [
  [0.5, -1, 2],
  [1, 0.25, -3],
  [-2, 1, 0.5],
  [0.1, -0.2, 0.3],
];

/** Run the registered optimizer on the fixed gradient sequence; returns θ after each step. */
async function run(id: 'sgd' | 'adamw', opts: object, lr: number, theta0: number[]): Promise<number[][]> {
  const p = tf.variable(tf.tensor1d(theta0));
  const opt = new Stateful(
    withOptimizer(optimizerChoice(id, { ...optimizers[id].defaults, ...opts }), (entry, o) =>
      entry.create(o, () => lr),
    ),
    [p],
  );
  const out: number[][] = [];
  for (const g of grads) {
    const gt = tf.tensor1d(g);
    opt.apply([gt]);
    gt.dispose();
    out.push(Array.from(await p.data()));
  }
  opt.dispose();
  p.dispose();
  return out;
}

describe('SGD', () => {
  const lr = 0.1;
  const theta0 = [1, -2, 0.5];
  it('without momentum is θ ← θ − η g', async () => {
    const got = await run('sgd', { momentum: 0 }, lr, theta0);
    let th = theta0;
    grads.forEach((g, k) => {
      th = th.map((x, i) => x - lr * g[i]);
      th.forEach((x, i) => expect(got[k][i]).toBeCloseTo(x, 6));
    });
  });

  it.each([
    [0, 'heavy ball'],
    [1, 'Nesterov'],
  ])('momentum 0.9, nesterov=%i (%s) matches the float64 recursion', async (nesterov) => {
    const mu = 0.9;
    const got = await run('sgd', { momentum: mu, nesterov: nesterov === 1 }, lr, theta0);
    let th = theta0;
    let t = [0, 0, 0];
    grads.forEach((g, k) => {
      t = t.map((x, i) => g[i] + mu * x);
      const u = nesterov ? t.map((x, i) => g[i] + mu * x) : t;
      th = th.map((x, i) => x - lr * u[i]);
      th.forEach((x, i) => expect(got[k][i]).toBeCloseTo(x, 5));
    });
    // and differs visibly from plain SGD, θ₀ − η Σ g
    const plain = theta0.map((x, i) => x - lr * grads.reduce((s, g) => s + g[i], 0));
    expect(Math.max(...plain.map((x, i) => Math.abs(x - got[3][i])))).toBeGreaterThan(0.05);
  });
});

describe('AdamW', () => {
  it('is Adam plus the decoupled decay −η λ θ (float64 reference)', async () => {
    const lr = 0.05,
      wd = 0.3,
      b1 = 0.9,
      b2 = 0.999,
      eps = 1e-8;
    const theta0 = [1, -2, 0.5];
    const got = await run('adamw', { weightDecay: wd }, lr, theta0);
    let th = theta0,
      m = [0, 0, 0],
      v = [0, 0, 0];
    grads.forEach((g, k) => {
      const t = k + 1;
      m = m.map((x, i) => b1 * x + (1 - b1) * g[i]);
      v = v.map((x, i) => b2 * x + (1 - b2) * g[i] ** 2);
      th = th.map((x, i) => x - lr * (m[i] / (1 - b1 ** t) / (Math.sqrt(v[i] / (1 - b2 ** t)) + eps) + wd * x));
      th.forEach((x, i) => expect(got[k][i]).toBeCloseTo(x, 5));
    });
  });

  it('with λ = 0 equals Adam', async () => {
    const a = await run('adamw', { weightDecay: 0 }, 0.05, [1, 2, 3]);
    const p = tf.variable(tf.tensor1d([1, 2, 3]));
    const opt = new Stateful(
      optimizers.adam.create(optimizers.adam.defaults, () => 0.05),
      [p],
    );
    for (const g of grads) {
      const gt = tf.tensor1d(g);
      opt.apply([gt]);
      gt.dispose();
    }
    Array.from(await p.data()).forEach((x, i) => expect(x).toBe(a[3][i]));
    opt.dispose();
    p.dispose();
  });
});
