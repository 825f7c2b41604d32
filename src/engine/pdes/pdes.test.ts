import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { fdAxis, fdMixed } from '../jet/fd';
import { Field } from '../jet/jet';
import { createRng } from '../rng';
import { sampleTerm } from '../sampling';
import { defaultParams, pdeIds, pdes, type Pde } from '.';

/**
 * Each PDE's loss terms must vanish on its exact solution. The exact solution's derivatives
 * come from float64 finite differences (independent of the jets), so this checks the
 * residuals, source terms, signs and boundary data of every PDE definition.
 */
function exactField(pde: Pde, params: Record<string, number>, pts: number[][], names: string[]): Field {
  const f = (p: number[]) => pde.exact!(p, params)[0];
  const streams: Record<string, tf.Tensor> = { '': tf.tensor2d(pts.map((p) => [f(p)])) };
  for (const n of names) {
    const idx = [...n].map((c) => pde.axes.indexOf(c));
    const vals = pts.map((p) =>
      new Set(idx).size === 1 ? fdAxis(f, p, idx[0], idx.length) : fdMixed(f, p, idx[0], idx[1]),
    );
    streams[n] = tf.tensor2d(vals.map((v) => [v]));
  }
  return new Field(streams, pde.axes, pts.length);
}

// PDEs with only a numerical reference are checked in their own tests (e.g. ldc.test.ts).
describe.each(pdeIds.filter((id) => pdes[id].exact))('%s', (id) => {
  const pde: Pde = pdes[id];
  const variants = [
    defaultParams(pde),
    Object.fromEntries(Object.entries(pde.params).map(([k, s]) => [k, s.min + 0.37 * (s.max - s.min)])),
  ];
  for (const params of variants) {
    it(`every loss term vanishes on the exact solution (${JSON.stringify(params)})`, async () => {
      for (const [name, term] of Object.entries(pde.terms)) {
        const b = sampleTerm(pde, name, params, createRng(3), 16);
        const d = pde.axes.length;
        const pts = Array.from({ length: b.n }, (_, i) => Array.from(b.x.subarray(i * d, i * d + d), Number));
        const field = exactField(pde, params, pts, term.derivs);
        const aux = b.aux.map((a) => tf.tensor2d(a, [b.n, 1]));
        const r = await term.residual([field], aux, params).data();
        const scale = Math.max(1, ...(aux.length ? await aux[0].abs().max().data() : [1]));
        for (const v of r) expect(Math.abs(v) / scale, `${id}.${name}`).toBeLessThan(2e-4);
      }
    });
  }
  it('declares sane parameter ranges and a grid per axis', () => {
    for (const s of Object.values(pde.params)) expect(s.min <= s.default && s.default <= s.max).toBe(true);
    expect(pde.grid.length).toBe(pde.axes.length);
  });
});
