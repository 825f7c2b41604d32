import { describe, expect, it } from 'vitest';
import { Etdrk4, etdrk4Coefficients } from './etdrk4';
import { complexArray, type Complex } from './fft';

const one = (re: number, im = 0): Complex => ({ re: Float64Array.of(re), im: Float64Array.of(im) });

/** Closed forms (accurate away from z = 0), complex, for the coefficient check. */
function closedForms(z: [number, number]) {
  const c = (re: number, im = 0) => ({ re, im });
  type Z = { re: number; im: number };
  const add = (a: Z, b: Z) => c(a.re + b.re, a.im + b.im);
  const mul = (a: Z, b: Z) => c(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re);
  const div = (a: Z, b: Z) => {
    const d = b.re ** 2 + b.im ** 2;
    return c((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
  };
  const exp = (a: Z) => c(Math.exp(a.re) * Math.cos(a.im), Math.exp(a.re) * Math.sin(a.im));
  const w = c(z[0], z[1]);
  const e = exp(w),
    w2 = mul(w, w),
    w3 = mul(w2, w);
  return {
    q: div(add(exp(mul(c(0.5), w)), c(-1)), w),
    f1: div(add(add(c(-4), mul(c(-1), w)), mul(e, add(add(c(4), mul(c(-3), w)), w2))), w3),
    f2: div(add(add(c(2), w), mul(e, add(c(-2), w))), w3),
    f3: div(add(add(add(c(-4), mul(c(-3), w)), mul(c(-1), w2)), mul(e, add(c(4), mul(c(-1), w)))), w3),
  };
}

describe('ETDRK4 coefficients (contour integrals)', () => {
  it('match the closed forms where those are accurate (real, imaginary, complex z)', () => {
    for (const z of [
      [-7, 0],
      [3, 0],
      [0, 40],
      [-2.5, 6],
    ] as [number, number][]) {
      const h = 0.1;
      const got = etdrk4Coefficients(one(z[0] / h, z[1] / h), h);
      const want = closedForms(z);
      for (const key of ['q', 'f1', 'f2', 'f3'] as const) {
        const g = { re: got[key].re[0] / h, im: got[key].im[0] / h };
        const scale = Math.max(1e-3, Math.hypot(want[key].re, want[key].im));
        expect(Math.hypot(g.re - want[key].re, g.im - want[key].im) / scale, `${key} at ${z}`).toBeLessThan(1e-12);
      }
    }
  });
  it('match the Taylor series near z = 0, where the closed forms cancel catastrophically', () => {
    // q = 1/2 + z/8 + z²/48, f1 = 1/6 + z/6 + 3z²/40, f2 = 1/6 + z/12 + z²/40, f3 = 1/6 − z²/120 (+ O(z³))
    for (const z of [0, 1e-4, -1e-4]) {
      const c = etdrk4Coefficients(one(z), 1);
      expect(Math.abs(c.q.re[0] - (0.5 + z / 8 + (z * z) / 48))).toBeLessThan(1e-12);
      expect(Math.abs(c.f1.re[0] - (1 / 6 + z / 6 + (3 * z * z) / 40))).toBeLessThan(1e-12);
      expect(Math.abs(c.f2.re[0] - (1 / 6 + z / 12 + (z * z) / 40))).toBeLessThan(1e-12);
      expect(Math.abs(c.f3.re[0] - (1 / 6 - (z * z) / 120))).toBeLessThan(1e-12);
      expect(Math.abs(c.q.im[0]) + Math.abs(c.f1.im[0]) + Math.abs(c.f2.im[0]) + Math.abs(c.f3.im[0])).toBeLessThan(
        1e-15,
      );
    }
  });
});

describe('ETDRK4 stepper', () => {
  it('is exact for a linear problem with a stiff complex symbol', () => {
    const L = one(-300, 2000);
    const stepper = new Etdrk4(
      L,
      (_v, out) => {
        out.re[0] = 0;
        out.im[0] = 0;
      },
      0.01,
    );
    const v = one(1, 0);
    for (let s = 0; s < 5; s++) stepper.step(v);
    const m = Math.exp(-300 * 0.05);
    expect(Math.abs(v.re[0] - m * Math.cos(100)) + Math.abs(v.im[0] - m * Math.sin(100))).toBeLessThan(1e-15);
  });

  it('converges at fourth order on v′ = λv − v² (exact logistic solution)', () => {
    // v(t) = λ v0 e^{λt} / (λ + v0 (e^{λt} − 1)), a Bernoulli equation.
    const lam = -20,
      v0 = 1.5,
      T = 1;
    const exact = (lam * v0 * Math.exp(lam * T)) / (lam + v0 * (Math.exp(lam * T) - 1));
    const errAt = (steps: number) => {
      const N = (v: Complex, out: Complex) => {
        out.re[0] = -(v.re[0] ** 2 - v.im[0] ** 2);
        out.im[0] = -2 * v.re[0] * v.im[0];
      };
      const stepper = new Etdrk4(one(lam), N, T / steps);
      const v = complexArray(1);
      v.re[0] = v0;
      for (let s = 0; s < steps; s++) stepper.step(v);
      return Math.abs(v.re[0] - exact) / Math.abs(exact);
    };
    // measured: 4.9e-4, 3.0e-5, 1.8e-6, 1.1e-7 for 20, 40, 80, 160 steps
    const e = [20, 40, 80, 160].map(errAt);
    for (let i = 1; i < e.length; i++) expect(Math.log2(e[i - 1] / e[i])).toBeGreaterThan(3.8);
    expect(e[3]).toBeLessThan(2e-7);
  });
});
