import { resolveConfig, type ConfigInput } from '../engine/config';
import { Trainer } from '../engine/trainer';
import type { FromWorker } from './protocol';

export type Post = (msg: FromWorker, transfer?: Transferable[]) => void;

export interface SessionOptions {
  /** Evaluate on the grid at least every this many steps… */
  evalEverySteps: number;
  /** …and at least every this many milliseconds while training (slow backends). */
  evalEveryMs: number;
}

const defaults: SessionOptions = { evalEverySteps: 100, evalEveryMs: 2000 };

/**
 * One training run and its command handling. Every command and every chunk of training runs
 * through one promise queue, so a command never interleaves with a chunk that is waiting on
 * the device: Pause/Reset/Step always see a trainer between chunks.
 *
 * A chunk is: run up to `logEvery` steps (no device reads), `await checkpoint()` (the one
 * read: losses + divergence check), maybe evaluate, post progress, then `setTimeout(0)` so the
 * worker's message queue is served before the next chunk is queued.
 */
export class Session {
  private trainer: Trainer | null = null;
  private configKey = '';
  private running = false;
  /** Bumped whenever running stops, so chunks scheduled before then do nothing. */
  private generation = 0;
  private queue: Promise<void> = Promise.resolve();
  private lastEval = { step: -1, time: 0 };
  private readonly opts: SessionOptions;

  constructor(private readonly post: Post, opts: Partial<SessionOptions> = {}) {
    this.opts = { ...defaults, ...opts };
  }

  /** Run `task` after everything queued before it; failures become an `error` message. */
  enqueue(task: () => void | Promise<void>): void {
    this.queue = this.queue.then(task).catch((e: unknown) => this.fail(e));
  }

  start(input: ConfigInput): void {
    const t = this.ensureTrainer(input);
    if (this.running) return;
    if (t.stepCount >= t.config.steps) {
      this.post({ type: 'error', message: `this run has finished its ${t.config.steps} steps; press Reset to train again` });
      this.post({ type: 'stopped', step: t.stepCount, reason: 'finished' });
      return;
    }
    this.running = true;
    this.schedule(++this.generation);
  }

  pause(): void {
    if (!this.running) return;
    this.halt();
    this.post({ type: 'stopped', step: this.trainer?.stepCount ?? 0, reason: 'paused' });
  }

  /** Exactly one step (pausing a running loop first), then progress + evaluation. */
  async stepOnce(input: ConfigInput): Promise<void> {
    this.halt();
    const t = this.ensureTrainer(input);
    const t0 = performance.now();
    t.step();
    if (await this.report(t, 1, t0, true)) this.post({ type: 'stopped', step: t.stepCount, reason: 'stepped' });
  }

  reset(): void {
    this.halt();
    this.trainer?.dispose();
    this.trainer = null;
    this.configKey = '';
    this.post({ type: 'stopped', step: 0, reason: 'reset' });
  }

  setLr(lr: number): void {
    if (!Number.isFinite(lr) || lr <= 0 || lr > 10) {
      this.post({ type: 'error', message: `learning rate ${lr} is not a number in (0, 10]` });
      return;
    }
    this.trainer?.setLearningRate(lr);
  }

  private halt(): void {
    this.running = false;
    this.generation++;
  }

  /**
   * The current trainer when `input` resolves to its config, otherwise a fresh one. The
   * learning rate is live (setLr), so a config differing only in `lr` keeps the run.
   */
  private ensureTrainer(input: ConfigInput): Trainer {
    const config = resolveConfig(input);
    const key = JSON.stringify({ ...config, lr: null });
    if (this.trainer && key === this.configKey) {
      this.trainer.setLearningRate(config.lr);
      return this.trainer;
    }
    this.halt();
    this.trainer?.dispose();
    this.trainer = null;
    const t = new Trainer(config);
    this.trainer = t;
    this.configKey = key;
    this.lastEval = { step: -1, time: 0 };
    this.post({ type: 'started', config, paramCount: t.paramCount, terms: t.termNames });
    return t;
  }

  private schedule(gen: number): void {
    setTimeout(() => this.enqueue(() => this.chunk(gen)), 0);
  }

  private async chunk(gen: number): Promise<void> {
    const t = this.trainer;
    if (gen !== this.generation || !this.running || !t) return;
    const { logEvery, steps } = t.config;
    const n = Math.min(logEvery - (t.stepCount % logEvery), steps - t.stepCount);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) t.step();
    const finished = t.stepCount >= steps;
    if (!(await this.report(t, n, t0, finished))) return;
    if (finished) {
      this.halt();
      this.post({ type: 'stopped', step: t.stepCount, reason: 'finished' });
      return;
    }
    this.schedule(gen);
  }

  /** Read losses after `n` steps begun at `t0`; false (and training stopped) on divergence. */
  private async report(t: Trainer, n: number, t0: number, forceEval: boolean): Promise<boolean> {
    const c = await t.checkpoint();
    const stepsPerSec = n / Math.max(1e-3, (performance.now() - t0) / 1000);
    if (c.diverged) {
      this.halt();
      const bad = Object.entries(c.losses).filter(([, v]) => !Number.isFinite(v)).map(([k]) => k);
      const what = bad.length ? `loss ${bad.map((k) => `${k} = ${c.losses[k]}`).join(', ')}` : 'a weight became NaN/Inf';
      const message = `Training diverged at step ${c.step}: ${what}. Weights were restored to step ${t.lastGoodStep}. ` +
        'Lower the learning rate (or the loss weights) and press Reset to try again.';
      this.post({ type: 'diverged', message, step: c.step });
      this.post({ type: 'stopped', step: c.step, reason: 'diverged' });
      return false;
    }
    const now = performance.now();
    const due = c.step - this.lastEval.step >= this.opts.evalEverySteps || now - this.lastEval.time >= this.opts.evalEveryMs;
    const relL2 = forceEval || due ? await this.evaluate(t) : undefined;
    this.post({ type: 'progress', step: c.step, losses: c.losses, loss: c.loss, relL2, stepsPerSec });
    return true;
  }

  private async evaluate(t: Trainer): Promise<number> {
    const e = await t.evaluate();
    this.lastEval = { step: e.step, time: performance.now() };
    // Copies: the trainer keeps `exact` cached, and transferring detaches the sender's buffer.
    const pred = e.pred.slice();
    const exact = e.exact.slice();
    this.post(
      { type: 'evaluation', step: e.step, relL2: e.relL2, pred, exact, ticks: e.ticks, axes: t.pde.axes, outputs: t.pde.outputs },
      [pred.buffer, exact.buffer],
    );
    return e.relL2;
  }

  private fail(e: unknown): void {
    this.halt();
    this.post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    this.post({ type: 'stopped', step: this.trainer?.stepCount ?? 0, reason: 'error' });
  }
}
