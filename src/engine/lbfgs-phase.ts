import { flatObjective, getFlat, setFlat } from './host-objective';
import { lbfgs } from './optim/lbfgs';
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
  from: int('Switch to L-BFGS at step', -1, -1, 1e8, 'From this step on, full-batch L-BFGS on a fixed set of points; −1 = never.',
    { unit: 'step' }),
  history: int('L-BFGS history', 10, 1, 100, 'Curvature pairs kept by L-BFGS.', { unit: 'pairs' }),
  batch: int('L-BFGS batch', 1024, 1, 65536, 'Fixed points per loss term for the full-batch phase.', { unit: 'points' }),
};

/**
 * Full-batch L-BFGS on the trainer (DeepXDE-style "Adam then L-BFGS"): one fixed batch of
 * `config.lbfgs.batch` points per term from the probe stream, the weighted loss as a float64
 * objective (host-objective.ts), `steps` iterations each counted as one training step.
 * Every `logEvery` iterations the weights are checkpointed (divergence rolls back and stops)
 * and `onLog` is called. Returns the last checkpoint, or null if none was taken.
 */
export async function lbfgsPhase(
  trainer: Trainer,
  steps: number,
  onLog: (c: Checkpoint) => Promise<boolean>,
): Promise<{ iterations: number; stop: string }> {
  const { lbfgs: o, logEvery } = trainer.config;
  const batches = trainer.sample(trainer.probeRng, o.batch);
  const vars = trainer.vars;
  const r = await lbfgs(flatObjective(trainer, batches), await getFlat(vars), { maxIterations: steps, historySize: o.history }, async (it) => {
    setFlat(vars, it.x);
    trainer.recordHostStep(batches);
    if (trainer.stepCount % logEvery !== 0 && it.iteration !== steps) return false;
    return !(await onLog(await trainer.checkpoint()));
  });
  if (r.stop !== 'callback') setFlat(vars, r.x);
  return { iterations: r.iterations, stop: r.stop };
}
