import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { fdAxis, fdMixed } from '../jet/fd';
import { inputJet, outputFields } from '../jet/jet';
import { streamClosure } from '../jet/keys';
import { createRng } from '../rng';
import { architectures, countParams, type ArchId, type Network } from '.';

/** Weights by readable name, float64, with RWF folded in (W = V · exp(s)). */
async function weightsOf(net: Network): Promise<Map<string, { shape: number[]; v: number[] }>> {
  const m = new Map<string, { shape: number[]; v: number[] }>();
  for (const p of net.params) m.set(p.name, { shape: p.variable.shape, v: Array.from(await p.variable.data()) });
  for (const [name, v] of [...m]) {
    if (!name.endsWith('.v')) continue;
    const base = name.slice(0, -2);
    const s = m.get(`${base}.s`)!.v;
    const out = v.shape[1];
    m.set(`${base}.weight`, { shape: v.shape, v: v.v.map((x, i) => x * Math.exp(s[i % out])) });
  }
  return m;
}

/** Independent float64 forward passes of each architecture (tanh). */
function reference(arch: ArchId, w: Map<string, { shape: number[]; v: number[] }>, fourier: boolean) {
  const dense = (h: number[], name: string, act = true) => {
    const W = w.get(`${name}.weight`)!;
    const b = w.get(`${name}.bias`)?.v;
    const [nin, nout] = W.shape;
    return Array.from({ length: nout }, (_, j) => {
      let s = b ? b[j] : 0;
      for (let i = 0; i < nin; i++) s += h[i] * W.v[i * nout + j];
      return act ? Math.tanh(s) : s;
    });
  };
  const embed = (p: number[]) => {
    if (!fourier) return p;
    const z = dense(p, 'fourier', false);
    return [...z.map(Math.cos), ...z.map(Math.sin)];
  };
  const gate = (z: number[], a: number[], b: number[]) => z.map((zi, i) => zi * a[i] + (1 - zi) * b[i]);
  return (p: number[], o = 0): number => {
    const x = embed(p);
    if (arch === 'mlp') {
      let h = x;
      for (let k = 0; w.has(`layer${k + 1}.bias`); k++) h = dense(h, `layer${k}`);
      const last = [...w.keys()].filter((k) => k.startsWith('layer') && k.endsWith('.bias')).length - 1;
      return dense(h, `layer${last}`, false)[o];
    }
    const u = dense(x, 'encoder_u');
    const v = dense(x, 'encoder_v');
    if (arch === 'modified_mlp') {
      let h = x;
      for (let k = 0; w.has(`layer${k}.bias`); k++) h = gate(dense(h, `layer${k}`), v, u);
      return dense(h, 'output', false)[o];
    }
    let h = x;
    for (let k = 0; w.has(`block${k}.alpha`); k++) {
      const alpha = w.get(`block${k}.alpha`)!.v[0];
      const z1 = gate(dense(h, `block${k}.dense1`), u, v);
      const z2 = gate(dense(z1, `block${k}.dense2`), u, v);
      const hh = dense(z2, `block${k}.dense3`);
      h = hh.map((y, i) => alpha * y + (1 - alpha) * h[i]);
    }
    return dense(h, 'output', false)[o];
  };
}

const axes = ['t', 'x'];
const domain = { t: [0, 2], x: [-1, 3] } as const;
const requested = ['t', 'tt', 'ttt', 'tttt', 'x', 'xx', 'xxx', 'xxxx', 'tx'];
const cases: [string, ArchId, Record<string, unknown>, boolean][] = [
  [
    'mlp + Fourier features + RWF',
    'mlp',
    { depth: 2, width: 6, fourierSize: 3, fourierTrainable: true, fourierSigma: 1.5, rwf: true },
    true,
  ],
  ['modified_mlp', 'modified_mlp', { depth: 2, width: 6 }, false],
  ['modified_mlp + standardized inputs', 'modified_mlp', { depth: 2, width: 6, standardize: true }, false],
  ['modified_mlp + RWF', 'modified_mlp', { depth: 2, width: 5, rwf: true }, false],
  ['pirate_net (α ≠ 0)', 'pirate_net', { blocks: 2, width: 6, fourierTrainable: true, piInit: false }, true],
];

describe('architectures: jets vs float64 finite differences', () => {
  for (const [label, arch, opts, fourier] of cases) {
    it(label, async () => {
      const net = architectures[arch].create(opts as never, { axes, outputDim: 2, domain, rng: createRng(13) });
      // exercise the residual mix
      for (const p of net.params) if (p.name.endsWith('.alpha')) p.variable.assign(tf.scalar(0.37));
      const raw = reference(arch, await weightsOf(net), fourier);
      // standardized: the network sees ((t − 1)·√12/2, (x − 1)·√12/4) for t ∈ [0, 2], x ∈ [−1, 3]
      const std = (p: number[]) => [((p[0] - 1) * Math.sqrt(12)) / 2, ((p[1] - 1) * Math.sqrt(12)) / 4];
      const ref = opts.standardize ? (p: number[], o: number) => raw(std(p), o) : raw;
      const rng = createRng(1);
      const pts = Array.from({ length: 4 }, () => axes.map(() => rng.uniform(-1, 1)));
      const fields = outputFields(net.forwardJet(inputJet(tf.tensor2d(pts), axes, streamClosure(requested, axes))), 2);
      for (let o = 0; o < 2; o++) {
        const vals = await fields[o].v.data();
        pts.forEach((p, i) => expect(vals[i]).toBeCloseTo(ref(p, o), 4));
        for (const name of requested) {
          const got = await fields[o].d(name).data();
          const f = (p: number[]) => ref(p, o);
          const want = pts.map((p) => {
            const idx = [...name].map((c) => axes.indexOf(c));
            return new Set(idx).size === 1 ? fdAxis(f, p, idx[0], idx.length) : fdMixed(f, p, idx[0], idx[1]);
          });
          const scale = Math.max(1, ...want.map(Math.abs));
          want.forEach((wv, i) =>
            expect(Math.abs(got[i] - wv) / scale, `${label} out${o} d${name}: ${got[i]} vs ${wv}`).toBeLessThan(3e-3),
          );
        }
      }
      net.dispose();
    });
  }
});

describe('PirateNet', () => {
  it('at α = 0 is exactly the linear readout of its embedding', async () => {
    const net = architectures.pirate_net.create(
      { blocks: 2, width: 8, fourierTrainable: true, piInit: false },
      { axes, outputDim: 1, rng: createRng(2) },
    );
    const w = await weightsOf(net);
    const rng = createRng(3);
    const pts = Array.from({ length: 5 }, () => axes.map(() => rng.uniform(-1, 1)));
    const out = await net.forward(tf.tensor2d(pts)).data();
    const B = w.get('fourier.weight')!;
    const W = w.get('output.weight')!.v;
    const b = w.get('output.bias')!.v[0];
    pts.forEach((p, i) => {
      const z = Array.from({ length: 4 }, (_, j) => p[0] * B.v[j] + p[1] * B.v[4 + j]);
      const phi = [...z.map(Math.cos), ...z.map(Math.sin)];
      expect(out[i]).toBeCloseTo(
        phi.reduce((s, v, k) => s + v * W[k], b),
        5,
      );
    });
    net.dispose();
  });

  it('reports parameter counts and readable names', () => {
    const net = architectures.pirate_net.create(
      { blocks: 1, width: 4, rwf: false },
      { axes, outputDim: 1, rng: createRng(2) },
    );
    expect(net.params.map((p) => p.name)).toEqual([
      'encoder_u.weight',
      'encoder_u.bias',
      'encoder_v.weight',
      'encoder_v.bias',
      'block0.dense1.weight',
      'block0.dense1.bias',
      'block0.dense2.weight',
      'block0.dense2.bias',
      'block0.dense3.weight',
      'block0.dense3.bias',
      'output.weight',
      'output.bias',
      'block0.alpha',
    ]);
    expect(countParams(net)).toBe(5 * (16 + 4) + 4 + 1 + 1);
    net.dispose();
  });
});
