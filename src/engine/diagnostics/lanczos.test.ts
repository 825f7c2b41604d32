import { describe, expect, it } from 'vitest';
import { gramSchmidt } from '../optim/reference64';
import { createRng } from '../rng';
import { extremeEigenpairs } from './lanczos';

/** A = Q diag(d) Qᵀ (row-major, float64) for a seeded random orthogonal Q, and its eigenvectors. */
function known(d: number[], seed: number) {
  const rng = createRng(seed);
  const q = gramSchmidt(d.map(() => d.map(() => rng.normal()))); // rows orthonormal
  const n = d.length;
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) a[i * n + j] += q[k][i] * d[k] * q[k][j];
  const apply = (v: Float64Array) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i] += a[i * n + j] * v[j];
    return out;
  };
  return { apply, eigvec: (k: number) => q[k] };
}

const absCos = (u: ArrayLike<number>, v: ArrayLike<number>) => {
  let uv = 0,
    uu = 0,
    vv = 0;
  for (let i = 0; i < u.length; i++) {
    uv += u[i] * v[i];
    uu += u[i] ** 2;
    vv += v[i] ** 2;
  }
  return Math.abs(uv) / Math.sqrt(uu * vv);
};

describe('Lanczos extreme eigenpairs', () => {
  it('finds 8 and −50 for [−50, 8, 1, 0.5, −3] (power iteration gave 4.67), with eigenvectors', async () => {
    const d = [-50, 8, 1, 0.5, -3];
    const { apply, eigvec } = known(d, 11);
    const r = await extremeEigenpairs(apply, 5, { rng: createRng(2) });
    expect(r.top.value).toBeCloseTo(8, 9);
    expect(r.bottom.value).toBeCloseTo(-50, 9);
    expect(r.top.converged && r.bottom.converged).toBe(true);
    expect(absCos(r.top.vector, eigvec(1))).toBeCloseTo(1, 9);
    expect(absCos(r.bottom.vector, eigvec(0))).toBeCloseTo(1, 9);
  });

  it('converges at both ends of a 300-dim spectrum of both signs in fewer products than dimensions', async () => {
    // a dense bulk in [−3, 8] with the extremes −50 and 12 separated from it
    const rng = createRng(5);
    const d = [-50, 12, ...Array.from({ length: 298 }, () => rng.uniform(-3, 8))];
    const { apply, eigvec } = known(d, 7);
    const r = await extremeEigenpairs(apply, 300, { maxIters: 80, tol: 1e-8, rng: createRng(3) });
    expect(r.iters).toBeLessThan(80);
    expect(r.top.value).toBeCloseTo(12, 6);
    expect(r.bottom.value).toBeCloseTo(-50, 6);
    expect(r.top.converged && r.bottom.converged).toBe(true);
    expect(absCos(r.top.vector, eigvec(1))).toBeGreaterThan(1 - 1e-8);
    expect(absCos(r.bottom.vector, eigvec(0))).toBeGreaterThan(1 - 1e-8);
    // the reported residual is the true one ‖A y − θ y‖
    const ay = apply(r.top.vector);
    const true_ = Math.sqrt(ay.reduce((s, x, i) => s + (x - r.top.value * r.top.vector[i]) ** 2, 0));
    expect(Math.abs(true_ - r.top.residual)).toBeLessThan(1e-7);
  });

  it('says when it has not converged', async () => {
    const rng = createRng(8);
    const d = Array.from({ length: 200 }, () => rng.uniform(-1, 1)); // no gaps at the ends
    const { apply } = known(d, 9);
    const r = await extremeEigenpairs(apply, 200, { maxIters: 4, tol: 1e-6, rng: createRng(1) });
    expect(r.iters).toBe(4);
    expect(r.top.converged).toBe(false);
    expect(r.top.residual).toBeGreaterThan(1e-6);
  });
});
