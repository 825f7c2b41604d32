import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { resolveConfig, type ConfigInput } from '../config';
import { inputJet, outputFields } from '../jet/jet';
import { symEig } from '../optim/linalg';
import { createRng } from '../rng';
import type { PointBatch } from '../sampling';
import { Trainer } from '../trainer';
import { empiricalNtk, ntkBlock, ntkMetrics, ntkTraces, residualJacobian } from './ntk';

/**
 * The dense Jacobian by plain reverse mode, one `tf.variableGrads` of the scalar r[i, c] per
 * row — an independent route from the one-pass per-sample taps under test. Float64 rows.
 */
async function denseJacobian(t: Trainer, term: string, b: PointBatch): Promise<Float64Array[]> {
  const { pde } = t;
  const resid = () => {
    const x = tf.tensor2d(b.x, [b.n, pde.axes.length]);
    const aux = b.aux.map((a) => tf.tensor2d(a, [b.n, 1]));
    const f = outputFields(t.net.forwardJet(inputJet(x, pde.axes, t.streamsOf(term))), pde.outputs.length);
    return tf.reshape(pde.terms[term].residual(f, aux, t.config.params), [b.n, -1]);
  };
  const cols = tf.tidy(() => resid().shape[1] ?? 1);
  const rows: Float64Array[] = [];
  for (let c = 0; c < cols; c++) {
    for (let i = 0; i < b.n; i++) {
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.slice(resid(), [i, c], [1, 1])) as tf.Scalar, t.vars);
      const flat = tf.concat(t.vars.map((v) => tf.reshape(grads[v.name] ?? tf.zerosLike(v), [-1])));
      rows.push(Float64Array.from(await flat.data()));
      tf.dispose([value, flat, ...Object.values(grads)]);
    }
  }
  return rows;
}

const tiny = (over: ConfigInput) =>
  new Trainer(resolveConfig({ batch: 8, archOptions: { depth: 2, width: 6, activation: 'tanh' }, ...over }));

describe('empirical NTK', () => {
  it.each(['helmholtz', 'ldc', 'burgers'] as const)(
    '%s: K = J Jᵀ against the dense reverse-mode Jacobian, block by block',
    async (pde) => {
      const t = tiny({ pde });
      const batches = t.sample(createRng(7), 5);
      const before = tf.memory().numTensors;
      const ntk = await empiricalNtk(t, batches);
      expect(tf.memory().numTensors).toBe(before);
      const dense: Record<string, Float64Array[]> = {};
      for (const term of t.termNames) dense[term] = await denseJacobian(t, term, batches[term]);
      ntk.terms.forEach((a, i) => {
        expect(ntk.rows[i]).toBe(dense[a].length);
        for (const b of ntk.terms) {
          const k = ntkBlock(ntk, a, b);
          const ja = dense[a],
            jb = dense[b];
          let scale = 0;
          for (const r of [...ja, ...jb])
            scale = Math.max(
              scale,
              r.reduce((s, v) => s + v * v, 0),
            );
          ja.forEach((ra, p) =>
            jb.forEach((rb, q) => {
              const want = ra.reduce((s, v, m) => s + v * rb[m], 0);
              expect(Math.abs(k[p * jb.length + q] - want)).toBeLessThan(2e-5 * scale);
            }),
          );
        }
      });
      // the spectrum of each diagonal block is that of the dense J_t J_tᵀ; eigenvalues are ≥ 0
      const m = ntkMetrics(ntk);
      for (const term of t.termNames) {
        const j = dense[term],
          n = j.length;
        const kd = new Float64Array(n * n);
        for (let p = 0; p < n; p++)
          for (let q = 0; q < n; q++) kd[p * n + q] = j[p].reduce((s, v, r) => s + v * j[q][r], 0);
        const { values } = symEig(kd, n);
        expect(m[`ntk.${term}.max`]).toBeCloseTo(values[0], 3);
        expect(Math.abs(m[`ntk.${term}.min`] - values[n - 1])).toBeLessThan(1e-4 * values[0]);
        expect(m[`ntk.${term}.mean`]).toBeCloseTo(values.reduce((s, v) => s + v, 0) / n, 3);
      }
      t.dispose();
    },
  );

  it('ntkTraces are the blocks’ mean diagonals; the Jacobian has a column per parameter', async () => {
    const t = tiny({ pde: 'klein_gordon' });
    const batches = t.sample(createRng(2), 6);
    const ntk = await empiricalNtk(t, batches);
    const traces = await ntkTraces(t, batches);
    t.termNames.forEach((term, i) => {
      const n = ntk.rows[i];
      const k = ntkBlock(ntk, term, term);
      const mean = Array.from({ length: n }, (_, p) => k[p * n + p]).reduce((a, b) => a + b, 0) / n;
      expect(traces[i]).toBeCloseTo(mean, 4);
    });
    const j = residualJacobian(t, 'res', batches.res);
    expect(j.shape).toEqual([6, t.paramCount]);
    j.dispose();
    t.dispose();
  });
});
