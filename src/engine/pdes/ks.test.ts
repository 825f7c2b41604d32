import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { fdAxis } from '../jet/fd';
import { inputJet, outputFields } from '../jet/jet';
import { streamClosure } from '../jet/keys';
import { createMlp } from '../nets/mlp';
import { describeSpectralPde } from '../reference/testing/suite';
import { createRng } from '../rng';
import { ks } from './ks';
import { defaultParams } from './types';

// KS is chaotic: differences from the published data grow like e^{λt}, so the 1e-2 bound is
// for t ≤ 0.5 and the whole-range figure is printed. res: terms reach α u u_x ≈ 200; the
// residual is limited by the O(τ⁴) finite difference for u_t and float32 (~3e-4 measured).
describeSpectralPde(ks, {
  published: { name: 'ks_chaotic', tol: 1e-2, tMax: 0.5 },
  terms: { res: 2e-3, ic: 1e-6 },
  tau: 1e-3,
});

/**
 * Central finite differences of a batched float32 function: the stencil points of every
 * p are first recorded by running `fdAxis` on a dummy, evaluated in one batch, then replayed
 * through `fdAxis` in the same order.
 */
async function batchedFd(
  evalAt: (pts: number[][]) => Promise<Float32Array>,
  pts: number[][],
  axis: number,
  order: number,
  h: number,
): Promise<number[]> {
  const need: number[][] = [];
  for (const p of pts) fdAxis((q) => (need.push(q), 0), p, axis, order, h);
  const vals = await evalAt(need);
  let i = 0;
  return pts.map((p) => fdAxis(() => vals[i++], p, axis, order, h));
}

describe('ks residual through the jets', () => {
  it('matches finite differences of a small periodic network (u_t, u_x, u_xx, u_xxxx)', async () => {
    const rng = createRng(11);
    const net = createMlp(
      { depth: 2, width: 8, activation: 'tanh' },
      { axes: ks.axes, outputDim: 1, rng, periodic: { periods: ks.periodic! } },
    );
    const params = defaultParams(ks);
    const names = streamClosure(ks.terms.res.derivs, ks.axes);
    const pts = Array.from({ length: 6 }, () => [rng.uniform(0, 1), rng.uniform(0, 2 * Math.PI)]);
    /** A stream ('' = value) of the network's jet at points. */
    const stream =
      (name: string) =>
      async (p: number[][]): Promise<Float32Array> => {
        const t = tf.tidy(() => {
          const f = outputFields(net.forwardJet(inputJet(tf.tensor2d(p), ks.axes, names)), 1)[0];
          return name === '' ? f.v : f.d(name);
        });
        const v = (await t.data()) as Float32Array;
        t.dispose();
        return v;
      };
    const [u, ut, ux, uxx, uxxxx] = await Promise.all([
      stream('')(pts),
      batchedFd(stream(''), pts, 0, 1, 1e-2),
      batchedFd(stream(''), pts, 1, 1, 1e-2),
      batchedFd(stream(''), pts, 1, 2, 5e-2),
      batchedFd(stream('xx'), pts, 1, 2, 5e-2), // ∂²_x of the jet's u_xx (itself checked in jet.test.ts)
    ]);
    const jetXxxx = await stream('xxxx')(pts);
    const r = tf.tidy(() =>
      ks.terms.res.residual(outputFields(net.forwardJet(inputJet(tf.tensor2d(pts), ks.axes, names)), 1), [], params),
    );
    const res = await r.data();
    r.dispose();
    const { alpha, beta, gamma } = params;
    const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
    const want = pts.map((_, i) => ut[i] + alpha * u[i] * ux[i] + beta * uxx[i] + gamma * uxxxx[i]);
    console.log(
      'ks jets vs FD: max rel. error u_xxxx ' +
        Math.max(...pts.map((_, i) => rel(jetXxxx[i], uxxxx[i]))).toExponential(1) +
        `, residual ${Math.max(...pts.map((_, i) => rel(res[i], want[i]))).toExponential(1)}` +
        `; |u_xxxx| up to ${Math.max(...uxxxx.map(Math.abs)).toFixed(2)}`,
    );
    pts.forEach((_, i) => {
      expect(rel(jetXxxx[i], uxxxx[i]), `u_xxxx at ${i}: ${jetXxxx[i]} vs ${uxxxx[i]}`).toBeLessThan(1e-3);
      expect(rel(res[i], want[i]), `residual at ${i}: ${res[i]} vs ${want[i]}`).toBeLessThan(1e-3);
    });
    net.dispose();
  });
});
