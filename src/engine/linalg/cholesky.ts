/**
 * Small dense float64 linear algebra on the host (tfjs has no Cholesky or solve).
 * Matrices are row-major Float64Array of n × n.
 */

/**
 * Solve (A + λI) X = B for symmetric positive semi-definite A [n × n] and right-hand sides
 * B [n × k] by Cholesky factorisation; λ > 0 regularises rank-deficient A (ridge).
 */
export function solveSpd(a: Float64Array, b: Float64Array, n: number, k: number, lambda = 0): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j] + (i === j ? lambda : 0);
      for (let p = 0; p < j; p++) s -= l[i * n + p] * l[j * n + p];
      if (i === j) {
        if (!(s > 0))
          throw new Error(`solveSpd: matrix is not positive definite at pivot ${i} (${s}); increase the ridge λ`);
        l[i * n + i] = Math.sqrt(s);
      } else l[i * n + j] = s / l[j * n + j];
    }
  }
  const x = Float64Array.from(b);
  for (let c = 0; c < k; c++) {
    for (let i = 0; i < n; i++) {
      let s = x[i * k + c];
      for (let p = 0; p < i; p++) s -= l[i * n + p] * x[p * k + c];
      x[i * k + c] = s / l[i * n + i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = x[i * k + c];
      for (let p = i + 1; p < n; p++) s -= l[p * n + i] * x[p * k + c];
      x[i * k + c] = s / l[i * n + i];
    }
  }
  return x;
}

/**
 * Least squares min_W ‖Φ W − Y‖² + λ‖W‖² for Φ [m × n], Y [m × k] through the normal
 * equations (ΦᵀΦ + λI) W = ΦᵀY, accumulated in float64.
 */
export function leastSquares(
  phi: ArrayLike<number>,
  y: ArrayLike<number>,
  m: number,
  n: number,
  k: number,
  lambda = 1e-8,
): Float64Array {
  const ata = new Float64Array(n * n);
  const aty = new Float64Array(n * k);
  for (let r = 0; r < m; r++) {
    for (let i = 0; i < n; i++) {
      const pi = phi[r * n + i];
      if (pi === 0) continue;
      for (let j = 0; j < n; j++) ata[i * n + j] += pi * phi[r * n + j];
      for (let c = 0; c < k; c++) aty[i * k + c] += pi * y[r * k + c];
    }
  }
  const scale = Math.max(1e-300, ...Array.from({ length: n }, (_, i) => ata[i * n + i]));
  return solveSpd(ata, aty, n, k, lambda * scale);
}
