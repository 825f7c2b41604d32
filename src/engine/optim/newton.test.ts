import { describe, expect, it } from 'vitest';
import { hessianFD, newton } from './newton';
import type { Objective } from './objective';

/** f = sin(x) y² + exp(x z / 2) + y z³ with its exact gradient and Hessian. */
const smooth: Objective = ([x, y, z]) => {
  const e = Math.exp((x * z) / 2);
  return {
    loss: Math.sin(x) * y * y + e + y * z ** 3,
    grad: Float64Array.of(Math.cos(x) * y * y + (z / 2) * e, 2 * Math.sin(x) * y + z ** 3, (x / 2) * e + 3 * y * z * z),
  };
};
function smoothHessian([x, y, z]: number[]): number[][] {
  const e = Math.exp((x * z) / 2);
  const hxz = e / 2 + ((x * z) / 4) * e;
  return [
    [-Math.sin(x) * y * y + ((z * z) / 4) * e, 2 * Math.cos(x) * y, hxz],
    [2 * Math.cos(x) * y, 2 * Math.sin(x), 3 * z * z],
    [hxz, 3 * z * z, ((x * x) / 4) * e + 6 * y * z],
  ];
}

/** f = x² − y² + y⁴/4: a saddle at (0, 0) (Hessian eigenvalues 2, −2), minima at (0, ±√2). */
const saddle: Objective = ([x, y]) => ({
  loss: x * x - y * y + y ** 4 / 4,
  grad: Float64Array.of(2 * x, -2 * y + y ** 3),
});

const rosenbrock: Objective = ([a, b]) => ({
  loss: (1 - a) ** 2 + 100 * (b - a * a) ** 2,
  grad: Float64Array.of(-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)),
});

const maxErr = (H: Float64Array, ref: number[][]) =>
  Math.max(...ref.flatMap((r, i) => r.map((v, j) => Math.abs(H[i * 3 + j] - v))));

describe('hessianFD', () => {
  const x = Float64Array.of(0.7, -1.3, 0.9);
  it('is accurate to ~1e-10 with float64 gradients (h = 1e-5), and symmetric', async () => {
    const H = await hessianFD(smooth, x);
    expect(maxErr(H, smoothHessian([...x]))).toBeLessThan(1e-8);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) expect(H[i * 3 + j]).toBe(H[j * 3 + i]);
  });

  it('needs h ≈ 1e-2.5 when gradients are float32 (rounding error ε/h dominates at 1e-5)', async () => {
    const f32: Objective = (p) => {
      const e = smooth(p) as { loss: number; grad: Float64Array };
      return { loss: Math.fround(e.loss), grad: e.grad.map(Math.fround) };
    };
    const ref = smoothHessian([...x]);
    const good = maxErr(await hessianFD(f32, x, 10 ** -2.5), ref);
    const bad = maxErr(await hessianFD(f32, x, 1e-5), ref);
    expect(good).toBeLessThan(1e-4);
    expect(bad).toBeGreaterThan(good);
  });
});

describe('Newton', () => {
  it('undamped: converges to the saddle of x² − y² + y⁴/4 and reports its negative eigenvalue', async () => {
    const r = await newton(saddle, [0.3, 0.2]);
    expect(r.stop).toBe('gtol');
    expect(Math.hypot(r.x[0], r.x[1])).toBeLessThan(1e-10);
    expect(r.history.every((it) => it.lambdaMin < 0)).toBe(true);
    expect(r.eigenvalues[0]).toBeCloseTo(2, 6);
    expect(r.eigenvalues[1]).toBeCloseTo(-2, 6);
    expect(r.iterations).toBeLessThanOrEqual(6); // quadratic convergence
  });

  it('gradient descent from the same point escapes the saddle to a minimum', () => {
    const x = [0.3, 0.2];
    for (let k = 0; k < 500; k++) {
      const g = (saddle(Float64Array.from(x)) as { grad: Float64Array }).grad;
      x[0] -= 0.1 * g[0];
      x[1] -= 0.1 * g[1];
    }
    expect(x[0]).toBeCloseTo(0, 8);
    expect(x[1]).toBeCloseTo(Math.SQRT2, 8);
  });

  it('Levenberg–Marquardt: escapes the saddle to the minimum (0, √2), positive eigenvalues', async () => {
    const r = await newton(saddle, [0.3, 0.2], { damping: 'lm' });
    expect(r.stop).toBe('gtol');
    expect(r.x[0]).toBeCloseTo(0, 8);
    expect(r.x[1]).toBeCloseTo(Math.SQRT2, 8);
    expect(r.loss).toBeCloseTo(-1, 12);
    expect(r.eigenvalues[0]).toBeCloseTo(4, 6);
    expect(r.eigenvalues[1]).toBeCloseTo(2, 6);
    expect(r.history[0].lambdaMin).toBeLessThan(0);
    expect(r.history[0].mu).toBeGreaterThan(-r.history[0].lambdaMin);
  });

  it('Levenberg–Marquardt solves Rosenbrock from (−1.2, 1); the final steps are Newton steps (μ → 0)', async () => {
    const r = await newton(rosenbrock, [-1.2, 1], { damping: 'lm' });
    expect(r.stop).toBe('gtol');
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-9); // ‖g‖∞ ≤ 1e-10 and λ_min(H*) ≈ 0.4
    expect(Math.abs(r.x[1] - 1)).toBeLessThan(1e-9);
    expect(r.iterations).toBeLessThan(40); // measured 24
    expect(r.history[r.history.length - 1].mu).toBeLessThan(1e-3);
    expect(r.eigenvalues[1]).toBeGreaterThan(0);
  });

  it('refuses problems above maxParams', async () => {
    await expect(newton(saddle, [0, 0], { maxParams: 1 })).rejects.toThrow(/maxParams/);
  });
});
