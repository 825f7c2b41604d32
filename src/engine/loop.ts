import { DivergenceError, type Checkpoint, type Trainer } from './trainer';

/** Per-log-step callback: the checkpoint and the measured training speed. */
export type OnLog = (c: Checkpoint, msPerStep: number) => void | Promise<void>;

/**
 * Run `steps` optimisation steps, reading losses every `trainer.config.logEvery` steps (and
 * at the end) and calling `onLog`. Stops with a DivergenceError (weights already rolled back)
 * when a loss or weight becomes NaN/Inf. Returns the last checkpoint and ms per step
 * (wall time including the periodic reads, which is what a user waits for).
 */
export async function trainFor(trainer: Trainer, steps: number, onLog?: OnLog): Promise<{ last: Checkpoint; msPerStep: number }> {
  const every = trainer.config.logEvery;
  const t0 = performance.now();
  let done = 0;
  let last: Checkpoint = { step: trainer.stepCount, losses: {}, loss: NaN, diverged: false };
  while (done < steps) {
    const n = Math.min(every - (trainer.stepCount % every), steps - done);
    for (let i = 0; i < n; i++) trainer.step();
    done += n;
    last = await trainer.checkpoint();
    const msPerStep = (performance.now() - t0) / done;
    if (last.diverged) {
      const bad = Object.entries(last.losses).filter(([, v]) => !Number.isFinite(v)).map(([k]) => k);
      throw new DivergenceError(last.step, trainer.lastGoodStep, bad.length ? `loss ${bad.join(', ')} is not finite` : 'a weight is not finite');
    }
    await onLog?.(last, msPerStep);
  }
  return { last, msPerStep: done ? (performance.now() - t0) / done : 0 };
}
