import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { matMul, qrQ, symEig } from './linalg';
import { flat, fromFlat, gramSchmidt, jacobiEigh, maxAbsDiff, mul, transpose, type Mat } from './reference64';

const rng = createRng(7);
const randn = (m: number, n: number): Mat =>
  Array.from({ length: m }, () => Array.from({ length: n }, () => rng.normal()));
const sym = (b: Mat): Mat => mul(b, transpose(b));
const maxOf = (xs: number[]): number => xs.reduce((m, x) => Math.max(m, x), 0);

/** ‖VᵀV − I‖_max and ‖AV − VΛ‖_max / ‖A‖_max for a decomposition of a. */
function residuals(a: Mat, values: ArrayLike<number>, vectors: Float64Array) {
  const n = a.length;
  const v = fromFlat(vectors, n, n);
  const vtv = mul(transpose(v), v);
  const orth = maxOf(vtv.flatMap((r, i) => r.map((x, j) => Math.abs(x - (i === j ? 1 : 0)))));
  const av = mul(a, v);
  const scale = Math.max(1e-300, maxOf(a.flat().map(Math.abs)));
  const res = maxOf(av.flatMap((r, i) => r.map((x, j) => Math.abs(x - v[i][j] * values[j])))) / scale;
  return { orth, res };
}

describe('symEig (Householder tridiagonalisation + implicit QR)', () => {
  const cases: [string, Mat][] = [
    ['1×1', [[3]]],
    [
      '2×2',
      [
        [2, 1],
        [1, 2],
      ],
    ],
    ['random 5×5 SPD', sym(randn(5, 5))],
    [
      'random 40×40 indefinite',
      (() => {
        const b = randn(40, 40);
        return b.map((r, i) => r.map((x, j) => x + b[j][i]));
      })(),
    ],
    ['rank 2 (12×12 Gram of a 12×2)', sym(randn(12, 2))],
    [
      'repeated eigenvalues (diag 3,3,1,1,1)',
      [
        [3, 0, 0, 0, 0],
        [0, 3, 0, 0, 0],
        [0, 0, 1, 0, 0],
        [0, 0, 0, 1, 0],
        [0, 0, 0, 0, 1],
      ],
    ],
    [
      'zero 4×4',
      [
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
    ],
    [
      'graded (1e8 … 1e-8)',
      (() => {
        const q = gramSchmidt(randn(6, 6));
        const d = [1e8, 1e4, 1, 1e-2, 1e-5, 1e-8];
        return mul(
          q.map((r) => r.map((x, j) => x * d[j])),
          transpose(q),
        );
      })(),
    ],
  ];
  it.each(cases)('%s: matches cyclic Jacobi, orthonormal, A V = V Λ', (_, a) => {
    const n = a.length;
    const { values, vectors } = symEig(Float64Array.from(flat(a)), n);
    const ref = jacobiEigh(a);
    const scale = Math.max(1, ...ref.values.map(Math.abs));
    ref.values.forEach((x, i) => expect(Math.abs(values[i] - x)).toBeLessThan(1e-12 * scale));
    const { orth, res } = residuals(a, values, vectors);
    expect(orth).toBeLessThan(1e-13);
    expect(res).toBeLessThan(1e-12);
    for (let i = 1; i < n; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
  });

  it('is fast enough for SOAP and Newton (timings logged)', () => {
    for (const n of [50, 128, 256, 512]) {
      const a = sym(randn(n, n));
      const t0 = performance.now();
      const { values, vectors } = symEig(Float64Array.from(flat(a)), n);
      const ms = performance.now() - t0;
      const { orth, res } = residuals(a, values, vectors);
      console.log(
        `symEig n=${n}: ${ms.toFixed(1)} ms, ‖VᵀV−I‖=${orth.toExponential(1)}, residual=${res.toExponential(1)}`,
      );
      expect(orth).toBeLessThan(1e-12);
      expect(res).toBeLessThan(1e-12);
    }
  });
});

describe('qrQ (Householder)', () => {
  it('spans the columns in order: equals Gram–Schmidt up to column signs', () => {
    const a = randn(7, 5);
    const q = fromFlat(qrQ(Float64Array.from(flat(a)), 7, 5), 7, 5);
    const g = gramSchmidt(a);
    for (let j = 0; j < 5; j++) {
      const sign = Math.sign(q[0][j] * g[0][j]);
      for (let i = 0; i < 7; i++) expect(q[i][j]).toBeCloseTo(sign * g[i][j], 12);
    }
    // Qᵀ A is upper triangular
    const r = mul(transpose(q), a);
    for (let i = 0; i < 5; i++) for (let j = 0; j < i; j++) expect(Math.abs(r[i][j])).toBeLessThan(1e-12);
  });

  it('completes dependent or zero columns orthonormally (no NaN)', () => {
    const a: Mat = [
      [1, 2, 0],
      [1, 2, 0],
      [0, 0, 0],
    ];
    const q = fromFlat(qrQ(Float64Array.from(flat(a)), 3, 3), 3, 3);
    expect(q.flat().every(Number.isFinite)).toBe(true);
    const qtq = mul(transpose(q), q);
    expect(
      maxAbsDiff(qtq, [
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ]),
    ).toBeLessThan(1e-14);
  });
});

describe('matMul', () => {
  it('multiplies row-major matrices', () => {
    const a = randn(3, 4),
      b = randn(4, 2);
    expect(
      maxAbsDiff(fromFlat(matMul(Float64Array.from(flat(a)), Float64Array.from(flat(b)), 3, 4, 2), 3, 2), mul(a, b)),
    ).toBeLessThan(1e-14);
  });
});
