/**
 * Float64 fast Fourier transforms for the spectral reference solvers (pure TypeScript, no
 * tfjs, no dependency; runs in a worker and in Node).
 *
 * `RealFft` maps n real samples to the n/2 + 1 non-negative-frequency coefficients
 * X_k = Σ_j x_j e^{−2πi jk/n} (the rest follow by Hermitian symmetry X_{n−k} = conj X_k) and
 * back, by packing the even/odd samples into one complex sequence of length n/2 (the classic
 * "two real FFTs for one complex" split, e.g. Press et al., Numerical Recipes §12.3) and an
 * iterative radix-2 Cooley–Tukey transform with precomputed twiddles and bit reversal.
 */

/** A complex array as separate real and imaginary parts of equal length. */
export interface Complex {
  re: Float64Array;
  im: Float64Array;
}

/** A zeroed complex array of length n. */
export function complexArray(n: number): Complex {
  return { re: new Float64Array(n), im: new Float64Array(n) };
}

/** In-place radix-2 complex FFT of a fixed power-of-two length m. */
class ComplexFft {
  private readonly rev: Uint32Array;
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;

  constructor(readonly m: number) {
    const bits = Math.round(Math.log2(m));
    this.rev = new Uint32Array(m);
    for (let i = 0; i < m; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.rev[i] = r;
    }
    this.cos = new Float64Array(m / 2);
    this.sin = new Float64Array(m / 2);
    for (let k = 0; k < m / 2; k++) {
      this.cos[k] = Math.cos((2 * Math.PI * k) / m);
      this.sin[k] = Math.sin((2 * Math.PI * k) / m);
    }
  }

  /** z ← Σ_j z_j e^{∓2πi jk/m} (sign −1 forward, +1 inverse; no 1/m scaling). */
  transform(re: Float64Array, im: Float64Array, sign: -1 | 1): void {
    const { m, rev, cos, sin } = this;
    for (let i = 0; i < m; i++) {
      const j = rev[i];
      if (j > i) {
        let t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (let size = 2; size <= m; size <<= 1) {
      const half = size >> 1;
      const stride = m / size;
      for (let start = 0; start < m; start += size) {
        for (let k = 0; k < half; k++) {
          const wr = cos[k * stride];
          const wi = sign * sin[k * stride];
          const a = start + k;
          const b = a + half;
          const tr = re[b] * wr - im[b] * wi;
          const ti = re[b] * wi + im[b] * wr;
          re[b] = re[a] - tr;
          im[b] = im[a] - ti;
          re[a] += tr;
          im[a] += ti;
        }
      }
    }
  }
}

/** Real-input FFT of a fixed power-of-two length n ≥ 4 (see the module comment). */
export class RealFft {
  /** Number of coefficients n/2 + 1 in a half spectrum. */
  readonly modes: number;
  private readonly half: ComplexFft;
  private readonly zr: Float64Array;
  private readonly zi: Float64Array;
  private readonly wr: Float64Array;
  private readonly wi: Float64Array;

  constructor(readonly n: number) {
    if (!(n >= 4 && Number.isInteger(Math.log2(n))))
      throw new Error(`RealFft: n must be a power of two ≥ 4 (got ${n})`);
    const h = n / 2;
    this.modes = h + 1;
    this.half = new ComplexFft(h);
    this.zr = new Float64Array(h);
    this.zi = new Float64Array(h);
    // w^k = e^{−2πik/n}, k = 0..n/2
    this.wr = new Float64Array(h + 1);
    this.wi = new Float64Array(h + 1);
    for (let k = 0; k <= h; k++) {
      this.wr[k] = Math.cos((2 * Math.PI * k) / n);
      this.wi[k] = -Math.sin((2 * Math.PI * k) / n);
    }
  }

  /**
   * X_k = Σ_j x_j e^{−2πi jk/n} for k = 0..n/2 into `out` (length n/2 + 1). With z_j =
   * x_{2j} + i x_{2j+1} and Z = FFT_{n/2}(z): E_k = (Z_k + conj Z_{h−k})/2, O_k = (Z_k −
   * conj Z_{h−k})/(2i) are the transforms of the even and odd samples, X_k = E_k + w^k O_k.
   */
  forward(x: Float64Array, out: Complex): void {
    const { zr, zi, wr, wi } = this;
    const h = this.n / 2;
    for (let j = 0; j < h; j++) {
      zr[j] = x[2 * j];
      zi[j] = x[2 * j + 1];
    }
    this.half.transform(zr, zi, -1);
    for (let k = 0; k <= h; k++) {
      const a = k % h;
      const b = (h - k) % h;
      const er = 0.5 * (zr[a] + zr[b]);
      const ei = 0.5 * (zi[a] - zi[b]);
      const or = 0.5 * (zi[a] + zi[b]);
      const oi = -0.5 * (zr[a] - zr[b]);
      out.re[k] = er + wr[k] * or - wi[k] * oi;
      out.im[k] = ei + wr[k] * oi + wi[k] * or;
    }
  }

  /**
   * x_j = (1/n) Σ_{k=0}^{n−1} X_k e^{2πi jk/n} from the half spectrum (Hermitian extension;
   * the imaginary parts of X_0 and X_{n/2} are ignored). Inverts `forward`: E_k = (X_k +
   * conj X_{h−k})/2, O_k = (X_k − conj X_{h−k}) conj(w^k)/2, z = IFFT_{n/2}(E + iO).
   */
  inverse(spec: Complex, x: Float64Array): void {
    const { zr, zi, wr, wi } = this;
    const h = this.n / 2;
    for (let k = 0; k < h; k++) {
      const xr = spec.re[k],
        xi = k === 0 ? 0 : spec.im[k];
      const yr = spec.re[h - k],
        yi = k === 0 ? 0 : -spec.im[h - k]; // conj X_{h−k}
      const er = 0.5 * (xr + yr),
        ei = 0.5 * (xi + yi);
      const dr = 0.5 * (xr - yr),
        di = 0.5 * (xi - yi);
      const or = dr * wr[k] + di * wi[k]; // (d) · conj(w^k)
      const oi = di * wr[k] - dr * wi[k];
      zr[k] = er - oi;
      zi[k] = ei + or;
    }
    this.half.transform(zr, zi, 1);
    const s = 1 / h;
    for (let j = 0; j < h; j++) {
      x[2 * j] = zr[j] * s;
      x[2 * j + 1] = zi[j] * s;
    }
  }
}
