/**
 * Test-only float64 references, deliberately written the plainest way and independent of the
 * production code paths they check (`linalg.ts`, `soap.ts`): matrices are `number[][]`,
 * the eigensolver is cyclic Jacobi. Nothing in the engine imports this file.
 */

/** A dense matrix as rows. */
export type Mat = number[][];

export const zeros = (m: number, n: number): Mat => Array.from({ length: m }, () => new Array<number>(n).fill(0));
export const eye = (n: number): Mat => zeros(n, n).map((r, i) => r.map((_, j) => (i === j ? 1 : 0)));
export const transpose = (a: Mat): Mat => a[0].map((_, j) => a.map((r) => r[j]));
export const mul = (a: Mat, b: Mat): Mat => a.map((r) => b[0].map((_, j) => r.reduce((s, x, k) => s + x * b[k][j], 0)));
export const map2 = (a: Mat, b: Mat, f: (x: number, y: number) => number): Mat =>
  a.map((r, i) => r.map((x, j) => f(x, b[i][j])));
export const scale = (a: Mat, s: number): Mat => a.map((r) => r.map((x) => x * s));
export const fromFlat = (d: ArrayLike<number>, m: number, n: number): Mat =>
  Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => d[i * n + j]));
export const flat = (a: Mat): number[] => a.flat();
export const maxAbsDiff = (a: Mat, b: Mat): number =>
  Math.max(...a.flatMap((r, i) => r.map((x, j) => Math.abs(x - b[i][j]))));

/**
 * Cyclic Jacobi eigensolver (Golub & Van Loan Alg. 8.5.3): rotate away every off-diagonal
 * entry in turn until the off-diagonal norm is below 1e-15 of the total. Returns eigenvalues
 * descending and the eigenvectors as the columns of `vectors`.
 */
export function jacobiEigh(a0: Mat): { values: number[]; vectors: Mat } {
  const n = a0.length;
  const a = a0.map((r) => [...r]);
  const v = eye(n);
  const off = () => Math.sqrt(a.reduce((s, r, i) => s + r.reduce((t, x, j) => t + (i === j ? 0 : x * x), 0), 0));
  const total = Math.sqrt(a.reduce((s, r) => s + r.reduce((t, x) => t + x * x, 0), 0)) || 1;
  for (let sweep = 0; sweep < 100 && off() > 1e-15 * total; sweep++) {
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        if (a[p][q] === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p],
            akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k],
            aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p],
            vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = a.map((_, i) => i).sort((i, j) => a[j][j] - a[i][i]);
  return { values: order.map((i) => a[i][i]), vectors: v.map((r) => order.map((i) => r[i])) };
}

/** Gram–Schmidt (twice, for stability) of the columns of a, in order: the Q of a = QR. */
export function gramSchmidt(a: Mat): Mat {
  const cols = transpose(a);
  const q: number[][] = [];
  for (const c of cols) {
    let w = [...c];
    for (let pass = 0; pass < 2; pass++) {
      for (const u of q) {
        const d = u.reduce((s, x, i) => s + x * w[i], 0);
        w = w.map((x, i) => x - d * u[i]);
      }
    }
    const nrm = Math.hypot(...w);
    q.push(w.map((x) => x / nrm));
  }
  return transpose(q);
}

/** Options of `soapReference` (the SOAP subset the tests exercise). */
export interface SoapRefOptions {
  lr: number;
  b1: number;
  b2: number;
  eps: number;
  beta: number;
  weightDecay: number;
  frequency: number;
  left: boolean;
  right: boolean;
}

/**
 * SOAP on one matrix parameter in float64, transcribed from the paper's Algorithm 3/4 and the
 * reference soap.py: call 1 initialises L, R and their eigenbases (Jacobi) and does not move θ;
 * then Adam in the rotated basis with m in the original space, v in the rotated space, and the
 * sorted power-iteration + Gram–Schmidt refresh every `frequency` steps. Returns a step function.
 */
export function soapReference(theta0: Mat, o: SoapRefOptions): (g: Mat) => Mat {
  const m0 = theta0.length,
    n0 = theta0[0].length;
  let theta = theta0.map((r) => [...r]);
  let m = zeros(m0, n0),
    v = zeros(m0, n0);
  let L = zeros(m0, m0),
    R = zeros(n0, n0),
    QL = eye(m0),
    QR = eye(n0);
  let calls = 0;
  const proj = (x: Mat) => mul(mul(o.left ? transpose(QL) : eye(m0), x), o.right ? QR : eye(n0));
  const back = (x: Mat) => mul(mul(o.left ? QL : eye(m0), x), o.right ? transpose(QR) : eye(n0));
  const ema = (p: Mat, x: Mat) => map2(p, x, (a, b) => o.beta * a + (1 - o.beta) * b);
  const refresh = (p: Mat, q: Mat, permute: (idx: number[]) => void): Mat => {
    const est = mul(mul(transpose(q), p), q).map((r, i) => r[i]);
    const idx = est.map((_, i) => i).sort((i, j) => est[j] - est[i]);
    permute(idx);
    return gramSchmidt(
      mul(
        p,
        q.map((r) => idx.map((i) => r[i])),
      ),
    );
  };
  return (g) => {
    calls++;
    if (calls === 1) {
      L = ema(L, mul(g, transpose(g)));
      R = ema(R, mul(transpose(g), g));
      if (o.left) QL = jacobiEigh(L).vectors;
      if (o.right) QR = jacobiEigh(R).vectors;
      return theta;
    }
    const t = calls - 1;
    const gp = proj(g);
    m = map2(m, g, (a, b) => o.b1 * a + (1 - o.b1) * b);
    v = map2(v, gp, (a, b) => o.b2 * a + (1 - o.b2) * b * b);
    const c1 = 1 - o.b1 ** t,
      c2 = 1 - o.b2 ** t;
    const dir = map2(proj(m), v, (a, b) => a / c1 / (Math.sqrt(b / c2) + o.eps));
    theta = map2(theta, back(dir), (th, u) => th - o.lr * (u + o.weightDecay * th));
    L = ema(L, mul(g, transpose(g)));
    R = ema(R, mul(transpose(g), g));
    if (t % o.frequency === 0) {
      if (o.left)
        QL = refresh(L, QL, (idx) => {
          v = idx.map((i) => v[i]);
        });
      if (o.right)
        QR = refresh(R, QR, (idx) => {
          v = v.map((r) => idx.map((i) => r[i]));
        });
    }
    return theta;
  };
}
