import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { inputJet, outputFields } from '../jet/jet';
import { streamClosure } from '../jet/keys';
import { evaluateOn, evaluationTarget } from '../evaluation';
import { termLosses, termStreams } from '../loss';
import { createMlp } from '../nets/mlp';
import type { Network } from '../nets';
import { defaultParams, pdes, type ParamValues, type Pde } from '../pdes';
import { createRng } from '../rng';
import { sampleTerm } from '../sampling';
import { CustomPdeError } from './ast';
import { buildCustomPde } from './build';
import { customExamples } from './examples';
import { customTermNames } from './terms';
import { validateCustomSpec, type CustomPdeSpec } from './spec';

/** Residual values of loss term `name` of `pde` at points (aux from the term, in float32). */
async function residualAt(
  pde: Pde,
  name: string,
  net: Network,
  pts: number[][],
  params: ParamValues,
): Promise<number[][]> {
  const term = pde.terms[name];
  const r = tf.tidy(() => {
    const rows = pts.map((p) => term.aux?.(p, params) ?? []);
    const aux = (rows[0] ?? []).map((_, k) => tf.tensor2d(rows.map((row) => [row[k]])));
    const fields = outputFields(
      net.forwardJet(inputJet(tf.tensor2d(pts), pde.axes, streamClosure(term.derivs, pde.axes))),
      pde.outputs.length,
    );
    return term.residual(fields, aux, params);
  });
  const out = (await r.array()) as number[][];
  r.dispose();
  return out;
}

/** A small random tanh MLP for `pde` (with its periodic embedding, if any). */
function netFor(pde: Pde, seed: number): Network {
  const periodic = pde.periodic ? { periods: pde.periodic } : undefined;
  return createMlp(
    { depth: 2, width: 12, activation: 'tanh' },
    { axes: pde.axes, outputDim: pde.outputs.length, rng: createRng(seed), periodic },
  );
}

const pairs: [keyof typeof customExamples, keyof typeof pdes, string[]][] = [
  ['burgers', 'burgers', ['res', 'ic', 'bc']],
  ['helmholtz', 'helmholtz', ['res', 'bc']],
  ['advection', 'advection', ['res', 'ic']],
  ['wave', 'wave', ['res', 'ic', 'ic_t', 'bc']],
  ['ks', 'ks', ['res', 'ic']],
];

describe.each(pairs)('typed %s reproduces the built-in %s', (exampleId, builtinId, names) => {
  const builtin: Pde = pdes[builtinId];
  const custom = buildCustomPde(customExamples[exampleId]);
  const variants = [
    defaultParams(builtin),
    Object.fromEntries(Object.entries(builtin.params).map(([k, s]) => [k, s.min + 0.37 * (s.max - s.min)])),
  ];

  it('declares the same axes, domain, outputs, parameters, loss terms and periodicity', () => {
    expect(custom.axes).toEqual(builtin.axes);
    expect(custom.domain).toEqual(builtin.domain);
    expect(custom.outputs).toEqual(builtin.outputs);
    expect(Object.keys(custom.params).sort()).toEqual(Object.keys(builtin.params).sort());
    for (const [k, s] of Object.entries(builtin.params)) expect(custom.params[k].default).toBeCloseTo(s.default, 12);
    expect(Object.keys(custom.terms).sort()).toEqual([...names].sort());
    expect(custom.periodic).toEqual(builtin.periodic);
    for (const n of names) expect(custom.terms[n].region).toEqual(builtin.terms[n].region);
  });

  for (const [v, params] of variants.entries()) {
    it(`every loss term gives the same residuals on a random network (parameter set ${v})`, async () => {
      const net = netFor(custom, 7 + v);
      for (const name of names) {
        const b = sampleTerm(builtin, name, params, createRng(3 + v), 48);
        const d = builtin.axes.length;
        const pts = Array.from({ length: b.n }, (_, i) => Array.from(b.x.subarray(i * d, i * d + d), Number));
        const want = await residualAt(builtin, name, net, pts, params);
        const got = await residualAt(custom, name, net, pts, params);
        const scale = Math.max(...want.flat().map(Math.abs));
        expect(scale, `${name} residual is not trivially zero`).toBeGreaterThan(1e-3);
        const err = Math.max(...got.flat().map((g, i) => Math.abs(g - want.flat()[i])));
        expect(err / scale, `${exampleId}.${name}: max |Δ| ${err} of ${scale}`).toBeLessThan(1e-5);
      }
      net.dispose();
    });
  }

  it('gives the same per-term losses through termLosses on the same sampled points', async () => {
    const params = defaultParams(builtin);
    const net = netFor(custom, 9);
    const batch = (pde: Pde) =>
      Object.fromEntries(names.map((n) => [n, sampleTerm(pde, n, params, createRng(17), 64)]));
    const [cb, bb] = [batch(custom), batch(builtin)];
    for (const n of names) expect(cb[n].x).toEqual(bb[n].x);
    const before = tf.memory().numTensors;
    const ls = (pde: Pde, b: typeof cb) => tf.tidy(() => termLosses(net, pde, params, names, b, termStreams(pde)));
    const [lc, lb] = [ls(custom, cb), ls(builtin, bb)];
    const [vc, vb] = [await lc.data(), await lb.data()];
    tf.dispose([lc, lb]);
    expect(tf.memory().numTensors).toBe(before);
    vb.forEach((want, i) => expect(Math.abs(vc[i] - want) / want, names[i]).toBeLessThan(2e-5));
    net.dispose();
  });
});

describe('custom PDE structure', () => {
  it('hoists source terms and coordinates into float64 aux columns, leaving plain residuals without aux', () => {
    const h = buildCustomPde(customExamples.helmholtz).terms.res;
    const q = h.aux!([0.3, -0.7], { a1: 1, a2: 4, k: 1 });
    const want = (1 - Math.PI ** 2 - 16 * Math.PI ** 2) * Math.sin(0.3 * Math.PI) * Math.sin(-2.8 * Math.PI);
    expect(q).toHaveLength(1);
    expect(q[0]).toBeCloseTo(want, 10);
    expect(buildCustomPde(customExamples.burgers).terms.res.aux).toBeUndefined();
    const xt = buildCustomPde({ ...customExamples.burgers, residual: 'u_t + x*u_x - t' });
    expect(xt.terms.res.aux!([0.25, 0.5], {})).toEqual([0.5, 0.25]);
  });

  it('gives initial data as one aux column per output (u₀ for the PirateNet least-squares init)', () => {
    expect(buildCustomPde(customExamples.burgers).terms.ic.aux!([0, 0.5], {})).toEqual([-1]);
    const two = buildCustomPde({
      ...customExamples.burgers,
      outputs: ['u', 'v'],
      residual: ['u_t - v_x', 'v_t - u_x'],
      ic: ['nu', null],
      ic_t: ['0', 'x'],
      bcs: [],
    });
    expect(two.terms.ic.aux!([0, 0.5], { nu: 0.25 })).toEqual([0.25, 0]);
    expect(two.terms.ic_t.aux!([0, 0.5], { nu: 0.25 })).toEqual([0, 0.5]);
    expect(two.terms.ic_t.derivs).toEqual(['t']);
  });

  it('builds the velocity–pressure cavity: one term per equation, boundary columns for u and v only', async () => {
    const pde = buildCustomPde(customExamples.cavity);
    expect(Object.keys(pde.terms)).toEqual(['res1', 'res2', 'res3', 'bc']);
    expect(pde.terms.res3.derivs.sort()).toEqual(['x', 'y']);
    const net = netFor(pde, 2);
    const pts = [
      [0.3, 1],
      [0.6, 0],
      [0, 0.4],
      [1, 0.8],
    ];
    const r = await residualAt(pde, 'bc', net, pts, { Re: 100 });
    const uv = (await net.forward(tf.tensor2d(pts)).array()) as number[][];
    pts.forEach((_, i) => {
      expect(r[i]).toHaveLength(2);
      expect(r[i][0]).toBeCloseTo(uv[i][0] - (i === 0 ? 1 : 0), 5);
      expect(r[i][1]).toBeCloseTo(uv[i][1], 5);
    });
    net.dispose();
  });

  it('masks faces without a condition (one-sided Dirichlet)', async () => {
    const pde = buildCustomPde({
      ...customExamples.heat2d,
      bcs: [{ kind: 'dirichlet', axis: 'y', side: 'hi', value: 'x' }],
    });
    expect(pde.terms.bc.region).toEqual({ kind: 'boundary', axes: ['y'] });
    const net = netFor(pde, 4);
    const pts = [
      [0.1, 0.3, 1],
      [0.2, 0.6, 0],
    ];
    const r = await residualAt(pde, 'bc', net, pts, { kappa: 0.1 });
    const u = (await net.forward(tf.tensor2d(pts)).array()) as number[][];
    expect(r[0][0]).toBeCloseTo(u[0][0] - 0.3, 5);
    expect(r[1][0]).toBe(0);
    net.dispose();
  });

  it('evaluates without a reference solution: |residual| on the evaluation grid', async () => {
    const pde = buildCustomPde(customExamples.helmholtz);
    const params = defaultParams(pde);
    const net = netFor(pde, 3);
    const target = await evaluationTarget(pde, params);
    expect(target.values).toBeNull();
    expect(target.n).toBe(101 * 101);
    const ev = await evaluateOn(net, pde, params, target, 0);
    expect(ev.relL2).toBeNaN();
    expect(ev.residual).toHaveLength(target.n);
    const idx = [0, 777, 5100, 10200];
    const pts = idx.map((i) => [target.x[2 * i], target.x[2 * i + 1]]);
    const r = await residualAt(pde, 'res', net, pts, params);
    idx.forEach((i, k) => expect(ev.residual![i]).toBeCloseTo(Math.abs(r[k][0]), 3));
    net.dispose();
  });

  it('names the loss terms without tfjs exactly as the built PDE has them (every template)', () => {
    for (const spec of Object.values(customExamples) as CustomPdeSpec[]) {
      expect(customTermNames(spec), spec.label).toEqual(Object.keys(buildCustomPde(spec).terms));
    }
    expect(Object.keys(customExamples).length).toBeGreaterThanOrEqual(5);
  });

  it('derives parameter ranges around the given values and a grid per axis', () => {
    for (const spec of Object.values(customExamples) as CustomPdeSpec[]) {
      const pde = buildCustomPde(spec);
      expect(pde.id).toBe('custom');
      expect(pde.grid.length).toBe(pde.axes.length);
      expect(pde.exact).toBeUndefined();
      for (const s of Object.values(pde.params))
        expect(s.min <= s.default && s.default <= s.max && s.min < s.max).toBe(true);
    }
    expect(buildCustomPde(customExamples.burgers).equation).toBe(
      'u_t + u*u_x - nu*u_xx = 0; u(0, x) = -sin(pi*x); u = 0 at x = -1, 1',
    );
  });
});

describe('training on a typed PDE', () => {
  it('reduces every loss of the typed cavity with Adam, finite gradients, no tensor leak', async () => {
    const pde = buildCustomPde(customExamples.cavity);
    const params = { Re: 100 };
    const net = netFor(pde, 5);
    const names = Object.keys(pde.terms);
    const streams = termStreams(pde);
    const opt = tf.train.adam(1e-2);
    const rng = createRng(8);
    const batches = Object.fromEntries(names.map((n) => [n, sampleTerm(pde, n, params, rng, 64)]));
    const losses = async () => {
      const t = tf.tidy(() => termLosses(net, pde, params, names, batches, streams));
      const v = await t.data();
      t.dispose();
      return v;
    };
    const step = () =>
      opt.minimize(() => tf.sum(termLosses(net, pde, params, names, batches, streams)) as tf.Scalar, false);
    const first = await losses();
    step(); // creates Adam's moment slots
    const before = tf.memory().numTensors;
    for (let i = 0; i < 80; i++) step();
    expect(tf.memory().numTensors).toBe(before);
    const last = await losses();
    names.forEach((n, i) => {
      expect(Number.isFinite(last[i]), n).toBe(true);
      expect(last[i], `${n}: ${first[i]} → ${last[i]}`).toBeLessThan(first[i]);
    });
    opt.dispose();
    net.dispose();
  });
});

describe('custom PDE spec', () => {
  it.each(Object.keys(customExamples))('%s survives a JSON round trip unchanged', (id) => {
    const spec = validateCustomSpec(customExamples[id as keyof typeof customExamples]);
    const back = validateCustomSpec(JSON.parse(JSON.stringify(spec)));
    expect(back).toEqual(spec);
    expect(buildCustomPde(back).equation).toBe(buildCustomPde(spec).equation);
  });

  it('fills defaults: outputs [u], no parameters, no boundary conditions', () => {
    const s = validateCustomSpec({ axes: ['x'], domain: { x: [0, 1] }, residual: 'u_xx + 1' });
    expect(s).toEqual({
      axes: ['x'],
      domain: { x: [0, 1] },
      outputs: ['u'],
      params: {},
      residual: 'u_xx + 1',
      bcs: [],
    });
  });

  const base = customExamples.burgers as CustomPdeSpec;
  const bad: [string, unknown, RegExp][] = [
    ['not an object', 'u_t', /^custom PDE: expected an object/],
    ['unknown field', { ...base, bc: [] }, /^bc: unknown field \(allowed: label, axes/],
    ['axis name', { ...base, axes: ['t', 'xx'] }, /^axes\[1\]: 'xx' is not a single lowercase letter/],
    ['axis e', { ...base, axes: ['t', 'e'] }, /^axes\[1\]: 'e' is reserved/],
    ['time not first', { ...base, axes: ['x', 't'] }, /^axes: time 't' must come first/],
    [
      'duplicate axis',
      { ...base, axes: ['x', 'x'], domain: { x: [0, 1] } },
      /^axes\[1\]: 'x' is already used|appears twice/,
    ],
    [
      'missing domain',
      { ...base, domain: { t: [0, 1] } },
      /^domain\.x: expected \[lo, hi\] with finite lo < hi, got nothing/,
    ],
    ['inverted domain', { ...base, domain: { t: [0, 1], x: [1, -1] } }, /^domain\.x: expected \[lo, hi\]/],
    [
      'extra domain axis',
      { ...base, domain: { ...base.domain, y: [0, 1] } },
      /^domain\.y: 'y' is not an axis \(axes: t, x\)/,
    ],
    ['output clashes', { ...base, outputs: ['x'] }, /^outputs\[0\]: 'x' is already used/],
    ['param clashes', { ...base, params: { sin: 1 } }, /^params\.sin: 'sin' is reserved/],
    ['param not a number', { ...base, params: { nu: '0.1' } }, /^params\.nu: expected a finite number/],
    ['residual type', { ...base, residual: 3 }, /^residual: expected an array, got 3/],
    ['residual error', { ...base, residual: ['u_t + w'] }, /^residual\[0\]: unknown symbol 'w' .* at 6$/],
    ['residual without u', { ...base, residual: 'x - 1' }, /^residual: does not involve any output \(u\)/],
    [
      'ic without time',
      { ...customExamples.helmholtz, ic: '0' },
      /^ic: an initial condition needs the time axis 't' first/,
    ],
    ['ic uses t', { ...base, ic: 'sin(t)' }, /^ic: 't' cannot be used in ic .* at 4$/],
    ['ic per output', { ...base, outputs: ['u', 'v'], ic: '0' }, /^ic: expected one expression per output \(u, v\)/],
    [
      'bc axis',
      { ...base, bcs: [{ kind: 'dirichlet', axis: 'y', value: '0' }] },
      /^bcs\[0\]\.axis: 'y' is not an axis/,
    ],
    [
      'bc in time',
      { ...base, bcs: [{ kind: 'periodic', axis: 't' }] },
      /^bcs\[0\]\.axis: conditions in time are given by 'ic'/,
    ],
    [
      'bc kind',
      { ...base, bcs: [{ kind: 'neumann', axis: 'x', value: '0' }] },
      /^bcs\[0\]\.kind: expected 'dirichlet' or 'periodic'/,
    ],
    [
      'bc side',
      { ...base, bcs: [{ kind: 'dirichlet', axis: 'x', side: 'left', value: '0' }] },
      /^bcs\[0\]\.side: expected 'lo' or 'hi'/,
    ],
    [
      'bc twice',
      {
        ...base,
        bcs: [
          { kind: 'periodic', axis: 'x' },
          { kind: 'dirichlet', axis: 'x', side: 'hi', value: '0' },
        ],
      },
      /^bcs\[1\]: the face x = hi already has a condition \(bcs\[0\]\)/,
    ],
    [
      'bc value error',
      { ...base, bcs: [{ kind: 'dirichlet', axis: 'x', value: 'u' }] },
      /^bcs\[0\]\.value: 'u' cannot be used in a boundary value/,
    ],
    [
      'bc all free',
      {
        ...base,
        outputs: ['u', 'v'],
        residual: 'u_t - v',
        ic: ['-sin(pi*x)', null],
        bcs: [{ kind: 'dirichlet', axis: 'x', value: [null, null] }],
      },
      /^bcs\[0\]\.value: gives no expression for any output/,
    ],
    [
      'u_y in 1-D',
      { ...base, residual: 'u_t + u_y' },
      /^residual: derivative u_y: 'y' is not an axis \(axes: t, x\) at 8$/,
    ],
  ];
  it.each(bad)('rejects %s with a CustomPdeError naming the field', (_, raw, msg) => {
    let err: unknown;
    try {
      validateCustomSpec(raw);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CustomPdeError);
    expect((err as Error).message).toMatch(msg);
  });

  it('buildCustomPde validates too (a typed spec can still be wrong)', () => {
    expect(() => buildCustomPde({ ...base, residual: 'u_t + sinn(x)' })).toThrow(
      /residual: function sinn is not known/,
    );
  });
});
