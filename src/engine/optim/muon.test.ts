import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { symEig } from './linalg';
import { muonDefaults, newtonSchulz, scaleByMuon } from './muon';
import { adamDefaults, scaleByAdam } from './adam';

const rng = createRng(21);
const randn = (m: number, n: number) => Float64Array.from({ length: m * n }, () => rng.normal());

/** AᵀB for row-major A [m, n], B [m, k] (float64). */
function tmul(a: Float64Array, b: Float64Array, m: number, n: number, k: number): Float64Array {
  const out = new Float64Array(n * k);
  for (let r = 0; r < m; r++)
    for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) out[i * k + j] += a[r * n + i] * b[r * k + j];
  return out;
}

/**
 * The polar factor P = G (GᵀG)^{−1/2} = U Vᵀ of G = U Σ Vᵀ [m, n], m ≥ n, in float64 via the
 * symmetric eigendecomposition GᵀG = V diag(σ²) Vᵀ (an SVD by another route).
 */
function polar(g: Float64Array, m: number, n: number): Float64Array {
  const { values, vectors: v } = symEig(tmul(g, g, m, n, n), n);
  const inv = new Float64Array(n * n); // V diag(1/σ) Vᵀ
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      for (let k = 0; k < n; k++) inv[i * n + j] += (v[i * n + k] * v[j * n + k]) / Math.sqrt(values[k]);
  const p = new Float64Array(m * n);
  for (let r = 0; r < m; r++)
    for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) p[r * n + j] += g[r * n + k] * inv[k * n + j];
  return p;
}

const ns = async (g: Float64Array, m: number, n: number, steps: number, cubic: boolean) => {
  const t = tf.tidy(() => newtonSchulz(tf.tensor2d(Float32Array.from(g), [m, n]), steps, cubic));
  const out = Float64Array.from(await t.data());
  t.dispose();
  return out;
};

describe('Muon: Newton–Schulz orthogonalisation', () => {
  it.each([
    [7, 4],
    [4, 7],
  ])('the cubic iteration converges to the SVD polar factor U Vᵀ (%i × %i)', async (m, n) => {
    // a well-conditioned G (σ_min/σ_max ≈ 0.3) so the cubic converges in few steps
    const g = randn(m, n);
    const tall = m >= n;
    // Gᵀ [n, m] when G is wide
    const gt = tall ? g : Float64Array.from({ length: m * n }, (_, i) => g[(i % m) * n + Math.floor(i / m)]);
    const pt = polar(gt, Math.max(m, n), Math.min(m, n));
    const p = tall ? pt : Float64Array.from({ length: m * n }, (_, i) => pt[(i % n) * m + Math.floor(i / n)]);
    const x = await ns(g, m, n, 40, true);
    for (let i = 0; i < m * n; i++) expect(Math.abs(x[i] - p[i])).toBeLessThan(2e-5);
  });

  it("Jordan's quintic (5 steps) keeps the polar factor's singular vectors, σ in [0.6, 1.25]", async () => {
    const [m, n] = [8, 5];
    const g = randn(m, n);
    const p = polar(g, m, n);
    const x = await ns(g, m, n, 5, false);
    // X = P S with S = Pᵀ X symmetric positive definite: same singular vectors, other singular values
    const s = tmul(p, x, m, n, n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < i; j++) expect(Math.abs(s[i * n + j] - s[j * n + i])).toBeLessThan(1e-5);
    const { values } = symEig(s, n);
    for (const v of values) {
      expect(v).toBeGreaterThan(0.6);
      expect(v).toBeLessThan(1.25);
    }
  });
});

describe('Muon transform', () => {
  it('orthogonalises the 2-D parameters (scaled Nesterov momentum) and runs Adam on the rest', async () => {
    const w = tf.variable(tf.tensor2d(Float32Array.from(randn(6, 3)), [6, 3]));
    const b = tf.variable(tf.tensor1d([0.1, -0.2, 0.3]));
    const gw = tf.tensor2d(Float32Array.from(randn(6, 3)), [6, 3]);
    const gb = tf.tensor1d([1, -2, 0.5]);
    const muon = scaleByMuon({ ...muonDefaults, cubic: true, nsSteps: 60 });
    const s0 = muon.init([w, b]);
    const { updates, state } = muon.update([gw, gb], s0, [w, b]);
    // step 1: m = g, u = g + μ g = 1.95 g; its polar factor equals g's (a positive scale)
    const want = polar(Float64Array.from(await gw.data()), 6, 3).map((x) => x * 0.2 * Math.sqrt(6));
    const got = await updates[0].data();
    want.forEach((x, i) => expect(got[i]).toBeCloseTo(x, 4));
    const adam = scaleByAdam(adamDefaults);
    const a0 = adam.init([b]);
    const ref = adam.update([gb], a0, [b]);
    expect(Array.from(await updates[1].data())).toEqual(Array.from(await ref.updates[0].data()));
    expect(Array.from(await (state.momentum[0] as tf.Tensor).data())).toEqual(Array.from(await gw.data()));
    tf.dispose([w, b, gw, gb, s0, updates, state, a0, ref.updates, ref.state]);
  });
});
