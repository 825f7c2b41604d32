import { flatObjective, getFlat, setFlat } from './host-objective';
import { lbfgs } from './optim/lbfgs';
import { newton } from './optim/newton';
import type { Objective } from './optim/objective';
import type { PointBatch } from './sampling';
import { int, type SchemaOf } from './schema/option';
import type { Checkpoint, Trainer } from './trainer';

/** L-BFGS phase: a fixed batch of `batch` points per term, `history` curvature pairs. */
export interface LbfgsConfig {
  /** Switch to full-batch L-BFGS at this step (−1 = never, 0 = from the start). */
  from: number;
  history: number;
  batch: number;
}

export const lbfgsSchema: SchemaOf<LbfgsConfig> = {
  from: int(
    'Switch to L-BFGS at step',
    -1,
    -1,
    1e8,
    'From this step on, full-batch L-BFGS on a fixed set of points; −1 = never.',
    { unit: 'step' },
  ),
  history: int('L-BFGS history', 10, 1, 100, 'Curvature pairs kept by L-BFGS.', { unit: 'pairs' }),
  batch: int('L-BFGS batch', 1024, 1, 65536, "Fixed points per loss term for the full-batch phase (and Newton's).", {
    unit: 'points',
  }),
};

/** One run of a host optimizer: `onIteration(x)` after each iteration, true to stop. */
type HostRun = (
  f: Objective,
  x0: Float64Array,
  steps: number,
  onIteration: (x: Float64Array, iteration: number, readings?: Record<string, number>) => Promise<boolean>,
) => Promise<{ x: Float64Array; iterations: number; stop: string }>;

/**
 * A host optimizer on the trainer's weighted loss over fixed `batches` (host-objective.ts):
 * `steps` iterations, each counted as one training step. Every `logEvery` iterations (and at
 * the last) the weights are checkpointed (divergence rolls back and stops) and `onLog` is
 * called; `onLog` returning false stops the phase.
 */
async function hostPhase(
  trainer: Trainer,
  batches: Record<string, PointBatch>,
  steps: number,
  run: HostRun,
  onLog: (c: Checkpoint) => Promise<boolean>,
): Promise<{ iterations: number; stop: string }> {
  const { logEvery } = trainer.config;
  const vars = trainer.vars;
  const r = await run(flatObjective(trainer, batches), await getFlat(vars), steps, async (x, iteration, readings) => {
    setFlat(vars, x);
    trainer.recordHostStep(batches, readings);
    if (trainer.stepCount % logEvery !== 0 && iteration !== steps) return false;
    return !(await onLog(await trainer.checkpoint()));
  });
  if (r.stop !== 'callback') setFlat(vars, r.x);
  return { iterations: r.iterations, stop: r.stop };
}

/**
 * Full-batch L-BFGS (DeepXDE-style "Adam then L-BFGS"): one fixed batch of `config.lbfgs.batch`
 * points per term from the probe stream, `history` curvature pairs.
 */
export async function lbfgsPhase(trainer: Trainer, steps: number, onLog: (c: Checkpoint) => Promise<boolean>) {
  const o = trainer.config.lbfgs;
  const batches = trainer.sample(trainer.probeRng, o.batch);
  return hostPhase(
    trainer,
    batches,
    steps,
    (f, x0, n, cb) => lbfgs(f, x0, { maxIterations: n, historySize: o.history }, (it) => cb(it.x, it.iteration)),
    onLog,
  );
}

/**
 * Exact-Hessian Newton as the training optimizer (`optimizer: 'newton'`, optim/newton.ts): the
 * Hessian by central differences of exact gradients (2n gradients per iteration) on the
 * trainer's fixed batch (`Trainer.fixedBatch`, the same points for the whole run, so chunks of
 * `trainFor` continue one deterministic iteration), undamped or Levenberg–Marquardt-damped.
 * Each checkpoint carries the iteration's extreme Hessian eigenvalues (`newton.lambdaMin`,
 * `newton.lambdaMax`: a negative λ_min at a stall is a saddle) and μ in `Checkpoint.optimizer`.
 * The LM damping μ restarts with each `trainFor` call. Throws when the network has more than
 * `maxParams` parameters.
 */
export async function newtonPhase(trainer: Trainer, steps: number, onLog: (c: Checkpoint) => Promise<boolean>) {
  const { config } = trainer;
  if (config.optimizer !== 'newton') throw new Error(`newtonPhase: the optimizer is ${config.optimizer}`);
  const o = config.optimizerOptions;
  return hostPhase(
    trainer,
    trainer.fixedBatch(),
    steps,
    (f, x0, n, cb) =>
      newton(
        f,
        x0,
        {
          damping: o.damped ? 'lm' : 'none',
          maxIterations: n,
          fdStep: o.fdStep,
          tau: o.tau,
          maxParams: o.maxParams,
          gtol: 0,
          finalSpectrum: false,
        },
        (it, x) =>
          cb(x, it.iteration, {
            'newton.lambdaMin': it.lambdaMin,
            'newton.lambdaMax': it.lambdaMax,
            'newton.mu': it.mu,
          }),
      ),
    onLog,
  );
}
