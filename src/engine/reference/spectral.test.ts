import { describe, expect, it } from 'vitest';
import { complexArray, RealFft } from './fft';
import { pseudoSpectral, SeriesSampler, tabulate, wavenumbers } from './spectral';

/** Half spectrum of g sampled on n nodes of [a, a + P). */
function spectrumOf(g: (x: number) => number, n: number, a: number, P: number) {
  const fft = new RealFft(n);
  const v = complexArray(fft.modes);
  fft.forward(
    Float64Array.from({ length: n }, (_, j) => g(a + (P * j) / n)),
    v,
  );
  return { fft, v };
}

describe('spectral building blocks', () => {
  const a = -1,
    P = 2,
    n = 32;
  // u = sin(πx) + 0.3 cos(3πx); derivatives 0–4 in closed form (scale ≤ 25π^m)
  const u = (x: number) => Math.sin(Math.PI * x) + 0.3 * Math.cos(3 * Math.PI * x);
  const d = [
    u,
    (x: number) => Math.PI * Math.cos(Math.PI * x) - 0.9 * Math.PI * Math.sin(3 * Math.PI * x),
    (x: number) => -(Math.PI ** 2) * Math.sin(Math.PI * x) - 2.7 * Math.PI ** 2 * Math.cos(3 * Math.PI * x),
    (x: number) => -(Math.PI ** 3) * Math.cos(Math.PI * x) + 8.1 * Math.PI ** 3 * Math.sin(3 * Math.PI * x),
    (x: number) => Math.PI ** 4 * Math.sin(Math.PI * x) + 24.3 * Math.PI ** 4 * Math.cos(3 * Math.PI * x),
  ];

  it('wavenumbers are 2πk/P', () => {
    expect(Array.from(wavenumbers(8, 2))).toEqual([0, Math.PI, 2 * Math.PI, 3 * Math.PI, 4 * Math.PI]);
  });

  it('the sampler evaluates the interpolant and its derivatives 0–4 off the nodes', () => {
    const { v } = spectrumOf(u, n, a, P);
    const xs = [-0.97, -0.31, 0.05, 0.5, 0.999];
    const s = new SeriesSampler(n, P, a, xs);
    for (let m = 0; m <= 4; m++) {
      const got = s.sample(v, m);
      xs.forEach((x, i) => expect(Math.abs(got[i] - d[m](x)) / (25 * Math.PI ** m)).toBeLessThan(1e-12));
    }
  });

  it('the Nyquist mode is interpolated as a cosine and dropped by odd derivatives', () => {
    const g = (x: number) => Math.cos(16 * Math.PI * (x - a));
    const { v } = spectrumOf(g, n, a, P);
    const xs = [-0.9, 0.013];
    const s = new SeriesSampler(n, P, a, xs);
    xs.forEach((x, i) => expect(s.sample(v, 0)[i]).toBeCloseTo(g(x), 12));
    xs.forEach((_x, i) => expect(s.sample(v, 1)[i]).toBe(0));
  });

  it('tabulate keeps only the real part of a symbol at the Nyquist mode', () => {
    const t = tabulate((k) => [-k * k, k], 8, 2);
    expect(t.re[4]).toBeCloseTo(-16 * Math.PI ** 2, 10);
    expect(t.im[4]).toBe(0);
    expect(t.im[1]).toBeCloseTo(Math.PI, 14);
  });

  it('pseudoSpectral(−iκ, u²/2) is −u u_x for a resolved u', () => {
    const { fft, v } = spectrumOf(u, n, a, P);
    const out = complexArray(fft.modes);
    pseudoSpectral(
      fft,
      tabulate((k) => [0, -k], n, P),
      (w) => 0.5 * w * w,
    )(v, out);
    const xs = [-0.4, 0.2, 0.77];
    const got = new SeriesSampler(n, P, a, xs).sample(out);
    xs.forEach((x, i) => expect(got[i]).toBeCloseTo(-u(x) * d[1](x), 10));
  });
});
