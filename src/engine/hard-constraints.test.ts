import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config';
import { constrainJet, hardConstraintIds, hardConstraints } from './hard-constraints';
import { fdAxis, fdMixed } from './jet/fd';
import { sinJet, sumJet } from './jet/functions';
import { coordinateJet } from './jet/functions';
import { inputJet, outputFields } from './jet/jet';
import { streamClosure } from './jet/keys';
import { pdes, defaultParams, type PdeId } from './pdes';
import { createRng } from './rng';
import { sampleTerm } from './sampling';
import { Trainer } from './trainer';

/** Independent float64 statements of each g and d (the forms in hard-constraints.ts' doc). */
const { sin, cos, PI } = Math;
const forms: Record<string, (p: number[], q: Record<string, number>) => [number, number]> = {
  poisson1d: ([x], { C }) => [x * sin(C), x * (1 - x)],
  helmholtz: ([x, y], { a1, a2 }) => {
    const X = sin(a1 * PI * x),
      Y = sin(a2 * PI * y),
      Xl = x * sin(a1 * PI),
      Yl = y * sin(a2 * PI);
    return [Xl * Y + X * Yl - Xl * Yl, (1 - x * x) * (1 - y * y)];
  },
  burgers: ([t, x]) => [-sin(PI * x), t * (1 - x * x)],
  wave: ([t, x]) => [sin(PI * x) + 0.5 * sin(4 * PI * x), t * t * x * (1 - x)],
  klein_gordon: ([t, x]) => [x * (cos(5 * PI * t) + t ** 3), t * t * x * (1 - x)],
  advection: ([t, x]) => [sin(x), t],
  allen_cahn: ([t, x]) => [x * x * cos(PI * x), t],
  kdv: ([t, x]) => [cos(PI * x), t],
  ks: ([t, x]) => [cos(x) * (1 + sin(x)), t],
};

/** A stand-in for the network: N = sin(0.7·x₀ + 1.3·x₁ + 0.4), as a jet and in float64. */
const nScalar = (p: number[]) => sin(0.7 * p[0] + (p.length > 1 ? 1.3 * p[1] : 0) + 0.4);

describe('hard constraints', () => {
  it('covers the PDEs it claims, with an independent statement of each', () => {
    expect(hardConstraintIds().sort()).toEqual(Object.keys(forms).sort());
  });

  for (const id of Object.keys(forms)) {
    it(`${id}: the jet of u = g + d·N matches float64 finite differences`, () => {
      const pde = pdes[id as PdeId];
      const params = { ...defaultParams(pde), ...(id === 'helmholtz' ? { a1: 1.3, a2: 0.7 } : {}) };
      const derivs = [...new Set(Object.values(pde.terms).flatMap((t) => t.derivs))];
      const names = streamClosure([...derivs, ...pde.axes.map((a) => a + a)], pde.axes);
      const rng = createRng(5);
      const pts = Array.from({ length: 6 }, () => pde.axes.map((a) => rng.uniform(...pde.domain[a])));
      const u = (p: number[]) => {
        const [g, d] = forms[id](p, params);
        return g + d * nScalar(p);
      };
      const got = tf.tidy(() => {
        const x = tf.tensor2d(pts.flat(), [pts.length, pde.axes.length]);
        const input = inputJet(x, pde.axes, names);
        const lin = sumJet(
          pde.axes.map(
            (a, k) => [[0.7, 1.3][k], coordinateJet(input, a)] as [number, ReturnType<typeof coordinateJet>],
          ),
          0.4,
        );
        const field = outputFields(constrainJet(input, sinJet(lin), hardConstraints[id]!, params), 1)[0];
        return names.map((n) => (n === '' ? field.v : field.d(n)).arraySync() as number[][]);
      });
      names.forEach((n, s) =>
        pts.forEach((p, i) => {
          const axesIdx = [...n].map((c) => pde.axes.indexOf(c));
          const mixed = new Set(axesIdx).size > 1;
          const ref =
            n === '' ? u(p) : mixed ? fdMixed(u, p, axesIdx[0], axesIdx[1]) : fdAxis(u, p, axesIdx[0], n.length);
          expect(Math.abs(got[s][i][0] - ref), `${id} d/${n || 'value'} at [${p}]`).toBeLessThan(
            2e-3 * (1 + Math.abs(ref)),
          );
        }),
      );
    });
  }

  it('meets every dropped term at float32 round-off with a trained-size network, and drops the terms', async () => {
    for (const id of hardConstraintIds()) {
      const config = resolveConfig({ pde: id, hardConstraints: true, archOptions: { depth: 2, width: 16 }, seed: 1 });
      const trainer = new Trainer(config);
      const full = pdes[id as PdeId];
      const dropped = hardConstraints[id]!.terms;
      expect(trainer.termNames).toEqual(Object.keys(full.terms).filter((t) => !dropped.includes(t)));
      for (const t of dropped) {
        const b = sampleTerm(full, t, config.params, createRng(2), 256);
        const [maxR, maxU] = tf.tidy(() => {
          const x = tf.tensor2d(b.x, [b.n, full.axes.length]);
          const fields = outputFields(
            trainer.net.forwardJet(inputJet(x, full.axes, streamClosure(full.terms[t].derivs, full.axes))),
            1,
          );
          const r = full.terms[t].residual(
            fields,
            b.aux.map((a) => tf.tensor2d(a, [b.n, 1])),
            config.params,
          );
          return [tf.max(tf.abs(r)).arraySync() as number, tf.max(tf.abs(fields[0].v)).arraySync() as number];
        });
        // float32 round-off of g (≤ a few ulps of |u| ≤ ~2): 1e-6 absolute
        expect(maxR, `${id}.${t}: max |residual| ${maxR} (max |u| ${maxU})`).toBeLessThan(1e-6 * Math.max(1, maxU));
      }
      trainer.dispose();
    }
  });

  it('refuses PDEs without one, naming the field and the PDEs that have one', () => {
    expect(() => resolveConfig({ pde: 'ldc', hardConstraints: true })).toThrow(
      /hardConstraints: not available for ldc \(available for: poisson1d/,
    );
  });
});
