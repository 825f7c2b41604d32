import * as tf from '@tensorflow/tfjs';
import { matMul, qrQ, symEig } from './linalg';

/**
 * Where SOAP computes its eigenbases. `host`: read the factor with `dataSync()` and work in
 * float64 on the CPU (exact eigh by `symEig`, Householder QR) — cheap and exact on the cpu and
 * wasm backends, whose tensors live in host memory anyway. `device`: tf ops only (no reads)
 * — the first eigenbasis by subspace iteration from I, the refresh with a fixed-shape
 * Gram–Schmidt QR; ~14n small kernels per factor per refresh (10× that for the first basis).
 * `async`: the host's float64 math on factors read asynchronously between steps (`settle`),
 * for WebGPU, where `dataSync()` breaks the device and the device path's thousands of small
 * kernels are slow; a step taken before the read completes falls back to the device path.
 * `auto`: async on WebGPU, host elsewhere (WebGL's synchronous read only stalls the pipeline
 * for one n × n read every `preconditionFrequency` steps, far cheaper than ~14n kernels).
 */
export type BasisSolverId = 'auto' | 'host' | 'device' | 'async';

export const basisSolverIds: readonly BasisSolverId[] = ['auto', 'host', 'device', 'async'];

/** Computes and refreshes the eigenbasis of a symmetric PSD preconditioner factor P (n × n). */
export interface BasisSolver {
  /** Orthonormal eigenvectors of P as columns, eigenvalues descending (torch.linalg.eigh, flipped). */
  eigenbasis(p: tf.Tensor2D): tf.Tensor2D;
  /**
   * SOAP's refresh (Vyas et al. 2024, Alg. 4 / `get_orthogonal_matrix_QR`): estimate the
   * eigenvalues as diag(Qᵀ P Q), sort them descending, permute Q's columns accordingly, then one
   * step of power iteration Q ← qr(P Q). Returns the new basis and the permutation (new column
   * j = old column perm[j]) which the caller applies to the second moment.
   */
  refresh(p: tf.Tensor2D, q: tf.Tensor2D): { q: tf.Tensor2D; perm: tf.Tensor1D };
  /** Leave the work to `settle` between steps (this solver is then the fallback). */
  deferred?: boolean;
}

const read = (t: tf.Tensor): Float64Array => Float64Array.from(t.dataSync());
const upload = (a: Float64Array, n: number): tf.Tensor2D => tf.tensor2d(Float32Array.from(a), [n, n]);

const finite = (a: Float64Array) => a.every(Number.isFinite);
const identity = (n: number) => Float64Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 1 : 0));

/**
 * Eigenvectors of the symmetric n × n P as columns, eigenvalues descending (float64). A factor
 * with NaN/Inf (gradients that diverged) gets the identity basis instead of an eigensolver that
 * cannot converge: the step stays non-finite, so the trainer's checkpoint sees the divergence
 * and rolls back to the last good weights.
 */
export function hostEigenbasis(p: Float64Array, n: number): Float64Array {
  return finite(p) ? symEig(p, n).vectors : identity(n);
}

/**
 * SOAP's refresh (see `BasisSolver.refresh`) in float64 on host arrays; a non-finite factor or
 * basis keeps the basis (the identity if the basis itself is not finite), as `hostEigenbasis`.
 */
export function hostRefresh(p: Float64Array, q: Float64Array, n: number): { q: Float64Array; perm: number[] } {
  if (!finite(p) || !finite(q)) return { q: finite(q) ? q : identity(n), perm: Array.from({ length: n }, (_, i) => i) };
  const PQ = matMul(p, q, n, n, n);
  const est = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) est[j] += q[i * n + j] * PQ[i * n + j];
  const perm = Array.from(est.keys()).sort((a, b) => est[b] - est[a]);
  const sorted = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) sorted[i * n + j] = PQ[i * n + perm[j]];
  return { q: qrQ(sorted, n, n), perm };
}

/** Float64 host path: exact eigh, power step and Householder QR on `dataSync()`ed copies. */
export const hostSolver: BasisSolver = {
  eigenbasis: (p) => upload(hostEigenbasis(read(p), p.shape[0]), p.shape[0]),
  refresh: (p, q) => {
    const n = p.shape[0];
    const r = hostRefresh(read(p), read(q), n);
    return { q: upload(r.q, n), perm: tf.tensor1d(r.perm, 'int32') };
  },
};

/**
 * Q of A = QR (A square) on the device by classical Gram–Schmidt with one reorthogonalisation
 * (CGS2, "twice is enough": Giraud, Langou & Rozložník 2005 — as orthogonal as Householder
 * for numerically full-rank A). Unlike `tf.linalg.qr` (~25 kernels per column, and a new
 * slice shape per column, i.e. a new shader to compile on WebGPU/WebGL), every column runs the
 * same ~14 fixed-shape kernels: Q keeps its n × n shape with zero columns not yet filled.
 * A column with no component outside the previous ones yields NaN (0 · ∞), caught by the caller.
 */
export function gramSchmidtQ(a: tf.Tensor2D): tf.Tensor2D {
  const n = a.shape[1];
  const eye = tf.eye(n);
  let q: tf.Tensor2D = tf.zerosLike(a);
  for (let j = 0; j < n; j++) {
    const next = tf.tidy(() => {
      const idx = tf.tensor1d([j], 'int32');
      let v = tf.gather(a, idx, 1) as tf.Tensor2D;
      for (let pass = 0; pass < 2; pass++) v = tf.sub(v, tf.matMul(q, tf.matMul(q, v, true, false)));
      v = tf.mul(v, tf.rsqrt(tf.sum(tf.square(v))));
      return tf.add(q, tf.matMul(v, tf.gather(eye, idx, 0))) as tf.Tensor2D;
    });
    q.dispose();
    q = next;
  }
  eye.dispose();
  return q;
}

/**
 * Device path. Gram–Schmidt divides by a column norm, so an exactly zero column of P Q (P
 * singular, or P = 0) would give 0/0: the power step uses P + δI with δ = 1e-6 · tr(P)/n (the
 * same eigenvectors, convergence ratios changed by ≤ 1e-6), and a basis that still comes out
 * non-finite is replaced by the sorted previous one. `initIters` steps of this subspace
 * iteration from Q = I give the first eigenbasis: exact for the leading eigenvectors when
 * their eigenvalue ratios are small, approximate otherwise (every later refresh improves it).
 */
export function deviceSolver(initIters = 10): BasisSolver {
  const refresh = (p: tf.Tensor2D, q: tf.Tensor2D) =>
    tf.tidy(() => {
      const n = p.shape[0];
      const pq = tf.matMul(p, q);
      const est = tf.sum(tf.mul(q, pq), 0);
      const perm = tf.topk(est, n, true).indices as tf.Tensor1D;
      const qs = tf.gather(q, perm, 1);
      const delta = tf.mul(1e-6 / n, tf.sum(tf.mul(p, tf.eye(n))));
      const qn = gramSchmidtQ(tf.add(tf.gather(pq, perm, 1), tf.mul(delta, qs)));
      const bad = tf.any(tf.logicalNot(tf.isFinite(qn)));
      const out = tf.where(tf.broadcastTo(bad, [n, n]), qs, qn) as tf.Tensor2D;
      return { q: out, perm };
    });
  return {
    refresh,
    eigenbasis: (p) =>
      tf.tidy(() => {
        let q: tf.Tensor2D = tf.eye(p.shape[0]);
        for (let k = 0; k < initIters; k++) q = refresh(p, q).q;
        return q;
      }),
  };
}

const device = deviceSolver();
const deferredDevice: BasisSolver = { ...device, deferred: true };

/** The solver for `id` on the current backend (`auto`: async on WebGPU, host elsewhere). */
export function basisSolver(id: BasisSolverId): BasisSolver {
  if (!basisSolverIds.includes(id))
    throw new Error(`soap.solver: unknown value ${JSON.stringify(id)} (allowed: ${basisSolverIds.join(', ')})`);
  if (id === 'host') return hostSolver;
  if (id === 'device') return device;
  if (id === 'async') return deferredDevice;
  return tf.getBackend() === 'webgpu' ? deferredDevice : hostSolver;
}
