import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import '../node-backends';
import { activationIds, activations } from '../activations';
import { unfusedActivateJet, type Jet } from '../jet/jet';
import { adamTaped } from '../optim/adam';
import { soapStepTaped } from '../optim/soap';
import { createRng } from '../rng';
import { fusedActivateJet } from './activation-jet';
import { fusedAdamUpdate } from './adam-update';
import { addAll, scaleAll } from './apply-updates';
import { fusedDense } from './dense-jet';
import { meanSquare } from './mean-square';
import { fusedSoapStep } from './soap-step';

// Each fused kernel against the taped tfjs ops it replaces, on cpu and on wasm, to float32
// tolerance, values and gradients; the jets themselves are checked against finite differences
// in jet/jet.test.ts and nets/nets.test.ts (which now run through these kernels).

const rng = createRng(11);
const B = 9;
const W = 5;
const random = (rows: number, scale = 1) =>
  tf.tensor2d(
    Float32Array.from({ length: rows * W }, () => scale * rng.normal()),
    [rows, W],
  );

/** A jet over (t, x) with full, constant ([1, w]) and zero streams, as after a first dense layer. */
function sampleJet(): Jet {
  const names = ['', 't', 'x', 'tx', 'xx', 'xxx', 'xxxx'];
  const streams: Record<string, tf.Tensor | null> = {
    '': random(B, 1.5),
    t: random(1),
    x: random(B),
    tx: null,
    xx: random(B, 0.5),
    xxx: random(1, 0.3),
    xxxx: random(B, 0.2),
  };
  return { axes: ['t', 'x'], names, streams };
}

async function values(ts: (tf.Tensor | null)[]): Promise<(number[] | null)[]> {
  return Promise.all(ts.map(async (t) => (t ? Array.from(await t.data()) : null)));
}

function expectClose(a: (number[] | null)[], b: (number[] | null)[], tol: number): void {
  expect(a.map((x) => x === null)).toEqual(b.map((x) => x === null));
  a.forEach((x, i) =>
    x?.forEach((v, j) => {
      expect(Math.abs(v - b[i]![j])).toBeLessThan(tol * (1 + Math.abs(b[i]![j])));
    }),
  );
}

describe.each(['cpu', 'wasm'])('fused kernels vs taped ops on %s', (backend) => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it.each(activationIds)('%s on a jet: every stream and every input gradient', async (id) => {
    await tf.setBackend(backend);
    const jet = sampleJet();
    const inNames = jet.names.filter((n) => jet.streams[n] !== null);
    const weights = Object.fromEntries(jet.names.map((n) => [n, random(B)]));
    const run = (fused: boolean) => {
      const f = (...xs: tf.Tensor[]) => {
        const given = Object.fromEntries(inNames.map((n, i) => [n, xs[i]]));
        const j: Jet = { ...jet, streams: { ...jet.streams, ...given } };
        const out = fused ? fusedActivateJet(j, id)! : unfusedActivateJet(j, activations[id]);
        const live = jet.names.filter((n) => out.streams[n]);
        return tf.addN(live.map((n) => tf.sum(tf.mul(out.streams[n]!, weights[n])))) as tf.Scalar;
      };
      const outs = tf.tidy(() => {
        const o = fused ? fusedActivateJet(jet, id)! : unfusedActivateJet(jet, activations[id]);
        return jet.names.map((n) => (o.streams[n] ? tf.keep(o.streams[n]!) : null)) as tf.Tensor[];
      }) as (tf.Tensor | null)[];
      const grads = tf.tidy(() => tf.grads(f)(inNames.map((n) => jet.streams[n]!)));
      return { outs, grads };
    };
    const before = tf.memory().numTensors;
    const fused = run(true);
    const taped = run(false);
    expectClose(await values(fused.outs), await values(taped.outs), 2e-5);
    expect(fused.grads.map((g) => g.shape)).toEqual(inNames.map((n) => jet.streams[n]!.shape));
    expectClose(await values(fused.grads), await values(taped.grads), 2e-5);
    tf.dispose([...fused.outs, ...taped.outs, ...fused.grads, ...taped.grads].filter((t) => t !== null));
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([...Object.values(jet.streams), ...Object.values(weights)].filter((t) => t !== null));
  });

  it.each([true, false])('a dense layer on jet streams (bias %s): outputs, gradients of W, b, X', async (bias) => {
    await tf.setBackend(backend);
    const w = tf.tensor2d(
      Float32Array.from({ length: W * 3 }, () => rng.normal()),
      [W, 3],
    );
    const b = bias ? tf.tensor1d([0.5, -1, 2]) : null;
    const xs = [random(B), random(1), random(B, 0.5)];
    const mix = xs.map((x) => {
      const rows = x.shape[0];
      return tf.tensor2d(
        Float32Array.from({ length: rows * 3 }, () => rng.normal()),
        [rows, 3],
      );
    });
    const taped = (ww: tf.Tensor, bb: tf.Tensor | null, ...ss: tf.Tensor[]) =>
      ss.map((x, i) => {
        const y = tf.matMul(x as tf.Tensor2D, ww as tf.Tensor2D);
        return i === 0 && bb ? tf.add(y, bb) : y;
      });
    const fused = (ww: tf.Tensor, bb: tf.Tensor | null, ...ss: tf.Tensor[]) =>
      fusedDense(ss as tf.Tensor2D[], ww as tf.Tensor2D, bb as tf.Tensor1D | null)!;
    const loss =
      (f: typeof taped) =>
      (...args: tf.Tensor[]) => {
        const [ww, ...rest] = args;
        const bb = bias ? rest.shift()! : null;
        return tf.addN(f(ww, bb, ...rest).map((y, i) => tf.sum(tf.mul(y, mix[i])))) as tf.Scalar;
      };
    const args = [w, ...(b ? [b] : []), ...xs];
    const before = tf.memory().numTensors;
    const [yF, yT] = [fused(w, b, ...xs), tf.tidy(() => taped(w, b, ...xs))];
    const [gF, gT] = [tf.tidy(() => tf.grads(loss(fused))(args)), tf.tidy(() => tf.grads(loss(taped))(args))];
    expect(gF.map((g) => g.shape)).toEqual(args.map((t) => t.shape));
    expectClose(await values(yF), await values(yT), 1e-5);
    expectClose(await values(gF), await values(gT), 1e-5);
    tf.dispose([...yF, ...yT, ...gF, ...gT]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([...args, ...mix]);
  });

  it("Adam's step over every parameter: t', m', v' and u as the taped ops give them", async () => {
    await tf.setBackend(backend);
    const gs = [random(B), random(1)];
    const ms = [random(B, 0.1), random(1, 0.1)];
    const vs = [tf.square(random(B, 0.1)), tf.square(random(1, 0.1))];
    const count = tf.scalar(2);
    const o = { b1: 0.9, b2: 0.999, eps: 1e-8 };
    const before = tf.memory().numTensors;
    const fused = fusedAdamUpdate(count, gs, ms, vs, o)!;
    const [c1, c2] = [tf.scalar(1 - 0.9 ** 3), tf.scalar(1 - 0.999 ** 3)];
    const taped = gs.map((g, i) => tf.tidy(() => adamTaped(g, ms[i], vs[i], c1, c2, o)));
    expect(await fused.count.data()).toEqual(Float32Array.of(3));
    const parts = [fused.mu, fused.nu, fused.updates].flatMap((list, k) => list.map((t, i) => [t, taped[i][k]]));
    // the kernel's c1, c2 come from a float32 Pow on the device, the reference's from doubles:
    // a few float32 ulps apart (an off-by-one step in t would be ~40% off)
    expectClose(await values(parts.map((p) => p[0])), await values(parts.map((p) => p[1])), 5e-6);
    tf.dispose([fused.count, ...fused.mu, ...fused.nu, ...fused.updates, ...taped.flat(), c1, c2]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([...gs, ...ms, ...vs, count]);
  });

  it.each([
    ['a matrix with both factors and decay', [W, 4], true, true, 0.01],
    ['a matrix with the left factor only', [W, 4], true, false, 0],
    ['a vector as a column (left factor)', [W], true, false, 0],
    ['a vector with no factor', [W], false, false, 0.1],
  ] as const)(
    "SOAP's step on %s: m', v', u and the factors' EMAs as the taped ops give them",
    async (_, shape, l, r, wd) => {
      await tf.setBackend(backend);
      const size = shape.reduce((a, b) => a * b, 1);
      const t = (sc: number) =>
        tf.tensor(
          Float32Array.from({ length: size }, () => sc * rng.normal()),
          [...shape],
        );
      const [m, n] = shape.length === 2 ? shape : [size, 1];
      const orth = (k: number) =>
        tf.tidy(() => tf.linalg.qr(tf.randomNormal([k, k], 0, 1, 'float32', 5))[0]) as tf.Tensor2D;
      const spd = (k: number) =>
        tf.tidy(() =>
          tf
            .eye(k)
            .mul(0.5)
            .add(tf.randomUniform([k, k], 0, 0.01, 'float32', 3)),
        ) as tf.Tensor2D;
      const x = {
        g: t(1),
        mu: t(0.1),
        nu: tf.square(t(0.1)),
        param: t(1),
        ...(l ? { left: { gg: spd(m), q: orth(m) } } : {}),
        ...(r ? { right: { gg: spd(n), q: orth(n) } } : {}),
      };
      const c = { b1: 0.9, b2: 0.999, eps: 1e-8, c1: 1 - 0.9 ** 4, c2: 1 - 0.999 ** 4, beta: 0.95, weightDecay: wd };
      const before = tf.memory().numTensors;
      const fused = fusedSoapStep(x, c)!;
      const taped = tf.tidy(() => soapStepTaped(x, c));
      const keys = ['mu', 'nu', 'update', 'leftGg', 'rightGg'] as const;
      expect(keys.map((k) => fused[k]?.shape)).toEqual(keys.map((k) => taped[k]?.shape));
      expect(fused.update.shape).toEqual([...shape]);
      const pick = (o: typeof fused) => keys.flatMap((k) => (o[k] ? [o[k]!] : []));
      expectClose(await values(pick(fused)), await values(pick(taped)), 1e-5);
      tf.dispose([...pick(fused), ...pick(taped)]);
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([x.g, x.mu, x.nu, x.param, ...Object.values(x.left ?? {}), ...Object.values(x.right ?? {})]);
    },
  );

  it.each([
    [B, 1],
    [B, 3],
  ])('mean square of a [%i, %i] residual: value and gradient as the taped ops give them', async (rows, cols) => {
    await tf.setBackend(backend);
    const r = tf.tensor2d(
      Float32Array.from({ length: rows * cols }, () => rng.normal()),
      [rows, cols],
    );
    const before = tf.memory().numTensors;
    const f = (x: tf.Tensor) => meanSquare(x).mul(3); // a weight downstream, as the total loss has
    const g = (x: tf.Tensor) => tf.mean(tf.square(x)).mul(3);
    const [vf, vg] = [tf.tidy(() => f(r)), tf.tidy(() => g(r))];
    const [df, dg] = [tf.grad(f)(r), tf.grad(g)(r)];
    expect(vf.shape).toEqual([]);
    expectClose(await values([vf, df]), await values([vg, dg]), 1e-6);
    tf.dispose([vf, vg, df, dg]);
    expect(tf.memory().numTensors).toBe(before);
    r.dispose();
  });

  it('scale-all and add-all over a parameter list: c·u_i and θ_i + u_i, shapes kept, one kernel each', async () => {
    await tf.setBackend(backend);
    const ps = [random(B), random(1), tf.scalar(0.7), tf.tensor1d([1, -2, 3])];
    const us = ps.map((p) => tf.mul(p, -0.3).add(0.1));
    const before = tf.memory().numTensors;
    const info = await tf.profile(async () => {
      const [scaled, applied] = [scaleAll(us, -1e-3), addAll(ps, us)];
      const want = tf.tidy(() => [...us.map((u) => tf.mul(u, -1e-3)), ...ps.map((p, i) => tf.add(p, us[i]))]);
      expect([...scaled, ...applied].map((t) => t.shape)).toEqual(want.map((t) => t.shape));
      expectClose(await values([...scaled, ...applied]), await values(want), 1e-7);
      tf.dispose([...scaled, ...applied, ...want]);
      return [];
    });
    expect(info.kernels.filter((k) => k.name.startsWith('Pinn')).map((k) => k.name)).toEqual([
      'PinnScaleAll',
      'PinnAddAll',
    ]);
    expect(tf.memory().numTensors).toBe(before);
    expect(() => addAll(ps, us.slice(1))).toThrow(/4 tensors and 3 updates/);
    tf.dispose([...ps, ...us]);
  });
});
