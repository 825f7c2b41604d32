import { complexArray, type Complex, type RealFft } from './fft';

/**
 * Fourier pseudo-spectral building blocks on a periodic interval [a, a + P) with n equispaced
 * nodes x_j = a + jP/n. A real function is held as its half spectrum û_k (k = 0..n/2, the
 * unnormalised DFT of the nodal values, see `RealFft`) with wavenumbers κ_k = 2πk/P, so that
 * u(x) = (1/n) Σ_k c_k û_k e^{iκ_k (x − a)} with c_0 = c_{n/2} = 1 and c_k = 2 Re(·) otherwise.
 */

/** A complex symbol σ(κ) of a constant-coefficient operator, e.g. ∂_x ↦ iκ. */
export type Symbol = (kappa: number) => [number, number];

/** Wavenumbers κ_k = 2πk/P of the half spectrum (k = 0..n/2). */
export function wavenumbers(n: number, period: number): Float64Array {
  return Float64Array.from({ length: n / 2 + 1 }, (_, k) => (2 * Math.PI * k) / period);
}

/**
 * σ(κ_k) tabulated on the half spectrum. At the Nyquist mode k = n/2 only the real part is
 * kept: e^{iκx} and e^{−iκx} coincide on the grid there, so an odd symbol (iκ, iκ³) must act
 * as 0 for the result to stay real (Trefethen, Spectral Methods in MATLAB, ch. 3).
 */
export function tabulate(symbol: Symbol, n: number, period: number): Complex {
  const kap = wavenumbers(n, period);
  const out = complexArray(kap.length);
  kap.forEach((k, i) => {
    const [re, im] = symbol(k);
    out.re[i] = re;
    out.im[i] = i === n / 2 ? 0 : im;
  });
  return out;
}

/**
 * The pseudo-spectral nonlinear term N̂(v̂) = σ ⊙ F[f(F⁻¹ v̂)]: transform to the nodes, apply
 * the pointwise function f, transform back and multiply by the symbol σ (e.g. σ = −iκ,
 * f = u²/2 gives −(u²/2)_x = −u u_x). No dealiasing, as in Kassam & Trefethen (2005).
 * Returns a callback writing into its second argument; it owns its scratch buffers.
 */
export function pseudoSpectral(
  fft: RealFft,
  sigma: Complex,
  f: (u: number) => number,
): (v: Complex, out: Complex) => void {
  const u = new Float64Array(fft.n);
  return (v, out) => {
    fft.inverse(v, u);
    for (let j = 0; j < u.length; j++) u[j] = f(u[j]);
    fft.forward(u, out);
    for (let k = 0; k < out.re.length; k++) {
      const r = out.re[k],
        i = out.im[k];
      out.re[k] = sigma.re[k] * r - sigma.im[k] * i;
      out.im[k] = sigma.re[k] * i + sigma.im[k] * r;
    }
  };
}

/**
 * Evaluates the trigonometric interpolant of a half spectrum (and its x-derivatives) at
 * arbitrary points: ∂_x^m u(x) = (1/n) Σ_k c_k (iκ_k)^m û_k e^{iκ_k(x − a)}. The Nyquist term
 * is taken as the real, symmetric cos(κ_{n/2}(x − a)) so the interpolant is real and passes
 * through the nodes. Tables of cos/sin are built once per (n, points): cost O(points · n).
 */
export class SeriesSampler {
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;
  private readonly kap: Float64Array;
  private readonly modes: number;

  constructor(
    readonly n: number,
    readonly period: number,
    readonly a: number,
    readonly xs: ArrayLike<number>,
  ) {
    this.kap = wavenumbers(n, period);
    this.modes = n / 2 + 1;
    this.cos = new Float64Array(xs.length * this.modes);
    this.sin = new Float64Array(xs.length * this.modes);
    for (let p = 0; p < xs.length; p++) {
      for (let k = 0; k < this.modes; k++) {
        const th = this.kap[k] * (xs[p] - a);
        this.cos[p * this.modes + k] = Math.cos(th);
        this.sin[p * this.modes + k] = Math.sin(th);
      }
    }
  }

  /** ∂_x^order u at every point, written into `out` (default a new Float64Array). */
  sample<T extends Float64Array | Float32Array>(
    v: Complex,
    order = 0,
    out: T = new Float64Array(this.xs.length) as T,
  ): T {
    const { modes, kap, cos, sin, n } = this;
    // (iκ)^m = κ^m i^m: rotate û by i^m and scale by κ^m; the Nyquist term keeps its real part only.
    const wr = new Float64Array(modes);
    const wi = new Float64Array(modes);
    const rot = [
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, -1],
    ][order % 4];
    for (let k = 0; k < modes; k++) {
      const s = ((k === 0 || k === modes - 1 ? 1 : 2) * kap[k] ** order) / n;
      const r = v.re[k] * rot[0] - v.im[k] * rot[1];
      const i = v.re[k] * rot[1] + v.im[k] * rot[0];
      wr[k] = s * r;
      wi[k] = k === modes - 1 ? 0 : s * i;
    }
    if (order % 2 === 1) {
      wr[modes - 1] = 0;
    }
    for (let p = 0; p < this.xs.length; p++) {
      let acc = 0;
      const off = p * modes;
      for (let k = 0; k < modes; k++) acc += wr[k] * cos[off + k] - wi[k] * sin[off + k];
      out[p] = acc;
    }
    return out;
  }
}
