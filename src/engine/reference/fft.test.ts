import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { complexArray, RealFft } from './fft';

/** The O(n²) DFT X_k = Σ_j x_j e^{−2πi jk/n}, k = 0..n/2, as the independent reference. */
function naiveDft(x: Float64Array): { re: number[]; im: number[] } {
  const n = x.length;
  const re: number[] = [],
    im: number[] = [];
  for (let k = 0; k <= n / 2; k++) {
    let r = 0,
      i = 0;
    for (let j = 0; j < n; j++) {
      r += x[j] * Math.cos((2 * Math.PI * j * k) / n);
      i -= x[j] * Math.sin((2 * Math.PI * j * k) / n);
    }
    re.push(r);
    im.push(i);
  }
  return { re, im };
}

describe('RealFft', () => {
  for (const n of [4, 8, 64, 512]) {
    it(`n = ${n}: forward matches the naive DFT and inverse recovers the samples`, () => {
      const rng = createRng(n);
      const x = Float64Array.from({ length: n }, () => rng.uniform(-1, 1));
      const fft = new RealFft(n);
      const X = complexArray(fft.modes);
      fft.forward(x, X);
      const want = naiveDft(x);
      for (let k = 0; k <= n / 2; k++) {
        expect(Math.abs(X.re[k] - want.re[k])).toBeLessThan(1e-12 * n);
        expect(Math.abs(X.im[k] - want.im[k])).toBeLessThan(1e-12 * n);
      }
      const back = new Float64Array(n);
      fft.inverse(X, back);
      for (let j = 0; j < n; j++) expect(Math.abs(back[j] - x[j])).toBeLessThan(1e-14 * n);
    });
  }
  it('inverse of a single mode is the cosine (1/n normalisation, Hermitian extension)', () => {
    const n = 16;
    const fft = new RealFft(n);
    const X = complexArray(fft.modes);
    X.re[3] = n / 2; // cos(2π·3j/n) = (e^{+} + e^{−})/2
    const x = new Float64Array(n);
    fft.inverse(X, x);
    for (let j = 0; j < n; j++) expect(x[j]).toBeCloseTo(Math.cos((2 * Math.PI * 3 * j) / n), 14);
  });
  it('rejects lengths that are not powers of two', () => {
    expect(() => new RealFft(12)).toThrow(/power of two/);
  });
});
