/**
 * `residualSampleMoments` against independent references: `mean` against the reverse-mode
 * gradient of the weighted residual loss (plain, two-column, causal, several residual terms),
 * `sq` against float64 sums of the per-sample gradients scaled by a_i = B ∂(w L)/∂(r_i²), with
 * a_i taken by autodiff of the loss as a function of the squared residuals.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { chunkByTime, chunkLosses } from '../causal';
import { perSampleGrads } from '../diagnostics/per-sample';
import { inputJet, outputFields } from '../jet/jet';
import { termLosses, termStreams } from '../loss';
import { countParams } from '../nets';
import { createMlp } from '../nets/mlp';
import { defaultParams, pdes, type Pde } from '../pdes';
import { createRng } from '../rng';
import { sampleTerm, type PointBatch } from '../sampling';
import { residualSampleMoments, residualTerms } from './residual-moments';

function setup(pde: Pde, n: number, seed = 1) {
  const params = defaultParams(pde);
  const net = createMlp(
    { depth: 2, width: 5, activation: 'tanh' },
    {
      axes: pde.axes,
      outputDim: pde.outputs.length,
      rng: createRng(seed),
      periodic: pde.periodic ? { periods: pde.periodic } : undefined,
    },
  );
  const rng = createRng(seed + 10);
  const batches: Record<string, PointBatch> = Object.fromEntries(
    Object.keys(pde.terms).map((t) => [t, sampleTerm(pde, t, params, rng, n)]),
  );
  return { params, net, batches, streams: termStreams(pde) };
}

const close = (got: ArrayLike<number>, want: ArrayLike<number>, tol: number) => {
  const scale = Math.max(1e-12, ...Array.from(want, Math.abs));
  for (let j = 0; j < want.length; j++) expect(Math.abs(got[j] - want[j]) / scale).toBeLessThan(tol);
};

/** Gradient of `f` per parameter (zeros where no path), read to the host. */
async function gradOf(vars: tf.Variable[], f: () => tf.Scalar): Promise<Float32Array[]> {
  const { value, grads } = tf.variableGrads(f, vars);
  const out = await Promise.all(
    vars.map(async (v) => (grads[v.name] ? ((await grads[v.name].data()) as Float32Array) : new Float32Array(v.size))),
  );
  tf.dispose([value, grads]);
  return out;
}

/** mean_i (a_i g_i)² in float64 from the per-sample gradients of term `t`. */
async function sqReference(
  s: ReturnType<typeof setup>,
  pde: Pde,
  t: string,
  a: ArrayLike<number>,
): Promise<Float64Array[]> {
  const ps = perSampleGrads(s.net, pde, s.params, t, s.batches[t], s.streams[t]);
  const n = s.batches[t].n;
  const out = await Promise.all(
    ps.map(async (g) => {
      const d = await g!.data();
      const per = d.length / n;
      const acc = new Float64Array(per);
      for (let i = 0; i < n; i++) for (let j = 0; j < per; j++) acc[j] += (a[i] * d[i * per + j]) ** 2 / n;
      return acc;
    }),
  );
  tf.dispose(ps.filter((g): g is tf.Tensor => g !== null));
  return out;
}

async function read(ts: (tf.Tensor | null)[]): Promise<Float32Array[]> {
  return Promise.all(ts.map(async (t) => (await t!.data()) as Float32Array));
}

describe('per-sample residual moments', () => {
  it('poisson1d: mean = w ∇L_res, sq = mean (w g_i)², the same in slices of 2 samples, no leaks', async () => {
    const pde = pdes.poisson1d;
    const s = setup(pde, 7);
    const w = { res: 3, bc: 1 };
    const vars = s.net.params.map((p) => p.variable);
    const before = tf.memory().numTensors;
    const whole = residualSampleMoments({ ...s, pde, weights: w });
    const sliced = residualSampleMoments({ ...s, pde, weights: w, maxFloats: 2 * countParams(s.net) });
    const want = await gradOf(
      vars,
      () => tf.mul(3, tf.sum(termLosses(s.net, pde, s.params, ['res'], s.batches, s.streams))) as tf.Scalar,
    );
    const sqWant = await sqReference(s, pde, 'res', new Array(7).fill(3));
    for (const m of [whole, sliced]) {
      (await read(m.mean)).forEach((g, k) => close(g, want[k], 1e-4));
      (await read(m.sq)).forEach((g, k) => close(g, sqWant[k], 1e-4));
    }
    tf.dispose([...whole.mean, ...whole.sq, ...sliced.mean, ...sliced.sq] as tf.Tensor[]);
    expect(tf.memory().numTensors).toBe(before);
    s.net.dispose();
  });

  it('a two-column residual is averaged over its columns as mean(r²) is', async () => {
    const base = pdes.poisson1d;
    const res = base.terms.res;
    const pde: Pde = {
      ...base,
      terms: {
        ...base.terms,
        res: {
          ...res,
          residual: (f, a, p) => {
            const r = res.residual(f, a, p);
            return tf.concat([r, tf.mul(2, r)], 1);
          },
        },
      },
    };
    const s = setup(pde, 6, 3);
    const m = residualSampleMoments({ ...s, pde, weights: {} });
    const want = await gradOf(
      s.net.params.map((p) => p.variable),
      () => tf.sum(termLosses(s.net, pde, s.params, ['res'], s.batches, s.streams)) as tf.Scalar,
    );
    (await read(m.mean)).forEach((g, k) => close(g, want[k], 1e-4));
    const sqWant = await sqReference(s, pde, 'res', new Array(6).fill(0.5));
    (await read(m.sq)).forEach((g, k) => close(g, sqWant[k], 1e-4));
    tf.dispose([...m.mean, ...m.sq] as tf.Tensor[]);
    s.net.dispose();
  });

  it('causal Allen–Cahn: scaled by the chunk weights, a_i = B ∂(w L_res)/∂(r_i²)', async () => {
    const pde = pdes.allen_cahn;
    const B = 13,
      M = 4,
      wRes = 2; // unequal chunks (3, 3, 3, 4)
    const s = setup(pde, B, 5);
    let omega: tf.Tensor1D | null = null;
    const causal = {
      eps: 1,
      chunks: M,
      sink: (w: tf.Tensor1D) => {
        omega?.dispose();
        omega = w;
      },
    };
    const vars = s.net.params.map((p) => p.variable);
    const want = await gradOf(
      vars,
      () => tf.mul(wRes, tf.sum(termLosses(s.net, pde, s.params, ['res'], s.batches, s.streams, causal))) as tf.Scalar,
    );
    const om = omega! as tf.Tensor1D;
    expect(Math.min(...Array.from(await om.data()))).toBeLessThan(0.999); // the weights are not all 1
    const m = residualSampleMoments({
      ...s,
      pde,
      weights: { res: wRes, ic: 1 },
      causal: om,
      maxFloats: 5 * countParams(s.net),
    });
    (await read(m.mean)).forEach((g, k) => close(g, want[k], 1e-4));
    // a_i by autodiff of q ↦ w mean_c(ω_c L_c(q)), q = r², ω constant
    const b = s.batches.res;
    const chunk = chunkByTime(
      Float32Array.from({ length: B }, (_, i) => b.x[i * 2]),
      M,
    );
    const a = tf.tidy(() => {
      const x = tf.tensor2d(b.x, [B, 2]);
      const r = pde.terms.res.residual(
        outputFields(s.net.forwardJet(inputJet(x, pde.axes, s.streams.res)), 1),
        [],
        s.params,
      );
      const q = tf.square(r);
      const loss = (qq: tf.Tensor) => tf.mul(wRes, tf.mean(tf.mul(om, chunkLosses(tf.sqrt(qq), chunk, M))));
      return tf.mul(B, tf.grad(loss)(q));
    });
    const sqWant = await sqReference(s, pde, 'res', await a.data());
    (await read(m.sq)).forEach((g, k) => close(g, sqWant[k], 1e-4));
    tf.dispose([a, om, ...m.mean, ...m.sq] as tf.Tensor[]);
    s.net.dispose();
  });

  it('lid-driven cavity: the residual terms res_u, res_v, res_c add up', async () => {
    const pde = pdes.ldc;
    expect(residualTerms(pde)).toEqual(['res_u', 'res_v', 'res_c']);
    const s = setup(pde, 5, 7);
    const w = { res_u: 1, res_v: 2, res_c: 0.5, bc: 3 };
    const m = residualSampleMoments({ ...s, pde, weights: w });
    const terms = residualTerms(pde);
    const want = await gradOf(
      s.net.params.map((p) => p.variable),
      () =>
        tf.sum(
          tf.mul(
            termLosses(s.net, pde, s.params, terms, s.batches, s.streams),
            terms.map((t) => w[t as keyof typeof w]),
          ),
        ) as tf.Scalar,
    );
    (await read(m.mean)).forEach((g, k) => close(g, want[k], 1e-4));
    tf.dispose([...m.mean, ...m.sq] as tf.Tensor[]);
    s.net.dispose();
  });
});
