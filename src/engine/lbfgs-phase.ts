import { flatObjective, getFlat, setFlat } from './host-objective';
import { lbfgs } from './optim/lbfgs';
import type { Checkpoint, Trainer } from './trainer';

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
