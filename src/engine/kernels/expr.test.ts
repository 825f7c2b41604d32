import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import '../node-backends';
import { activationIds } from '../activations';
import { createRng } from '../rng';
import './activation-jet';
import { ExprBuilder, wgslFloat } from './expr';
import { jetBackwardSums, jetForwardStreams, named, type JetAttrs } from './jet-sums';

// The expression graph the WebGPU activation-jet programs are printed from, evaluated on
// numbers, against the cpu fused kernels (themselves tested against the taped ops and finite
// differences): the same arithmetic recorded instead of run.

const rng = createRng(5);
const B = 6;
const W = 3;
/** Streams over (t, x) up to fourth order, with constant ([1, W]) ones, as the fused kernels see them. */
const inNames = ['', 't', 'x', 'xx', 'xxx', 'xxxx'];
const rows = [B, 1, B, B, 1, B];

describe('ExprBuilder: the activation jet recorded as an expression graph', () => {
  it.each(activationIds)('%s: forward streams and backward sums equal the cpu fused kernels', async (act) => {
    await tf.setBackend('cpu');
    const a: JetAttrs = { act, axes: ['t', 'x'], inNames, outNames: inNames };
    const data = rows.map((r, i) => Float32Array.from({ length: r * W }, () => (i === 0 ? 1.5 : 0.6) * rng.normal()));
    const dh = inNames.map(() => Float32Array.from({ length: B * W }, () => rng.normal()));
    const ins = data.map((v, i) => tf.tensor2d(v, [rows[i], W]));
    const dhs = dh.map((v) => tf.tensor2d(v, [B, W]));
    const run = (name: string, xs: tf.Tensor[]) => tf.engine().runKernel(name, xs as never, a as never) as tf.Tensor[];
    const fwd = await Promise.all(run('PinnActivationJet', ins).map((t) => t.data()));
    const bwd = await Promise.all(run('PinnActivationJetGrad', [...ins, ...dhs]).map((t) => t.data()));

    const g = new ExprBuilder('cpu');
    const nodes = [...inNames, ...inNames].map((_, k) => g.input(k));
    const outRoots = jetForwardStreams(g, nodes.slice(0, inNames.length), a);
    const gradRoots = jetBackwardSums(
      g,
      named(inNames, nodes.slice(0, inNames.length)),
      nodes.slice(inNames.length),
      a,
    );
    const at = (b: number, j: number) =>
      g.evaluate([...data.map((v, i) => v[(rows[i] === 1 ? 0 : b) * W + j]), ...dh.map((v) => v[b * W + j])]);
    const close = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThan(2e-4 * (1 + Math.abs(want)));
    for (let j = 0; j < W; j++) {
      const sums = inNames.map(() => 0);
      for (let b = 0; b < B; b++) {
        const v = at(b, j);
        outRoots.forEach((r, s) => close(v[r], fwd[s][b * W + j]));
        inNames.forEach((n, i) => {
          const r = gradRoots[n];
          expect(r, `gradient of stream '${n}'`).toBeDefined();
          if (rows[i] === B) close(v[r!], bwd[i][b * W + j]);
          else sums[i] += v[r!];
        });
      }
      inNames.forEach((_, i) => rows[i] === 1 && close(sums[i], bwd[i][j]));
    }
    tf.dispose([...ins, ...dhs]);
  });

  it('writes one WGSL let per node an output needs, and float literals as f32', () => {
    const g = new ExprBuilder('webgpu');
    const z = g.input(0);
    const unused = g.sin(z);
    const y = g.shift(g.scale(g.tanh(z), 2), -1);
    const code = g.toWgsl(y, (k) => `in${k}`);
    expect(code.split('\n')).toHaveLength(6); // input, tanh, const 2, mul, const −1, add
    expect(code).not.toContain(`v${unused} `);
    expect(code).toContain('let v0 = in0;');
    expect(code).toContain('f32(2.0)');
    expect(code).toContain('f32(-1.0)');
    expect([wgslFloat(3), wgslFloat(-0.5), wgslFloat(1e-7)]).toEqual(['3.0', '-0.5', '1e-7']);
    expect(() => wgslFloat(NaN)).toThrow(/not finite/);
    expect(g.evaluate([0.3])[y]).toBeCloseTo(2 * Math.tanh(0.3) - 1, 12);
  });
});
