import { symEig } from './linalg';
import { dot, evaluate, norm, normInf, type Evaluation, type Objective } from './objective';
import { bool, defaultsOf, float, int, type SchemaOf } from '../schema/option';

/** Newton settings. */
export interface NewtonOptions {
  /** `none`: the pure Newton step −H⁻¹g (attracted by saddles); `lm`: Levenberg–Marquardt. */
  damping: 'none' | 'lm';
  maxIterations: number;
  /** Stop when ‖∇f‖∞ ≤ gtol. */
  gtol: number;
  /**
   * Central-difference step relative to max(1, |x_j|). The Hessian entry error is about
   * h²/6 · |∂³g| (truncation) + ε_g / h (rounding of the gradient's absolute error ε_g): with
   * float64 gradients h = 1e-5 gives ~1e-10; for float32 gradients use h ≈ 1e-2.5 (~1e-5).
   */
  fdStep: number;
  /** Initial LM damping μ₀ = τ · max|λ(H)| (Madsen, Nielsen & Tingleff 2004 use τ ∈ [1e-8, 1]). */
  tau: number;
  /** Refuse larger problems: one Hessian costs 2n gradients and an O(n³) eigensolve. */
  maxParams: number;
  /** Compute the Hessian's eigenvalues at the final point (2n more gradients) for the result. */
  finalSpectrum?: boolean;
}

export const newtonDefaults: NewtonOptions = {
  damping: 'none',
  maxIterations: 100,
  gtol: 1e-10,
  fdStep: 1e-5,
  tau: 1e-3,
  maxParams: 1000,
};

/**
 * Newton as a playground optimizer (`--optimizer newton`): undamped (Rowan 2025's setting) or
 * Levenberg–Marquardt-damped; the Hessian step 10^−2.5 suits float32 gradients (see `fdStep`);
 * `maxParams` caps the network size (the trainer refuses bigger networks, naming the count).
 */
export interface NewtonTrainOptions {
  damped: boolean;
  fdStep: number;
  tau: number;
  maxParams: number;
}

export const newtonTrainSchema: SchemaOf<NewtonTrainOptions> = {
  damped: bool(
    'Levenberg–Marquardt damping',
    false,
    'Damp the Newton step (else undamped, as Rowan 2025, which finds saddles).',
  ),
  fdStep: float(
    'Hessian FD step',
    10 ** -2.5,
    1e-8,
    1,
    'Finite-difference step of the Hessian from gradients (10^−2.5 suits float32).',
  ),
  tau: float(
    'Damping τ',
    1e-3,
    0,
    1e6,
    'Initial damping μ₀ = τ · max|λ(H)| (Madsen, Nielsen & Tingleff use τ in [1e-8, 1]).',
  ),
  maxParams: int(
    'Largest network',
    1000,
    1,
    5000,
    'Networks with more parameters are refused (the Hessian is dense).',
    { unit: 'parameters' },
  ),
};

export const newtonTrainDefaults: NewtonTrainOptions = defaultsOf(newtonTrainSchema);

/** What one Newton iteration saw and did. */
export interface NewtonIteration {
  iteration: number;
  /** Loss and gradient norm after the step. */
  loss: number;
  gradNorm: number;
  /** Extreme eigenvalues of the Hessian at the point the step started from. */
  lambdaMin: number;
  lambdaMax: number;
  /** LM damping used for the accepted step (0 when undamped). */
  mu: number;
  stepNorm: number;
  evaluations: number;
}

export interface NewtonResult {
  x: Float64Array;
  loss: number;
  grad: Float64Array;
  /**
   * Hessian eigenvalues at the final x (2n extra gradients), descending: a negative one means a
   * saddle. Empty when `finalSpectrum` is false.
   */
  eigenvalues: Float64Array;
  iterations: number;
  evaluations: number;
  stop: 'gtol' | 'maxIterations' | 'singular' | 'damping' | 'callback';
  history: NewtonIteration[];
}

/**
 * Hessian by central differences of the exact gradient, column j = (∇f(x + h_j e_j) −
 * ∇f(x − h_j e_j)) / 2h_j with h_j = step · max(1, |x_j|), then symmetrised (H + Hᵀ)/2.
 * Costs 2n gradient evaluations; returns n × n row-major.
 */
export async function hessianFD(f: Objective, x: Float64Array, step = newtonDefaults.fdStep): Promise<Float64Array> {
  const n = x.length;
  const H = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const h = step * Math.max(1, Math.abs(x[j]));
    const xp = Float64Array.from(x),
      xm = Float64Array.from(x);
    xp[j] += h;
    xm[j] -= h;
    const [gp, gm] = [(await evaluate(f, xp)).grad, (await evaluate(f, xm)).grad];
    for (let i = 0; i < n; i++) H[i * n + j] = (gp[i] - gm[i]) / (xp[j] - xm[j]);
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = (H[i * n + j] + H[j * n + i]) / 2;
      H[i * n + j] = s;
      H[j * n + i] = s;
    }
  }
  return H;
}

/** p = −V diag(1/(λ + μ)) Vᵀ g, dropping eigenvalues with |λ + μ| ≤ cutoff (pseudo-inverse). */
function solveShifted(
  values: Float64Array,
  vectors: Float64Array,
  g: Float64Array,
  mu: number,
  cutoff: number,
): Float64Array {
  const n = g.length;
  const p = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const l = values[k] + mu;
    if (Math.abs(l) <= cutoff) continue;
    let c = 0;
    for (let i = 0; i < n; i++) c += vectors[i * n + k] * g[i];
    c /= l;
    for (let i = 0; i < n; i++) p[i] -= c * vectors[i * n + k];
  }
  return p;
}

/**
 * Newton's method for tiny problems (n ≤ `maxParams`, ~600 in practice) with a finite-difference
 * Hessian of exact gradients (`hessianFD`) and its full eigendecomposition (`symEig`), whose
 * extreme eigenvalues every iteration reports. `damping: 'none'` takes x ← x − H⁺g with no line
 * search: it converges to whichever critical point is near, saddles included (Rowan 2025,
 * arXiv 2510.11987). `damping: 'lm'` solves (H + μI) p = −g with μ raised to −λ_min + τ max|λ|
 * whenever H + μI is not positive definite (so p is a descent direction and saddles repel), accepts a
 * step when the gain ratio
 * ρ = (f − f(x+p)) / −(gᵀp + ½ pᵀHp) > 0 and updates μ by Nielsen's rule (μ ← μ max(1/3,
 * 1 − (2ρ−1)³) on success, μ ← νμ, ν ← 2ν on failure; Madsen, Nielsen & Tingleff 2004, eq. 2.21),
 * reusing the eigendecomposition for every trial μ.
 */
export async function newton(
  f: Objective,
  x0: ArrayLike<number>,
  options: Partial<NewtonOptions> = {},
  onIteration?: (it: NewtonIteration, x: Float64Array) => boolean | void | Promise<boolean | void>,
): Promise<NewtonResult> {
  const o = { ...newtonDefaults, ...options };
  const n = x0.length;
  if (n > o.maxParams)
    throw new Error(
      `newton: ${n} parameters exceed maxParams = ${o.maxParams} (a Hessian costs 2n gradients and O(n³) work)`,
    );
  let x: Float64Array = Float64Array.from(x0);
  let at: Evaluation = await evaluate(f, x);
  let evaluations = 1;
  let mu = NaN;
  let nu = 2;
  const history: NewtonIteration[] = [];
  const eig = async () => {
    const e = symEig(await hessianFD(f, x, o.fdStep), n);
    evaluations += 2 * n;
    return e;
  };
  const finish = async (iterations: number, stop: NewtonResult['stop']): Promise<NewtonResult> => ({
    x,
    loss: at.loss,
    grad: at.grad,
    eigenvalues: o.finalSpectrum === false ? new Float64Array(0) : (await eig()).values,
    iterations,
    evaluations,
    stop,
    history,
  });
  for (let k = 0; k < o.maxIterations; k++) {
    if (normInf(at.grad) <= o.gtol) return finish(k, 'gtol');
    const { values, vectors } = await eig();
    const lambdaMax = values[0],
      lambdaMin = values[n - 1];
    const scale = Math.max(Math.abs(lambdaMax), Math.abs(lambdaMin));
    const cutoff = 1e-14 * scale;
    let step: { x: Float64Array; at: Evaluation; p: Float64Array; mu: number } | null = null;
    if (o.damping === 'none') {
      if (scale === 0) return finish(k, 'singular');
      const p = solveShifted(values, vectors, at.grad, 0, cutoff);
      const xn = x.map((v, i) => v + p[i]);
      step = { x: xn, at: await evaluate(f, xn), p, mu: 0 };
      evaluations++;
    } else {
      if (Number.isNaN(mu)) mu = o.tau * scale;
      for (let tries = 0; tries < 60 && !step; tries++) {
        if (lambdaMin + mu <= 0) mu = -lambdaMin + o.tau * scale; // make H + μI positive definite
        const p = solveShifted(values, vectors, at.grad, mu, cutoff);
        // predicted decrease of the quadratic model: −(gᵀp + ½ pᵀ H p), with pᵀHp from the eigenbasis
        let pHp = 0;
        for (let kk = 0; kk < n; kk++) {
          let c = 0;
          for (let i = 0; i < n; i++) c += vectors[i * n + kk] * p[i];
          pHp += values[kk] * c * c;
        }
        const predicted = -(dot(at.grad, p) + pHp / 2);
        const xn = x.map((v, i) => v + p[i]);
        const atn = await evaluate(f, xn);
        evaluations++;
        const rho = (at.loss - atn.loss) / predicted;
        if (rho > 0 && Number.isFinite(atn.loss)) {
          step = { x: xn, at: atn, p, mu };
          mu *= Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
          nu = 2;
        } else {
          mu *= nu;
          nu *= 2;
        }
      }
      if (!step) return finish(k, 'damping');
    }
    x = step.x;
    at = step.at;
    const it: NewtonIteration = {
      iteration: k + 1,
      loss: at.loss,
      gradNorm: norm(at.grad),
      lambdaMin,
      lambdaMax,
      mu: step.mu,
      stepNorm: norm(step.p),
      evaluations,
    };
    history.push(it);
    if ((await onIteration?.(it, x)) === true) return finish(k + 1, 'callback');
  }
  return finish(o.maxIterations, 'maxIterations');
}
