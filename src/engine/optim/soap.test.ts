import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { variableOf } from '../nets/init';
import { createRng } from '../rng';
import { optimizers } from '.';
import { findSoapState, soapDefaults, type SoapOptions } from './soap';
import { Stateful } from './transform';
import { eye, flat, fromFlat, gramSchmidt, maxAbsDiff, mul, soapReference, transpose, type Mat } from './reference64';

const rng = createRng(11);
const randn = (m: number, n: number): Mat =>
  Array.from({ length: m }, () => Array.from({ length: n }, () => rng.normal()));
const t2 = (a: Mat) => tf.tensor2d(a);

/** A SOAP optimizer over fresh variables with the given initial values. */
function soapOn(values: (Mat | number[])[], opts: Partial<SoapOptions>, lr: number) {
  const vars = values.map((v) =>
    variableOf<tf.Rank>(typeof v[0] === 'number' ? tf.tensor1d(v as number[]) : t2(v as Mat)),
  );
  const opt = new Stateful(
    optimizers.soap.create({ ...soapDefaults, ...opts }, () => lr),
    vars,
  );
  const step = (gs: tf.Tensor[]) => {
    opt.apply(gs);
    tf.dispose(gs);
  };
  const dispose = () => {
    opt.dispose();
    tf.dispose(vars);
  };
  return { vars, opt, step, dispose };
}

/** A gradient with singular values 3, 1.5, 0.75, …: well-separated eigenvalues of G Gᵀ. */
function separated(n: number): Mat {
  const u = gramSchmidt(randn(n, n)),
    v = gramSchmidt(randn(n, n));
  return mul(
    u.map((r) => r.map((x, j) => (x * 3) / 2 ** j)),
    transpose(v),
  );
}

describe('SOAP', () => {
  it('is Adam (one step behind) when every axis exceeds maxPrecondDim, and on unpreconditioned biases', async () => {
    const w0 = randn(3, 4),
      b0 = randn(1, 4)[0];
    const lr = 0.05;
    const soapW = tf.variable(t2(w0)),
      soapB = tf.variable(tf.tensor1d(b0));
    const adamW = tf.variable(t2(w0)),
      adamB = tf.variable(tf.tensor1d(b0));
    const soap = new Stateful(
      optimizers.soap.create({ ...soapDefaults, maxPrecondDim: 2 }, () => lr),
      [soapW, soapB],
    );
    const adam = new Stateful(
      optimizers.adam.create(optimizers.adam.defaults, () => lr),
      [adamW, adamB],
    );
    const grads = Array.from({ length: 6 }, () => [randn(3, 4), randn(1, 4)[0]] as const);
    grads.forEach(([gw, gb], k) => {
      const g = [t2(gw), tf.tensor1d(gb)];
      soap.apply(g);
      if (k > 0) adam.apply(g); // SOAP's call 1 only initialises
      tf.dispose(g);
      if (k === 0) expect(maxAbsDiff(fromFlat(soapW.dataSync(), 3, 4), w0)).toBeLessThan(1e-6);
    });
    // 1e-5: our Adam forms 1 − b2ᵗ on the device in float32 (relative error ~1e-5 at t = 1),
    // SOAP on the host in float64
    const close = (a: tf.Tensor, b: tf.Tensor) =>
      Array.from(a.dataSync()).forEach((x, i) => expect(x).toBeCloseTo(b.dataSync()[i], 5));
    close(soapW, adamW);
    close(soapB, adamB);
    expect(findSoapState(soap.current)?.step).toBe(6);
    tf.dispose([soap, adam].map((o) => o.current));
    tf.dispose([soapW, soapB, adamW, adamB]);
  });

  const cases: [string, number, number, Partial<SoapOptions>, { left: boolean; right: boolean }][] = [
    ['5×5, both sides, host eigh', 5, 5, { solver: 'host' }, { left: true, right: true }],
    ['5×5, both sides, device power iteration', 5, 5, { solver: 'device' }, { left: true, right: true }],
    [
      '4×6 with maxPrecondDim 5 (left only), host',
      4,
      6,
      { solver: 'host', maxPrecondDim: 5 },
      { left: true, right: false },
    ],
    [
      '6×4 with maxPrecondDim 5 (right only), b1 0.99, weight decay',
      6,
      4,
      { solver: 'host', maxPrecondDim: 5, b1: 0.99, weightDecay: 0.1 },
      { left: false, right: true },
    ],
  ];
  it.each(cases)('matches a float64 reference over 7 steps with refreshes: %s', (_, m, n, opts, sides) => {
    const o = { ...soapDefaults, shampooBeta: 0.9, preconditionFrequency: 2, ...opts };
    const lr = 0.01;
    const w0 = randn(m, n);
    const ref = soapReference(w0, {
      lr,
      b1: o.b1,
      b2: o.b2,
      eps: o.eps,
      beta: o.shampooBeta,
      weightDecay: o.weightDecay,
      frequency: o.preconditionFrequency,
      ...sides,
    });
    const s = soapOn([w0], o, lr);
    // The first gradient sets the eigenbasis, which must be unambiguous: a preconditioned side
    // needs a full-rank factor (so no m ≠ n with both sides), and a separated spectrum lets
    // the device path's subspace iteration converge in its 10 steps.
    const grads = [m === n ? separated(n) : randn(m, n), ...Array.from({ length: 6 }, () => randn(m, n))];
    let want = w0;
    for (const g of grads) {
      want = ref(g);
      s.step([t2(g)]);
    }
    const got = fromFlat(s.vars[0].dataSync(), m, n);
    const moved = maxAbsDiff(want, w0);
    expect(moved).toBeGreaterThan(0.02); // the comparison below is not trivially satisfied
    expect(maxAbsDiff(got, want)).toBeLessThan(1e-4 * moved); // measured ≈ 5e-6 (float32)
    s.dispose();
  });

  it.each(['host', 'device'] as const)(
    'keeps eigenbases orthonormal and the tensor count flat over many refreshes (%s)',
    async (solver) => {
      const s = soapOn([randn(8, 6), randn(1, 6)[0]], { solver, preconditionFrequency: 1, precondition1d: true }, 1e-3);
      const before = tf.memory().numTensors;
      for (let k = 0; k < 60; k++) s.step([t2(randn(8, 6)), tf.tensor1d(randn(1, 6)[0])]);
      expect(tf.memory().numTensors).toBe(before);
      const st = findSoapState(s.opt.current)!;
      expect(st.step).toBe(60);
      const bases = [st.params[0].left!.q, st.params[0].right!.q, st.params[1].left!.q];
      expect(bases.map((q) => q.shape[0])).toEqual([8, 6, 6]);
      for (const q of bases) {
        const n = q.shape[0];
        const qm = fromFlat(await q.data(), n, n);
        expect(maxAbsDiff(mul(transpose(qm), qm), eye(n))).toBeLessThan(1e-5);
      }
      expect(Array.from(await s.vars[0].data()).every(Number.isFinite)).toBe(true);
      s.dispose();
    },
  );

  it('survives zero gradients (singular factors) on both solvers', async () => {
    for (const solver of ['host', 'device'] as const) {
      const s = soapOn([randn(3, 3)], { solver, preconditionFrequency: 1 }, 1e-2);
      for (let k = 0; k < 4; k++) s.step([tf.zeros([3, 3])]);
      const st = findSoapState(s.opt.current)!;
      expect(flat(fromFlat(await st.params[0].left!.q.data(), 3, 3)).every(Number.isFinite)).toBe(true);
      expect(Array.from(await s.vars[0].data()).every(Number.isFinite)).toBe(true);
      s.dispose();
    }
  });
});

describe('SOAP options', () => {
  it('rejects an unknown solver and a non-integer refresh frequency when created', () => {
    expect(() => optimizers.soap.create({ ...soapDefaults, solver: 'gpu' as never }, () => 1)).toThrow(
      /allowed: auto, host, device/,
    );
    expect(() => optimizers.soap.create({ ...soapDefaults, preconditionFrequency: 2.5 }, () => 1)).toThrow(
      /positive integer/,
    );
  });
});

describe('SOAP with the async solver (WebGPU: eigenbases from device reads between steps)', () => {
  /** Weights after `steps` SOAP steps on the same gradients, settling before each step or not. */
  async function run(
    solver: SoapOptions['solver'],
    settle: boolean,
    steps = 23,
  ): Promise<{ w: number[][]; pendingSeen: number[] }> {
    const g = createRng(5);
    const m = (r: number, c: number): Mat =>
      Array.from({ length: r }, () => Array.from({ length: c }, () => g.normal()));
    const init = [m(5, 4), m(4, 3), [0.1, -0.2, 0.3]];
    const s = soapOn(init, { solver, preconditionFrequency: 5, precondition1d: true }, 1e-2);
    const pendingSeen: number[] = [];
    for (let k = 0; k < steps; k++) {
      if (settle) await s.opt.settle();
      pendingSeen.push(findSoapState(s.opt.current)!.pending);
      const gs = s.vars.map((v) =>
        tf.tidy(() => tf.add(tf.mul(0.5, v), tf.randomNormal(v.shape, 0, 1, 'float32', Math.floor(g.next() * 1e6)))),
      );
      s.step(gs);
    }
    const w = await Promise.all(s.vars.map(async (v) => Array.from(await v.data())));
    s.dispose();
    return { w, pendingSeen };
  }

  it('settled between steps, equals the host solver exactly (first basis by eigh, refreshes by QR)', async () => {
    const before = tf.memory().numTensors;
    const a = await run('async', true);
    const afterAsync = tf.memory().numTensors;
    const h = await run('host', false);
    expect(a.w).toEqual(h.w);
    expect(a.pendingSeen.every((p) => p === 0)).toBe(true); // settle always ran first
    expect([afterAsync, tf.memory().numTensors]).toEqual([before, before]);
  });

  it('not settled, falls back to the device solver at the next step, exactly', async () => {
    const [a, d] = [await run('async', false), await run('device', false)];
    expect(a.w).toEqual(d.w);
    expect(a.pendingSeen.filter((p) => p === 1)).toHaveLength(1); // after the initialising call
    expect(a.pendingSeen.filter((p) => p === 2).length).toBe(4); // after each refresh (steps 5, 10, 15, 20)
  });

  it('settles inside the training loop (trainFor), matching the host solver', async () => {
    const { resolveConfig } = await import('../config');
    const { Trainer } = await import('../trainer');
    const { trainFor } = await import('../loop');
    const weights = async (solver: string) => {
      const t = new Trainer(
        resolveConfig({
          pde: 'poisson1d',
          optimizer: 'soap',
          optimizerOptions: { solver, preconditionFrequency: 3 },
          batch: 16,
          archOptions: { depth: 1, width: 6 },
          logEvery: 4,
        }),
      );
      await trainFor(t, 12);
      const w = await Promise.all(t.vars.map(async (v) => Array.from(await v.data())));
      t.dispose();
      return w;
    };
    expect(await weights('async')).toEqual(await weights('host'));
  });
});
