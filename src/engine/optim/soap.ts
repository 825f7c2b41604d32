import * as tf from '@tensorflow/tfjs';
import { fusedSoapStep, type SoapStepConstants, type SoapStepInputs, type SoapStepOutputs } from '../kernels/soap-step';
import {
  basisSolver,
  basisSolverIds,
  hostEigenbasis,
  hostRefresh,
  type BasisSolver,
  type BasisSolverId,
} from './eigenbasis';
import { bool, choice, defaultsOf, float, int, type SchemaOf } from '../schema/option';
import { adamSchema } from './adam';
import type { Transform } from './transform';

/**
 * SOAP's hyperparameters (Vyas et al. 2024, "SOAP: Improving and Stabilizing Shampoo using
 * Adam", arXiv 2409.11321; used for PINNs by Wang et al. 2025, arXiv 2502.00604).
 */
export interface SoapOptions {
  /** Adam's β₁ (the PINN paper also uses 0.99). */
  b1: number;
  /** Adam's β₂ for the second moment in the eigenbasis. */
  b2: number;
  eps: number;
  /** Decoupled weight decay λ: the step is −η (update + λ θ), like AdamW (none on call 1). */
  weightDecay: number;
  /** EMA rate β of the factors L, R; −1 = use b2 (the reference's default). */
  shampooBeta: number;
  /** Refresh the eigenbases every this many steps. */
  preconditionFrequency: number;
  /** An axis longer than this keeps the identity basis on that side. */
  maxPrecondDim: number;
  /** Precondition 1-D parameters (biases) with a full n × n factor; off = plain Adam on them. */
  precondition1d: boolean;
  /** Where eigenbases are computed (see `BasisSolverId`). */
  solver: BasisSolverId;
}

export const soapSchema: SchemaOf<SoapOptions> = {
  ...adamSchema,
  weightDecay: float('Weight decay λ', 0, 0, 1, 'Decoupled decay, as AdamW: the step is −η (update + λ θ).'),
  shampooBeta: float('Factor EMA β', -1, -1, 0.99999999, 'Decay of the Kronecker factors L, R; −1 = use β₂.'),
  preconditionFrequency: int('Eigenbasis refresh', 10, 1, 1e6, 'Refresh the eigenbases every this many steps.', {
    unit: 'steps',
  }),
  maxPrecondDim: int(
    'Largest preconditioned axis',
    1024,
    1,
    8192,
    'An axis longer than this keeps the identity basis.',
  ),
  precondition1d: bool(
    'Precondition biases',
    false,
    'Give 1-D parameters a full n × n factor (else plain Adam on them).',
  ),
  solver: choice(
    'Eigenbasis solver',
    'auto',
    basisSolverIds,
    'Where eigenbases are computed: host float64, tf ops on the device, ' +
      'or host math on asynchronously read factors (auto: async on WebGPU, host elsewhere).',
  ),
};

export const soapDefaults: SoapOptions = defaultsOf(soapSchema);

/** One Kronecker factor: the EMA of Gram matrices along one axis and its eigenbasis. */
export interface SoapFactor {
  [key: string]: tf.Tensor2D;
  /** L = EMA(G Gᵀ) (left, m × m) or R = EMA(Gᵀ G) (right, n × n). */
  gg: tf.Tensor2D;
  /** Orthonormal eigenvector estimates of `gg` as columns, ordered by descending eigenvalue. */
  q: tf.Tensor2D;
}

/** Per-parameter SOAP state; a missing factor means the identity basis on that side. */
export interface SoapParamState {
  [key: string]: tf.TensorContainer;
  /** First moment, kept in the ORIGINAL space (as the reference does) and projected each step. */
  mu: tf.Tensor;
  /** Second moment of the rotated gradient Q_Lᵀ G Q_R (the eigenbasis space). */
  nu: tf.Tensor;
  left?: SoapFactor;
  right?: SoapFactor;
}

/** The inspectable SOAP state: the step count (host number) and every parameter's record. */
export interface SoapState {
  [key: string]: tf.TensorContainer;
  kind: 'soap';
  /** Calls so far; call 1 only initialises, so Adam's bias-correction step t equals `step`. */
  step: number;
  /**
   * Basis work a deferred solver left for `settleSoap` (or, if a step comes first, for the
   * start of that step): 0 none, 1 the first eigenbases, 2 a refresh.
   */
  pending: number;
  params: SoapParamState[];
}

/** A SOAP state inside any (e.g. chained) optimizer state, for diagnostics and export. */
export function findSoapState(c: tf.TensorContainer): SoapState | null {
  if (Array.isArray(c)) return c.map(findSoapState).find((s) => s !== null) ?? null;
  if (c && typeof c === 'object' && (c as SoapState).kind === 'soap') return c as SoapState;
  return null;
}

/** The [m, n] matrix view of a parameter that SOAP preconditions: 2-D as is, 1-D as a column. */
const asMatrix = (t: tf.Tensor): tf.Tensor2D => (t.rank === 2 ? (t as tf.Tensor2D) : tf.reshape(t, [t.size, 1]));

/**
 * a·b with optional transposes done explicitly: tfjs-wasm's matMul with a transpose flag is
 * ~11× slower at 256 × 256 (16 ms vs 1.4 ms measured; only the plain layout is fast).
 */
const mm = (a: tf.Tensor2D, b: tf.Tensor2D, ta = false, tb = false): tf.Tensor2D =>
  tf.matMul(ta ? tf.transpose(a) : a, tb ? tf.transpose(b) : b);

/** G' = Q_Lᵀ G Q_R (sides without a factor are the identity). */
function project(x: tf.Tensor2D, s: SoapParamState): tf.Tensor2D {
  const l = s.left ? mm(s.left.q, x, true) : x;
  return s.right ? mm(l, s.right.q) : l;
}

/** G = Q_L G' Q_Rᵀ. */
function projectBack(x: tf.Tensor2D, s: SoapParamState): tf.Tensor2D {
  const l = s.left ? mm(s.left.q, x) : x;
  return s.right ? mm(l, s.right.q, false, true) : l;
}

/** A factor's new basis and, for a refresh, the permutation of its eigenvalue order. */
type BasisWork = (f: SoapFactor) => { q: tf.Tensor2D; perm?: tf.Tensor1D };

/**
 * `state` with its pending basis work done by `work` per factor (permuting v's rows for L,
 * its columns for R) and every other tensor copied; pending cleared.
 */
function withBases(state: SoapState, work: BasisWork): SoapState {
  const params = state.params.map((s) => {
    const ps: SoapParamState = { mu: tf.clone(s.mu), nu: tf.clone(s.nu) };
    (['left', 'right'] as const).forEach((side, axis) => {
      const f = s[side];
      if (!f) return;
      const r = work(f);
      ps[side] = { gg: tf.clone(f.gg), q: r.q };
      if (r.perm) ps.nu = tf.reshape(tf.gather(asMatrix(ps.nu), r.perm, axis), s.nu.shape);
    });
    return ps;
  });
  return { kind: 'soap', step: state.step, pending: 0, params };
}

/** The device fallback for pending work: `solver`'s own eigenbasis or refresh. */
const onDevice =
  (pending: number, solver: BasisSolver): BasisWork =>
  (f) =>
    pending === 1 ? { q: solver.eigenbasis(f.gg) } : solver.refresh(f.gg, f.q);

/**
 * Do a deferred solver's pending basis work with the host's float64 math on factors read
 * asynchronously (no `dataSync`, so it is safe on WebGPU): a new state (caller disposes the
 * old one), or null when nothing is pending. The result equals the `host` solver's.
 */
export async function settleSoap(state: SoapState): Promise<SoapState | null> {
  if (!state.pending) return null;
  const factors = state.params.flatMap((s) => [s.left, s.right].filter((f): f is SoapFactor => f !== undefined));
  const read = async (t: tf.Tensor) => Float64Array.from(await t.data());
  const host = await Promise.all(
    factors.map(async (f) => {
      const n = f.gg.shape[0];
      const p = await read(f.gg);
      return state.pending === 1 ? { n, q: hostEigenbasis(p, n) } : { n, ...hostRefresh(p, await read(f.q), n) };
    }),
  );
  const byFactor = new Map(factors.map((f, i) => [f, host[i]]));
  return tf.tidy(() =>
    withBases(state, (f) => {
      const r = byFactor.get(f)!;
      const q = tf.tensor2d(Float32Array.from(r.q), [r.n, r.n]);
      return 'perm' in r ? { q, perm: tf.tensor1d(r.perm, 'int32') } : { q };
    }),
  );
}

/**
 * scale_by_soap, following the reference `soap.py` (nikhilvyas/SOAP). For each parameter with
 * matrix view G [m, n] (a 1-D one as [n, 1] only when `precondition1d`; axes longer than
 * `maxPrecondDim` and ranks > 2 get the identity):
 *
 * - call 1 only initialises: L = (1−β) G Gᵀ, R = (1−β) Gᵀ G, Q_L, Q_R = eigh (descending), and
 *   outputs zero updates (no decay either), "so that the current gradient is never used in its
 *   own projection" — as the reference does; θ first moves at call 2;
 * - call t+1 (t = 1, 2, …): G' = Q_Lᵀ G Q_R; m ← b1 m + (1−b1) G (original space);
 *   v ← b2 v + (1−b2) G'²; N = (Q_Lᵀ m Q_R / c1) / (√(v / c2) + eps) with cᵢ = 1 − bᵢᵗ;
 *   output Q_L N Q_Rᵀ + λ θ (scaled by −η downstream); then L ← β L + (1−β) G Gᵀ, R likewise,
 *   and when t is a multiple of `preconditionFrequency` each Q is refreshed by one
 *   power-iteration + QR step with the eigenvalue-order permutation applied to v's rows (L) or
 *   columns (R); v is not otherwise rotated, m needs nothing (it is in the original space).
 *
 * Departures, both O(small): the reference scales by η √c2 / c1 and adds eps to √v (effective
 * eps = eps / √c2); we use Adam's m̂ / (√v̂ + eps) so that SOAP with identity bases is exactly
 * our Adam. It decays θ after the step (θ ← θ − ηλθ_new); we use θ before it, like
 * optax.adamw (difference η²λ‖u‖). The step count lives on the host: it decides init and
 * refresh with no device read. With a deferred solver (`async`, the default on WebGPU) the
 * eigendecompositions are left to `settle` between steps (see `settleSoap`); a step that comes
 * first does them on the device at its start, which is equivalent: Q is first used there.
 */
export function scaleBySoap(o: SoapOptions = soapDefaults): Transform<SoapState> {
  if (!(Number.isInteger(o.preconditionFrequency) && o.preconditionFrequency >= 1))
    throw new Error(`soap.preconditionFrequency must be a positive integer, got ${o.preconditionFrequency}`);
  basisSolver(o.solver); // reject an unknown solver id now, not at the first step
  const beta = o.shampooBeta >= 0 ? o.shampooBeta : o.b2;
  const preconditioned = (p: tf.Tensor) => p.rank === 2 || (p.rank === 1 && o.precondition1d);
  const fits = (n: number | undefined) => n !== undefined && n <= o.maxPrecondDim;
  const ema = (gg: tf.Tensor2D, x: tf.Tensor2D) => tf.add(tf.mul(beta, gg), tf.mul(1 - beta, x)) as tf.Tensor2D;
  /** G Gᵀ (left) or Gᵀ G (right) of the matrix view. */
  const gram = (g: tf.Tensor, side: 'left' | 'right'): tf.Tensor2D => {
    const G = asMatrix(g);
    return side === 'left' ? mm(G, G, false, true) : mm(G, G, true);
  };
  return {
    init: (params) => ({
      kind: 'soap',
      step: 0,
      pending: 0,
      params: params.map((p) => {
        const s: SoapParamState = { mu: tf.zerosLike(p), nu: tf.zerosLike(p) };
        if (!preconditioned(p)) return s;
        const [m, n] = asMatrix(p).shape;
        if (fits(m)) s.left = { gg: tf.zeros([m, m]), q: tf.eye(m) };
        if (p.rank === 2 && fits(n)) s.right = { gg: tf.zeros([n, n]), q: tf.eye(n) };
        return s;
      }),
    }),
    settle: settleSoap,
    update: (grads, given, params) => {
      const solver = basisSolver(o.solver);
      const state = given.pending ? withBases(given, onDevice(given.pending, solver)) : given;
      if (state.step === 0) {
        const initial = grads.map((g, i) => {
          const s = state.params[i];
          const next: SoapParamState = { mu: tf.clone(s.mu), nu: tf.clone(s.nu) };
          for (const side of ['left', 'right'] as const) {
            const f = s[side];
            if (!f) continue;
            const gg = ema(f.gg, gram(g, side));
            next[side] = { gg, q: solver.deferred ? tf.clone(f.q) : solver.eigenbasis(gg) };
          }
          return next;
        });
        const pending = solver.deferred && initial.some((p) => p.left || p.right) ? 1 : 0;
        return {
          updates: grads.map((g) => tf.zerosLike(g)),
          state: { kind: 'soap', step: 1, pending, params: initial },
        };
      }
      const t = state.step;
      const { b1, b2, eps, weightDecay } = o;
      const c: SoapStepConstants = { b1, b2, eps, weightDecay, c1: 1 - b1 ** t, c2: 1 - b2 ** t, beta };
      const refresh = t % o.preconditionFrequency === 0;
      const updates: tf.Tensor[] = [];
      const next = grads.map((g, i) => {
        const s = state.params[i];
        const x: SoapStepInputs = { g, mu: s.mu, nu: s.nu, left: s.left, right: s.right, param: params[i] };
        const r = fusedSoapStep(x, c) ?? soapStepTaped(x, c);
        updates.push(r.update);
        const ps: SoapParamState = { mu: r.mu, nu: r.nu };
        (['left', 'right'] as const).forEach((side, axis) => {
          const f = s[side];
          if (!f) return;
          const gg = (side === 'left' ? r.leftGg : r.rightGg)!;
          if (!refresh || solver.deferred) {
            ps[side] = { gg, q: tf.clone(f.q) };
            return;
          }
          const re = solver.refresh(gg, f.q);
          ps[side] = { gg, q: re.q };
          ps.nu = tf.reshape(tf.gather(asMatrix(ps.nu), re.perm, axis), g.shape);
        });
        return ps;
      });
      const pending = refresh && solver.deferred && next.some((p) => p.left || p.right) ? 2 : 0;
      return { updates, state: { kind: 'soap', step: t + 1, pending, params: next } };
    },
  };
}

/** One parameter's step from taped ops (the fused `PinnSoapStep`'s reference; see kernels/soap-step.ts). */
export function soapStepTaped(x: SoapStepInputs, c: SoapStepConstants): SoapStepOutputs {
  const s = { mu: x.mu, nu: x.nu, left: x.left, right: x.right };
  const ema = (a: tf.Tensor, b: tf.Tensor, k: number) => tf.add(tf.mul(k, a), tf.mul(1 - k, b));
  const G = asMatrix(x.g);
  const mu = ema(x.mu, x.g, c.b1);
  const nu = ema(x.nu, tf.reshape(tf.square(project(G, s)), x.g.shape), c.b2);
  const dir = tf.div(
    tf.div(project(asMatrix(mu), s), c.c1),
    tf.add(tf.sqrt(tf.div(asMatrix(nu), c.c2)), c.eps),
  ) as tf.Tensor2D;
  const u = tf.reshape(projectBack(dir, s), x.g.shape);
  const update = c.weightDecay === 0 ? u : tf.add(u, tf.mul(c.weightDecay, x.param));
  return {
    mu,
    nu,
    update,
    ...(x.left ? { leftGg: ema(x.left.gg, mm(G, G, false, true), c.beta) as tf.Tensor2D } : {}),
    ...(x.right ? { rightGg: ema(x.right.gg, mm(G, G, true), c.beta) as tf.Tensor2D } : {}),
  };
}
