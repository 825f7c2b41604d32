/**
 * Small dense linear algebra on the host in float64 (tfjs has no float64, no eigh, and its
 * `linalg.qr` issues ~20 kernels per column). Matrices are row-major `Float64Array`s;
 * "column j of Q" is the vector Q[·, j]. Used by SOAP's host eigenbasis path and by Newton.
 */

/** Eigen-decomposition of a symmetric matrix: A = V diag(values) Vᵀ. */
export interface SymEig {
  /** Eigenvalues, sorted descending. */
  values: Float64Array;
  /** n × n row-major; column j is the unit eigenvector of `values[j]`. */
  vectors: Float64Array;
}

const EPS = 2.220446049250313e-16;

/**
 * Householder vector of x (length m, read with stride from `a` at `off`): returns β and
 * overwrites v with (I − β v vᵀ) x = α e₁, α = −sign(x₀)‖x‖ (Golub & Van Loan Alg. 5.1.1,
 * the sign chosen to avoid cancellation). β = 0 when x = 0 (the reflection is then I).
 */
function householder(v: Float64Array, m: number): { beta: number; alpha: number } {
  let norm2 = 0;
  for (let i = 0; i < m; i++) norm2 += v[i] * v[i];
  if (norm2 === 0) return { beta: 0, alpha: 0 };
  const alpha = v[0] > 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
  v[0] -= alpha;
  const vv = norm2 - 2 * alpha * (v[0] + alpha) + alpha * alpha; // ‖x − α e₁‖²
  return { beta: vv === 0 ? 0 : 2 / vv, alpha };
}

/** rows[r0..n) ← H rows[r0..n) for H = I − β v vᵀ acting on rows r0.. of an n-column matrix. */
function reflectRows(w: Float64Array, n: number, r0: number, v: Float64Array, m: number, beta: number): void {
  if (beta === 0) return;
  const s = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    const vi = v[i];
    if (vi === 0) continue;
    const row = (r0 + i) * n;
    for (let j = 0; j < n; j++) s[j] += vi * w[row + j];
  }
  for (let i = 0; i < m; i++) {
    const f = beta * v[i];
    if (f === 0) continue;
    const row = (r0 + i) * n;
    for (let j = 0; j < n; j++) w[row + j] -= f * s[j];
  }
}

/**
 * Symmetric eigensolver (Golub & Van Loan §8.3): Householder reduction to tridiagonal form
 * T = Zᵀ A Z, then implicit symmetric QR steps with the Wilkinson shift and deflation, the
 * Givens rotations accumulated into Z. O(n³) with a small constant (≈ 0.1 s for n = 256 in
 * V8); backward stable, so eigenvalues are accurate to ~1e-15 ‖A‖. Only the lower triangle
 * of `a` (n × n, row-major) is read as the matrix; `a` is not modified.
 */
export function symEig(a: Float64Array, n: number): SymEig {
  const A = Float64Array.from(a);
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) A[i * n + j] = A[j * n + i];
  const W = new Float64Array(n * n); // W = Zᵀ (rows are the basis vectors, contiguous updates)
  for (let i = 0; i < n; i++) W[i * n + i] = 1;
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  // Tridiagonalise: A ← H_k A H_k, zeroing A[k+2.., k]; W ← H_k W.
  for (let k = 0; k < n - 2; k++) {
    const m = n - k - 1;
    for (let i = 0; i < m; i++) v[i] = A[(k + 1 + i) * n + k];
    const { beta, alpha } = householder(v, m);
    if (beta === 0) continue;
    // p = β A₂₂ v, w = p − (β pᵀv / 2) v, A₂₂ ← A₂₂ − v wᵀ − w vᵀ
    let pv = 0;
    for (let i = 0; i < m; i++) {
      let s = 0;
      const row = (k + 1 + i) * n + k + 1;
      for (let j = 0; j < m; j++) s += A[row + j] * v[j];
      p[i] = beta * s;
      pv += p[i] * v[i];
    }
    const kk = (beta * pv) / 2;
    for (let i = 0; i < m; i++) p[i] -= kk * v[i];
    for (let i = 0; i < m; i++) {
      const row = (k + 1 + i) * n + k + 1;
      for (let j = 0; j < m; j++) A[row + j] -= v[i] * p[j] + p[i] * v[j];
    }
    A[(k + 1) * n + k] = alpha;
    A[k * n + k + 1] = alpha;
    reflectRows(W, n, k + 1, v, m, beta);
  }
  const d = new Float64Array(n);
  const e = new Float64Array(Math.max(n - 1, 0));
  for (let i = 0; i < n; i++) d[i] = A[i * n + i];
  for (let i = 0; i < n - 1; i++) e[i] = A[(i + 1) * n + i];
  tridiagonalQr(d, e, W, n);
  const order = Array.from(d.keys()).sort((i, j) => d[j] - d[i]);
  const values = Float64Array.from(order, (i) => d[i]);
  const vectors = new Float64Array(n * n);
  order.forEach((src, col) => {
    for (let r = 0; r < n; r++) vectors[r * n + col] = W[src * n + r];
  });
  return { values, vectors };
}

/**
 * Implicit symmetric QR on the tridiagonal (d, e) with Wilkinson shifts (GVL Alg. 8.3.2/8.3.3):
 * chase the bulge down each unreduced block with Givens rotations, deflating off-diagonals
 * below ε(|d_i| + |d_{i+1}|). Rotations are applied to the rows of W (= Zᵀ).
 */
function tridiagonalQr(d: Float64Array, e: Float64Array, W: Float64Array, n: number): void {
  let iter = 0;
  for (;;) {
    for (let i = 0; i < n - 1; i++) if (Math.abs(e[i]) <= EPS * (Math.abs(d[i]) + Math.abs(d[i + 1]))) e[i] = 0;
    let q = n - 1;
    while (q > 0 && e[q - 1] === 0) q--;
    if (q === 0) return;
    let p = q - 1;
    while (p > 0 && e[p - 1] !== 0) p--;
    if (++iter > 50 * n) throw new Error(`symEig: QR iteration did not converge (n = ${n})`);
    const delta = (d[q - 1] - d[q]) / 2;
    const eq = e[q - 1];
    const mu = d[q] - (eq * eq) / (delta + (delta >= 0 ? 1 : -1) * Math.hypot(delta, eq));
    let x = d[p] - mu;
    let z = e[p];
    for (let k = p; k < q; k++) {
      const r = Math.hypot(x, z);
      const c = r === 0 ? 1 : x / r;
      const s = r === 0 ? 0 : z / r;
      if (k > p) e[k - 1] = r;
      const a = d[k],
        b = e[k],
        dd = d[k + 1];
      d[k] = c * c * a + 2 * c * s * b + s * s * dd;
      d[k + 1] = s * s * a - 2 * c * s * b + c * c * dd;
      e[k] = c * s * (dd - a) + (c * c - s * s) * b;
      if (k < q - 1) {
        z = s * e[k + 1];
        e[k + 1] *= c;
        x = e[k];
      }
      const rk = k * n,
        rk1 = (k + 1) * n;
      for (let j = 0; j < n; j++) {
        const wk = W[rk + j],
          wk1 = W[rk1 + j];
        W[rk + j] = c * wk + s * wk1;
        W[rk1 + j] = -s * wk + c * wk1;
      }
    }
  }
}

/**
 * Thin Q of the Householder QR of a (rows × cols, rows ≥ cols, row-major): orthonormal
 * columns spanning the leading columns of a in order (GVL Alg. 5.2.1, Q accumulated backward).
 * Columns that are exactly dependent get an arbitrary orthonormal completion (no 0/0).
 * Column signs follow the Householder convention (R's diagonal may be negative).
 */
export function qrQ(a: Float64Array, rows: number, cols: number): Float64Array {
  const R = Float64Array.from(a);
  const vs: { v: Float64Array; beta: number }[] = [];
  for (let k = 0; k < cols; k++) {
    const m = rows - k;
    const v = new Float64Array(m);
    for (let i = 0; i < m; i++) v[i] = R[(k + i) * cols + k];
    const { beta } = householder(v, m);
    reflectRows(R, cols, k, v, m, beta);
    vs.push({ v, beta });
  }
  const Q = new Float64Array(rows * cols);
  for (let i = 0; i < cols; i++) Q[i * cols + i] = 1;
  for (let k = cols - 1; k >= 0; k--) reflectRows(Q, cols, k, vs[k].v, rows - k, vs[k].beta);
  return Q;
}

/** C = A B for row-major A (n × k) and B (k × m). */
export function matMul(a: Float64Array, b: Float64Array, n: number, k: number, m: number): Float64Array {
  const c = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < k; l++) {
      const ail = a[i * k + l];
      if (ail === 0) continue;
      const br = l * m,
        cr = i * m;
      for (let j = 0; j < m; j++) c[cr + j] += ail * b[br + j];
    }
  }
  return c;
}
