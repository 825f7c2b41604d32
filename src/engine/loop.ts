import { rebalance } from './balancing/rebalance';
import { runDiagnostics, type DiagnosticsReport } from './diagnostics/run';
import { lbfgsPhase, newtonPhase } from './host-phase';
import { DivergenceError, type Checkpoint, type Trainer } from './trainer';

/**
 * Per-log-step callback: the checkpoint, the measured training speed (diagnostics excluded)
 * and, on diagnostics steps, their report.
 */
export type OnLog = (c: Checkpoint, msPerStep: number, diag?: DiagnosticsReport) => void | Promise<void>;

/** Steps until the next multiple of `every` after `step` (every ≤ 0: never). */
const untilNext = (step: number, every: number) => (every > 0 ? every - (step % every) : Infinity);

/** The error that explains a divergence found by a checkpoint. */
function divergence(trainer: Trainer, c: Checkpoint): DivergenceError {
  const bad = Object.entries(c.losses)
    .filter(([, v]) => !Number.isFinite(v))
    .map(([k]) => k);
  return new DivergenceError(
    c.step,
    trainer.lastGoodStep,
    bad.length ? `loss ${bad.join(', ')} is not finite` : 'a weight is not finite',
  );
}

/**
 * Run `steps` optimisation steps. Every `logEvery` steps (and at the end) losses are read
 * and checked; every `balancing.every` steps the loss weights are rebalanced (unless fixed);
 * every `diagnostics.every` steps the diagnostics run. Stops with a DivergenceError (weights
 * and optimizer state already rolled back) when a loss or weight becomes NaN/Inf.
 * Returns the last checkpoint and the training ms per step (wall time of the steps and the
 * periodic reads, excluding balancing and diagnostics).
 */
export async function trainFor(
  trainer: Trainer,
  steps: number,
  onLog?: OnLog,
): Promise<{ last: Checkpoint; msPerStep: number }> {
  const { logEvery, balancing, diagnostics } = trainer.config;
  const balanceEvery = balancing.method === 'fixed' ? 0 : balancing.every;
  await trainer.prepare();
  const t0 = performance.now();
  let extraMs = 0;
  let done = 0;
  let last: Checkpoint = { step: trainer.stepCount, losses: {}, weights: {}, loss: NaN, diverged: false };
  const ms = () => (done ? (performance.now() - t0 - extraMs) / done : 0);
  // Newton is a host optimizer from the first step: the L-BFGS branch's host phase runs it
  const newtonRun = trainer.config.optimizer === 'newton';
  const lbfgsFrom = newtonRun ? 0 : trainer.config.lbfgs.from;
  while (done < steps) {
    const s = trainer.stepCount;
    if (lbfgsFrom >= 0 && s >= lbfgsFrom) {
      // host-optimizer phase to the end of this call: one L-BFGS (or Newton) iteration per step,
      // from checked weights (a start between log steps would otherwise begin from NaN/Inf ones)
      last = await trainer.checkpoint();
      if (last.diverged) throw divergence(trainer, last);
      const before = trainer.stepCount;
      let diverged: Checkpoint | null = null;
      await (newtonRun ? newtonPhase : lbfgsPhase)(trainer, steps - done, async (c) => {
        last = c;
        if (c.diverged) {
          diverged = c;
          return false;
        }
        done = trainer.stepCount - before;
        await onLog?.(c, ms());
        return true;
      });
      if (diverged) throw divergence(trainer, diverged);
      done = steps; // L-BFGS may stop early (converged or line search exhausted)
      break;
    }
    const n = Math.min(
      untilNext(s, lbfgsFrom >= 0 ? lbfgsFrom : -1),
      untilNext(s, logEvery),
      untilNext(s, balanceEvery),
      untilNext(s, diagnostics.every),
      steps - done,
    );
    for (let i = 0; i < n; i++) {
      await trainer.settle();
      trainer.step();
    }
    done += n;
    const step = trainer.stepCount;
    const diagNow = diagnostics.every > 0 && step % diagnostics.every === 0;
    const logNow = step % logEvery === 0 || done === steps || diagNow;
    let diag: DiagnosticsReport | undefined;
    if (logNow) {
      last = await trainer.checkpoint();
      if (last.diverged) throw divergence(trainer, last);
    }
    const e0 = performance.now();
    if (balanceEvery && step % balanceEvery === 0) await rebalance(trainer);
    if (diagNow) diag = await runDiagnostics(trainer);
    extraMs += performance.now() - e0;
    if (logNow || diag) await onLog?.(last, ms(), diag);
  }
  return { last, msPerStep: ms() };
}
