import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../node-backends';
import { activations, activationIds } from '../activations';
import { createMlp } from '../nets/mlp';
import { createRng } from '../rng';
import { fdAxis, fdMixed } from './fd';
import { inputJet, outputFields } from './jet';
import { chainTerms, streamClosure } from './keys';
import type { PeriodicEmbedding } from '../nets/embedding';

/** A float64 JavaScript forward pass of the same MLP, read from its variables. */
async function float64Mlp(
  net: ReturnType<typeof createMlp>,
  act: (z: number) => number,
  emb?: { axes: string[]; e: PeriodicEmbedding },
) {
  const ws = await Promise.all(
    net.params.map(async (p) => ({ shape: p.variable.shape, v: Array.from(await p.variable.data()) })),
  );
  return (p: number[], out = 0): number => {
    let h = p;
    if (emb) {
      h = [];
      emb.axes.forEach((a, i) => {
        const P = emb.e.periods[a];
        if (P === undefined) h.push(p[i]);
        else h.push(Math.cos((2 * Math.PI * p[i]) / P), Math.sin((2 * Math.PI * p[i]) / P));
      });
    }
    for (let l = 0; l < ws.length; l += 2) {
      const [nin, nout] = ws[l].shape;
      const z = new Array(nout).fill(0);
      for (let j = 0; j < nout; j++) {
        let s = ws[l + 1].v[j];
        for (let i = 0; i < nin; i++) s += h[i] * ws[l].v[i * nout + j];
        z[j] = l + 2 < ws.length ? act(s) : s;
      }
      h = z;
    }
    return h[out];
  };
}

describe('Faà di Bruno terms', () => {
  it('reproduce the fourth-order single-axis formula', () => {
    const t = chainTerms('xxxx', ['x'])
      .map((c) => `${c.coef}*y${c.order}[${c.blocks.join(',')}]`)
      .sort();
    expect(t).toEqual(['1*y1[xxxx]', '1*y4[x,x,x,x]', '3*y2[xx,xx]', '4*y2[x,xxx]', '6*y3[x,x,xx]'].sort());
  });
  it('give h_xy = y2 z_x z_y + y1 z_xy', () => {
    const t = chainTerms('xy', ['x', 'y'])
      .map((c) => `${c.coef}*y${c.order}[${c.blocks.join(',')}]`)
      .sort();
    expect(t).toEqual(['1*y1[xy]', '1*y2[x,y]']);
  });
  it('close requested derivatives under sub-multisets', () => {
    expect(streamClosure(['xxt'], ['t', 'x'])).toEqual(['', 't', 'x', 'tx', 'xx', 'txx']);
  });
});

describe.each(['cpu', 'wasm'])('derivative jets vs float64 finite differences on %s', (backend) => {
  beforeAll(async () => {
    await tf.setBackend(backend);
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });
  const axes = ['t', 'x', 'y'];
  const requested = ['t', 'tt', 'ttt', 'tttt', 'x', 'xx', 'xxx', 'xxxx', 'y', 'yy', 'tx', 'xy', 'ty', 'txx'];
  const cases: { act: (typeof activationIds)[number]; periodic?: PeriodicEmbedding }[] = [
    ...activationIds.map((act) => ({ act })),
    { act: 'tanh', periodic: { periods: { x: 2 } } },
  ];
  for (const c of cases) {
    it(`${c.act}${c.periodic ? ' + periodic embedding' : ''}: orders 1–4 per axis and mixed terms`, async () => {
      const rng = createRng(7);
      const net = createMlp(
        { depth: 3, width: 6, activation: c.act },
        { axes, outputDim: 2, rng, periodic: c.periodic },
      );
      const ref = await float64Mlp(net, activations[c.act].scalar, c.periodic ? { axes, e: c.periodic } : undefined);
      const pts = Array.from({ length: 5 }, () => axes.map(() => rng.uniform(-1, 1)));
      const names = streamClosure(requested, axes);
      const x = tf.tensor2d(pts);
      const fields = outputFields(net.forwardJet(inputJet(x, axes, names)), 2);
      for (let o = 0; o < 2; o++) {
        for (const name of requested) {
          const got = Array.from(await fields[o].d(name).data());
          const f = (p: number[]) => ref(p, o);
          const want = pts.map((p) => {
            const idx = [...name].map((ch) => axes.indexOf(ch));
            if (new Set(idx).size === 1) return fdAxis(f, p, idx[0], idx.length);
            if (idx.length === 2) return fdMixed(f, p, idx[0], idx[1]);
            // txx: first-order central difference in t of the x-second derivative
            const h = 1e-3;
            const g = (dt: number) =>
              fdAxis(
                f,
                p.map((v, i) => (i === 0 ? v + dt : v)),
                1,
                2,
                1e-2,
              );
            return (g(h) - g(-h)) / (2 * h);
          });
          const scale = Math.max(1, ...want.map(Math.abs));
          for (let i = 0; i < pts.length; i++) {
            expect(
              Math.abs(got[i] - want[i]) / scale,
              `${c.act} out${o} d${name} at ${i}: ${got[i]} vs ${want[i]}`,
            ).toBeLessThan(2e-3);
          }
        }
        const vals = Array.from(await fields[o].v.data());
        pts.forEach((p, i) => expect(vals[i]).toBeCloseTo(ref(p, o), 4));
      }
      net.dispose();
    });
  }
});
