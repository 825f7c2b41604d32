import * as tf from '@tensorflow/tfjs';
import { getFlat, lossObjective, setFlat } from '../host-objective';
import { symEig } from '../optim/linalg';
import { hessianFD } from '../optim/newton';
import type { Rng } from '../rng';
import { frozenLoss, hessianEigenpairs } from './hessian';
import type { Trainer } from '../trainer';

/**
 * Loss-landscape slices (Li, Xu, Taylor, Studer, Goldstein 2018, "Visualizing the loss landscape
 * of neural nets"; SciANN's `log_loss_landscape`), along the loss Hessian's extreme eigenvectors
 * instead of random directions: the 1-D curves L(θ + α v_top) and L(θ + α v_bottom) and the 2-D
 * surface L(θ + α v_top + β v_bottom) on a small grid, computed on demand from the current
 * weights on one probe batch. Near a saddle (λ_min < 0, what undamped Newton converges to,
 * Rowan 2025) the bottom curve bends down while the top one bends up.
 */

/** An eigenpair of the loss Hessian: the eigenvalue and a unit eigenvector [P] (float64). */
export interface Eigenpair {
  value: number;
  vector: Float64Array;
}

/**
 * The eigen-solver the slices need: the largest and the smallest eigenpair of the Hessian of
 * `loss` at the current parameters, which it leaves unchanged (the shape of the Lanczos
 * `hessianEigenpairs` in hessian.ts, so either can be passed).
 */
export type ExtremeEigenSolver = (
  vars: readonly tf.Variable[],
  loss: () => tf.Scalar,
  rng: Rng,
  opts: { maxIters: number },
) => Promise<{ top: Eigenpair; bottom: Eigenpair }>;

/** What `lossLandscape` computes. Losses are the weighted total Σ w_t L_t on the probe batch. */
export interface Landscape {
  step: number;
  /** The loss at the current weights (α = β = 0). */
  base: number;
  top: Eigenpair;
  bottom: Eigenpair;
  /** Offsets along the unit eigenvectors (parameter-space distance), symmetric about 0. */
  alphas: number[];
  /** L(θ + α v_top) and L(θ + α v_bottom) at `alphas`. */
  alongTop: number[];
  alongBottom: number[];
  /** The grid's offsets (both axes) and L(θ + a_i v_top + a_j v_bottom) [i · n + j]. */
  grid: { offsets: number[]; loss: number[] };
}

/** A landscape without the eigenvectors, for the UI (structured-clone safe). */
export type LandscapeView = Omit<Landscape, 'top' | 'bottom'> & {
  lambdaTop: number;
  lambdaBottom: number;
  solver: string;
};

/** The view of a landscape (`solver` names the eigen-solver used). */
export function landscapeView(l: Landscape, solver: string): LandscapeView {
  const { top, bottom, ...rest } = l;
  return { ...rest, lambdaTop: top.value, lambdaBottom: bottom.value, solver };
}

export interface LandscapeOptions {
  /** Largest |α| (parameter-space distance along a unit eigenvector). */
  radius: number;
  /** Points of each 1-D slice and per axis of the 2-D grid (odd, so 0 is on them). */
  points1d: number;
  points2d: number;
  /** Solver iterations (Lanczos products) where the solver iterates. */
  maxIters: number;
}

export const landscapeDefaults: LandscapeOptions = { radius: 1, points1d: 21, points2d: 11, maxIters: 30 };

/** n offsets evenly spaced on [−r, r]. */
const offsets = (r: number, n: number) =>
  Array.from({ length: n }, (_, i) => (n === 1 ? 0 : -r + (2 * r * i) / (n - 1)));

/**
 * The exact extreme eigenpairs of a small network's Hessian: the dense central-difference
 * Hessian of exact gradients (newton.ts, h = 10^−2.5 for float32 gradients) and its full
 * eigendecomposition. Refuses more than 1000 parameters. An independent check of the Lanczos
 * solver (landscape.test.ts).
 */
export const denseEigenSolver: ExtremeEigenSolver = async (vars, loss) => {
  const n = vars.reduce((s, v) => s + v.size, 0);
  if (n > 1000)
    throw new Error(`landscape: the dense Hessian solver takes at most 1000 parameters, this network has ${n}`);
  const x0 = await getFlat(vars);
  const objective = lossObjective(vars, loss);
  const e = symEig(await hessianFD(objective, x0, 10 ** -2.5), n);
  setFlat(vars, x0);
  const column = (k: number) => Float64Array.from({ length: n }, (_, i) => e.vectors[i * n + k]);
  return { top: { value: e.values[0], vector: column(0) }, bottom: { value: e.values[n - 1], vector: column(n - 1) } };
};

/**
 * The solver for a network of `n` parameters: Lanczos on Hessian-vector products (hessian.ts,
 * any size; `maxIters` products) — exact up to float32 differencing once the Krylov space
 * spans the extreme eigenvectors, which for tiny nets (n ≤ maxIters) it does.
 */
export function landscapeSolver(
  n: number,
  maxIters = landscapeDefaults.maxIters,
): { solver: ExtremeEigenSolver; name: string } {
  return {
    solver: hessianEigenpairs,
    name: `Lanczos, ${Math.min(n, maxIters)} Hessian-vector products (${n} parameters)`,
  };
}

/**
 * The slices at the trainer's current weights (restored exactly afterwards): one probe batch
 * from the probe stream, the weighted loss with the current loss weights (causal weights held
 * fixed), the extreme eigenpairs from `solver` (default: Lanczos, `landscapeSolver`), then
 * 2·points1d + points2d² forward passes read back at once.
 */
export async function lossLandscape(
  trainer: Trainer,
  options: Partial<LandscapeOptions> = {},
  solver: ExtremeEigenSolver = landscapeSolver(trainer.paramCount, options.maxIters).solver,
): Promise<Landscape> {
  const o = { ...landscapeDefaults, ...options };
  const vars = trainer.vars;
  const batches = trainer.sample(trainer.probeRng);
  // causal chunk weights (if on) held at their value at θ, as the optimizer sees them
  const frozen = frozenLoss(trainer, batches, trainer.termNames, trainer.weights);
  const loss = frozen.loss;
  const { top, bottom } = await solver(vars, loss, trainer.probeRng, { maxIters: o.maxIters });
  const theta = await getFlat(vars);
  const at = (a: number, b: number) => {
    setFlat(
      vars,
      theta.map((t, i) => t + a * top.vector[i] + b * bottom.vector[i]),
    );
    return tf.keep(loss());
  };
  const alphas = offsets(o.radius, o.points1d);
  const grid = offsets(o.radius, o.points2d);
  const scalars = [
    at(0, 0),
    ...alphas.map((a) => at(a, 0)),
    ...alphas.map((a) => at(0, a)),
    ...grid.flatMap((a) => grid.map((b) => at(a, b))),
  ];
  setFlat(vars, theta);
  const stacked = tf.stack(scalars);
  const v = Array.from(await stacked.data());
  tf.dispose([stacked, ...scalars]);
  frozen.dispose();
  const n1 = alphas.length;
  return {
    step: trainer.stepCount,
    base: v[0],
    top,
    bottom,
    alphas,
    alongTop: v.slice(1, 1 + n1),
    alongBottom: v.slice(1 + n1, 1 + 2 * n1),
    grid: { offsets: grid, loss: v.slice(1 + 2 * n1) },
  };
}
