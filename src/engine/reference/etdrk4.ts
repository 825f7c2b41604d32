import { complexArray, type Complex } from './fft';

/**
 * Exponential time differencing with a fourth-order Runge–Kutta stage structure (ETDRK4) for
 * diagonal semilinear systems v̂' = L ⊙ v̂ + N(v̂), after Cox & Matthews (J. Comput. Phys. 176,
 * 2002) with the contour-integral evaluation of the φ-functions of Kassam & Trefethen ("Fourth-
 * order time-stepping for stiff PDEs", SIAM J. Sci. Comput. 26, 2005). The linear part (the
 * stiff one: diffusion, dispersion, hyperdiffusion) is integrated exactly; L may be complex
 * (dispersion gives imaginary symbols), so the contour is the full circle and no real part is
 * taken — Kassam–Trefethen's half-circle + Re shortcut is valid only for real L.
 */

/** The nonlinear term: writes N(v̂) into `out` (half spectra, see `RealFft`). */
export type Nonlinear = (v: Complex, out: Complex) => void;

/** Per-mode ETDRK4 coefficients for step h (all complex, one entry per mode). */
export interface Etdrk4Coefficients {
  /** e^{hL} and e^{hL/2}. */
  e: Complex;
  e2: Complex;
  /** h (e^{z/2} − 1)/z with z = hL. */
  q: Complex;
  /** h (−4 − z + e^z (4 − 3z + z²))/z³, h (2 + z + e^z (z − 2))/z³, h (−4 − 3z − z² + e^z (4 − z))/z³. */
  f1: Complex;
  f2: Complex;
  f3: Complex;
}

type C = [number, number];
const add = (a: C, b: C): C => [a[0] + b[0], a[1] + b[1]];
const mul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
const div = (a: C, b: C): C => {
  const d = b[0] * b[0] + b[1] * b[1];
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
};
const exp = (a: C): C => {
  const m = Math.exp(a[0]);
  return [m * Math.cos(a[1]), m * Math.sin(a[1])];
};
const scale = (s: number, a: C): C => [s * a[0], s * a[1]];

/**
 * The coefficients for linear symbol L and step h. Each φ-type function g(z), whose closed
 * form cancels catastrophically near z = 0, is evaluated as the mean of g over M points on
 * the unit circle around z (Cauchy's integral formula, trapezoid rule, exponentially
 * accurate in M); M = 64 matches the closed forms and the Taylor series to ~1e-13 (tested).
 */
export function etdrk4Coefficients(L: Complex, h: number, contourPoints = 64): Etdrk4Coefficients {
  const m = L.re.length;
  const out: Etdrk4Coefficients = {
    e: complexArray(m),
    e2: complexArray(m),
    q: complexArray(m),
    f1: complexArray(m),
    f2: complexArray(m),
    f3: complexArray(m),
  };
  const set = (arr: Complex, k: number, v: C) => {
    arr.re[k] = v[0];
    arr.im[k] = v[1];
  };
  const roots: C[] = Array.from({ length: contourPoints }, (_, j) =>
    exp([0, (2 * Math.PI * (j + 0.5)) / contourPoints]),
  );
  for (let k = 0; k < m; k++) {
    const z: C = [h * L.re[k], h * L.im[k]];
    set(out.e, k, exp(z));
    set(out.e2, k, exp(scale(0.5, z)));
    let q: C = [0, 0],
      f1: C = [0, 0],
      f2: C = [0, 0],
      f3: C = [0, 0];
    for (const r of roots) {
      const w = add(z, r);
      const ew = exp(w);
      const w2 = mul(w, w);
      const w3 = mul(w2, w);
      q = add(q, div(add(exp(scale(0.5, w)), [-1, 0]), w));
      f1 = add(f1, div(add(add([-4, 0], scale(-1, w)), mul(ew, add(add([4, 0], scale(-3, w)), w2))), w3));
      f2 = add(f2, div(add(add([2, 0], w), mul(ew, add([-2, 0], w))), w3));
      f3 = add(f3, div(add(add(add([-4, 0], scale(-3, w)), scale(-1, w2)), mul(ew, add([4, 0], scale(-1, w)))), w3));
    }
    const s = h / contourPoints;
    set(out.q, k, scale(s, q));
    set(out.f1, k, scale(s, f1));
    set(out.f2, k, scale(s, f2));
    set(out.f3, k, scale(s, f3));
  }
  return out;
}

/** out = a ⊙ x + b ⊙ y (complex, per mode); `b` may be null to drop the second term. */
function affine(out: Complex, a: Complex, x: Complex, b: Complex | null, y: Complex | null): void {
  for (let k = 0; k < out.re.length; k++) {
    let r = a.re[k] * x.re[k] - a.im[k] * x.im[k];
    let i = a.re[k] * x.im[k] + a.im[k] * x.re[k];
    if (b && y) {
      r += b.re[k] * y.re[k] - b.im[k] * y.im[k];
      i += b.re[k] * y.im[k] + b.im[k] * y.re[k];
    }
    out.re[k] = r;
    out.im[k] = i;
  }
}

/**
 * A fixed-step ETDRK4 integrator (Cox–Matthews stages, Kassam–Trefethen eq. 2.5):
 *   a = e^{hL/2} v + Q N(v),  b = e^{hL/2} v + Q N(a),  c = e^{hL/2} a + Q (2N(b) − N(v)),
 *   v ← e^{hL} v + f1 N(v) + 2 f2 (N(a) + N(b)) + f3 N(c).
 * Fourth order in h for smooth N; four evaluations of N per step.
 */
export class Etdrk4 {
  readonly coef: Etdrk4Coefficients;
  private readonly nv: Complex;
  private readonly na: Complex;
  private readonly nb: Complex;
  private readonly nc: Complex;
  private readonly a: Complex;
  private readonly b: Complex;
  private readonly c: Complex;

  constructor(
    L: Complex,
    private readonly nonlinear: Nonlinear,
    readonly h: number,
    contourPoints = 64,
  ) {
    this.coef = etdrk4Coefficients(L, h, contourPoints);
    const m = L.re.length;
    [this.nv, this.na, this.nb, this.nc, this.a, this.b, this.c] = Array.from({ length: 7 }, () => complexArray(m));
  }

  /** Advance v̂ by one step h, in place. */
  step(v: Complex): void {
    const { coef, nv, na, nb, nc, a, b, c } = this;
    const N = this.nonlinear;
    N(v, nv);
    affine(a, coef.e2, v, coef.q, nv);
    N(a, na);
    affine(b, coef.e2, v, coef.q, na);
    N(b, nb);
    for (let k = 0; k < nb.re.length; k++) {
      c.re[k] = 2 * nb.re[k] - nv.re[k];
      c.im[k] = 2 * nb.im[k] - nv.im[k];
    }
    affine(c, coef.q, c, coef.e2, a);
    N(c, nc);
    for (let k = 0; k < na.re.length; k++) {
      na.re[k] = 2 * (na.re[k] + nb.re[k]);
      na.im[k] = 2 * (na.im[k] + nb.im[k]);
    }
    affine(a, coef.e, v, coef.f1, nv);
    affine(b, coef.f2, na, coef.f3, nc);
    for (let k = 0; k < v.re.length; k++) {
      v.re[k] = a.re[k] + b.re[k];
      v.im[k] = a.im[k] + b.im[k];
    }
  }
}
