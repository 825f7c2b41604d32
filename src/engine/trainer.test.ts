import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import './node-backends';
import { resolveConfig, type ConfigInput } from './config';
import { trainFor } from './loop';
import { termLosses, termStreams } from './loss';
import { createRng } from './rng';
import { sampleTerm } from './sampling';
import { DivergenceError, Trainer } from './trainer';

const tiny = (over: ConfigInput = {}) =>
  resolveConfig({ archOptions: { depth: 2, width: 8, activation: 'tanh' }, batch: 32, logEvery: 10, ...over });

describe('Trainer', () => {
  it('keeps the tensor count flat over 1,000 steps (with checkpoints and evaluations)', async () => {
    const t = new Trainer(tiny({ pde: 'helmholtz' }));
    await trainFor(t, 20);
    await t.evaluate();
    const before = tf.memory().numTensors;
    await trainFor(t, 1000, async (c) => {
      if (c.step % 200 === 0) await t.evaluate();
    });
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });

  it('gives the same initial weights and batches for the same seed', async () => {
    const a = new Trainer(tiny({ pde: 'wave', seed: 5 }));
    const b = new Trainer(tiny({ pde: 'wave', seed: 5, lr: 1e-2 }));
    const c = new Trainer(tiny({ pde: 'wave', seed: 6 }));
    const wa = await a.exportWeights();
    const wb = await b.exportWeights();
    const wc = await c.exportWeights();
    expect(wa[0].data).toEqual(wb[0].data);
    expect(wa[0].data).not.toEqual(wc[0].data);
    a.step();
    b.step();
    const [ca, cb] = [await a.checkpoint(), await b.checkpoint()];
    expect(ca.losses).toEqual(cb.losses); // same weights + same points → same first losses
    [a, b, c].forEach((t) => t.dispose());
  });

  it('draws termBatch points for the named terms and batch for the rest (probes of a given size: that size)', () => {
    const t = new Trainer(tiny({ pde: 'helmholtz', termBatch: { bc: 20 } }));
    const b = t.sample();
    expect([b.res.n, b.bc.n, b.bc.x.length]).toEqual([32, 20, 40]);
    const p = t.sample(createRng(3), 5);
    expect([p.res.n, p.bc.n]).toEqual([5, 5]);
    const q = t.sample(createRng(3), 32); // a probe the size of `batch` is still a probe
    expect([q.res.n, q.bc.n]).toEqual([32, 32]);
    t.dispose();
  });

  it('stops on NaN, explains, and restores the last good weights', async () => {
    const t = new Trainer(tiny({ pde: 'poisson1d' }));
    await trainFor(t, 30);
    const good = await t.exportWeights();
    t.net.params[0].variable.assign(tf.fill(t.net.params[0].variable.shape, NaN));
    await expect(trainFor(t, 10)).rejects.toThrow(DivergenceError);
    await expect(trainFor(t, 0)).resolves.toBeDefined();
    expect(t.stepCount).toBe(30);
    const restored = await t.exportWeights();
    restored.forEach((w, i) => expect(w.data).toEqual(good[i].data));
    t.net.params[1].variable.assign(tf.fill(t.net.params[1].variable.shape, Infinity));
    await expect(trainFor(t, 10)).rejects.toThrow(
      /diverged at step 40 \(a weight is not finite\); weights restored to step 30/,
    );
    t.dispose();
  });
});

describe.each(['cpu', 'wasm'])('parameter gradients of the residual loss on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });
  it.each(['wave', 'helmholtz', 'poisson1d'] as const)(
    '%s: match central finite differences of the loss',
    async (id) => {
      const t = new Trainer(tiny({ pde: id, lossWeights: {} }));
      const rng = createRng(11);
      const batches = Object.fromEntries(t.termNames.map((n) => [n, sampleTerm(t.pde, n, t.config.params, rng, 16)]));
      const streams = termStreams(t.pde);
      const loss = () =>
        tf.tidy(() => tf.sum(termLosses(t.net, t.pde, t.config.params, t.termNames, batches, streams)) as tf.Scalar);
      const vars = t.net.params.map((p) => p.variable);
      const { value, grads } = tf.variableGrads(loss, vars);
      value.dispose();
      for (const v of vars) {
        const g = await grads[v.name].data();
        const w = await v.data();
        const gmax = Math.max(...Array.from(g, Math.abs));
        for (const i of [0, Math.floor(w.length / 2), w.length - 1]) {
          const h = 1e-2;
          const at = async (d: number) => {
            const copy = Float32Array.from(w);
            copy[i] += d;
            v.assign(tf.tensor(copy, v.shape));
            const l = loss();
            const r = (await l.data())[0];
            l.dispose();
            return r;
          };
          const fd = ((await at(h)) - (await at(-h))) / (2 * h);
          v.assign(tf.tensor(w, v.shape));
          expect(Math.abs(fd - g[i]), `${id} ${v.name}[${i}]: fd ${fd} vs ${g[i]}`).toBeLessThan(0.02 * gmax + 1e-4);
        }
      }
      tf.dispose(grads);
      t.dispose();
    },
  );
});

describe('importWeights', () => {
  it('round-trips exported weights and rejects mismatches without changing anything', async () => {
    const a = new Trainer(tiny({ pde: 'poisson1d', seed: 1 }));
    const b = new Trainer(tiny({ pde: 'poisson1d', seed: 2 }));
    const wa = await a.exportWeights();
    b.importWeights(wa);
    expect((await b.exportWeights()).map((w) => Array.from(w.data))).toEqual(wa.map((w) => Array.from(w.data)));
    const before = await b.exportWeights();
    const wrongShape = wa.map((w, i) => (i === 0 ? { ...w, shape: [w.shape[1], w.shape[0]] } : w));
    expect(() => b.importWeights(wrongShape)).toThrow(/layer0.weight has shape \[8,1\], expected \[1,8\]/);
    expect(() => b.importWeights(wa.slice(1))).toThrow(/missing layer0.weight \[1,8\]/);
    expect(() => b.importWeights([...wa, { name: 'encoder_u.weight', shape: [1], data: [0] }])).toThrow(
      /unexpected encoder_u.weight/,
    );
    const nan = wa.map((w, i) => (i === 1 ? { ...w, data: Float32Array.from(w.data).fill(NaN) } : w));
    expect(() => b.importWeights(nan)).toThrow(/layer0.bias contains NaN/);
    expect((await b.exportWeights()).map((w) => Array.from(w.data))).toEqual(before.map((w) => Array.from(w.data)));
    a.dispose();
    b.dispose();
  });
});

describe('Trainer.dispose', () => {
  it.each([
    { arch: 'mlp', archOptions: { width: 8 } },
    { arch: 'mlp', archOptions: { width: 8, fourierSize: 8, rwf: true } }, // frozen Fourier features
    { arch: 'modified_mlp', archOptions: { width: 8 } },
    { arch: 'pirate_net', archOptions: { width: 8 } },
  ] as const)('frees every tensor a $arch trainer made ($archOptions)', async ({ arch, archOptions }) => {
    const before = tf.memory().numTensors;
    const t = new Trainer(resolveConfig({ pde: 'burgers', arch, archOptions, optimizer: 'soap', batch: 16 }));
    await t.prepare();
    for (let i = 0; i < 3; i++) t.step();
    await t.checkpoint();
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
