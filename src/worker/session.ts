import type { BackendId } from '../engine/backend';
import { resolveConfig, trainingSchema, type ConfigInput } from '../engine/config';
import { optionProblem } from '../engine/schema/check';
import { readImport, type ImportedFile } from '../engine/io/import-file';
import type { NamedArray } from '../engine/io/safetensors';
import { trainFor } from '../engine/loop';
import { DivergenceError } from '../engine/trainer';
import { loadAnswer } from './experiments';
import { postBundle, postLandscape, postWeights } from './exports';
import { divergenceText, messageOf, refusalText } from './messages';
import { Streamer, type StreamOptions } from './streamer';
import type { FromWorker, RunIndex, StopReason, WallClock } from './protocol';
import { DeviceLostError, LostSignal } from './lost';
import { reconcileRuns, startedMessage, type Reconciled } from './reconcile';
import { Run } from './run';
import { StepClock } from './wallclock';

/** How the session posts to the UI (postMessage with transferables). */
export type Post = (msg: FromWorker, transfer?: Transferable[]) => void;

/** How the session reaches the backend layer (injected, so tests run on the cpu backend). */
export interface BackendHooks {
  /** Give up the current backend (it failed for `reason`) and start the next one. */
  fallback(reason: string): Promise<{ backend: BackendId; reason: string; threads?: number }>;
  /** Whether an error thrown while training means the backend itself failed. */
  isBackendFailure(e: unknown): boolean;
}

const noHooks: BackendHooks = {
  fallback: async (reason) => {
    throw new Error(`the backend failed (${reason}) and there is no other to fall back to`);
  },
  isBackendFailure: () => false,
};

/**
 * The runs (one, or two in compare mode) and their command handling. Every command and every
 * chunk of training runs through one promise queue, so a command never interleaves with a
 * chunk that is waiting on the device: Pause/Reset/Step always see trainers between chunks.
 *
 * A chunk trains every active run with the engine's `trainFor` up to its next log point (so
 * the one-time preparation, loss balancing, diagnostics and divergence rollback all happen as
 * in the CLI), streams what the `Streamer` lets through, then yields to the message queue.
 * Compare runs train in lockstep, chunk by chunk, on the same device.
 */
export class Session {
  private runs: Run[] = [];
  private running = false;
  /** Bumped whenever running stops, so chunks scheduled before then do nothing. */
  private generation = 0;
  private queue: Promise<void> = Promise.resolve();
  private readonly clock = new StepClock();
  private lost = new LostSignal();
  readonly streamer: Streamer;

  constructor(
    private readonly post: Post,
    opts: Partial<StreamOptions> = {},
    private readonly hooks: BackendHooks = noHooks,
  ) {
    this.streamer = new Streamer(post, opts);
  }

  /** Run `task` after everything queued before it; failures become an `error` message. */
  enqueue(task: () => void | Promise<void>): void {
    this.queue = this.queue.then(task).catch((e: unknown) => this.fail(e));
  }

  /** Train (or resume) the runs `inputs` describe until paused, finished or diverged. */
  async start(inputs: ConfigInput[]): Promise<void> {
    if (this.running) return this.setRates(inputs);
    await this.ensureRuns(inputs);
    if (!this.runs.some((r) => r.state === 'active')) return this.refuse();
    this.running = true;
    this.clock.start(this.runs[0].step);
    this.streamer.begin();
    this.schedule(++this.generation);
  }

  /** Explain why runs that finished or diverged do not train (and what would), and stop. */
  private refuse(): void {
    const r = this.runs[0];
    this.post({ type: 'error', message: refusalText(r) });
    this.stopped(r.state === 'diverged' ? 'diverged' : 'finished');
  }

  /** Stop training; the runs' final state is evaluated so the plots show where they stopped. */
  async pause(): Promise<void> {
    if (!this.running) return;
    this.halt();
    const wall = this.wallClock();
    await this.snapshotAll();
    this.stopped('paused', wall);
  }

  /** Exactly one step of every active run (pausing a running loop first), then a snapshot. */
  async stepOnce(inputs: ConfigInput[]): Promise<void> {
    this.halt();
    await this.ensureRuns(inputs);
    if (!this.runs.some((r) => r.state === 'active')) return this.refuse();
    for (const r of this.runs) if (r.state === 'active') await this.train(r, 1, true);
    this.stopped(this.runs.every((r) => r.state === 'diverged') ? 'diverged' : 'stepped');
  }

  reset(): void {
    this.halt();
    this.disposeRuns();
    this.post({ type: 'stopped', steps: [], reason: 'reset' });
  }

  setLr(run: RunIndex, lr: number): void {
    const problem = optionProblem('lr', trainingSchema.lr, lr);
    if (problem) {
      this.post({ type: 'error', message: problem });
      return;
    }
    this.runs[run]?.setLearningRate(lr);
  }

  /** While training only the learning rates may change (the UI locks everything else). */
  private setRates(inputs: ConfigInput[]): void {
    inputs.forEach((c, i) => {
      const lr = resolveConfig(c).lr;
      if (this.runs[i] && this.runs[i].lr !== lr) this.runs[i].setLearningRate(lr);
    });
  }

  /** Post run `run`'s weights (read from the device now). */
  exportWeights(run: RunIndex): Promise<void> {
    return postWeights(this.runs[run], this.post);
  }

  /** Post run `run`'s full export (`exportBundle`), read from the device now. */
  exportBundle(run: RunIndex): Promise<void> {
    return postBundle(this.runs[run], this.post);
  }

  /** Loss-landscape slices of run `run` at its current weights (between chunks), posted as `landscape`. */
  landscape(run: RunIndex): Promise<void> {
    return postLandscape(this.runs[run], this.post);
  }

  /**
   * An imported file (protocol `importFile`), parsed here and never on the page. A config loads
   * as a config file does; weights go into run `run` of the runs `inputs` describe. Any refusal
   * (unreadable, too big, over the budget, not fitting the network) is an `importError` and the
   * current runs stay as they were: new runs are built and checked aside before they replace them.
   */
  async importFile(run: RunIndex, inputs: ConfigInput[], name: string, bytes: Uint8Array): Promise<void> {
    let file: ImportedFile;
    try {
      file = readImport(name, bytes);
    } catch (e) {
      return this.post({ type: 'importError', name, message: messageOf(e) });
    }
    if (file.kind === 'config') return this.post(loadAnswer({ source: 'file', name, text: file.text }));
    try {
      await this.importWeights(run, inputs, file.tensors, name);
    } catch (e) {
      this.post({ type: 'importError', name, message: `${name} was not loaded: ${messageOf(e)}` });
    }
  }

  /** Load `tensors` into run `run` (see `importFile`); the trainer checks names, shapes and values. */
  private async importWeights(run: RunIndex, inputs: ConfigInput[], tensors: NamedArray[], name: string) {
    if (this.running) await this.pause();
    const next = await reconcileRuns(this.runs, inputs, this.post);
    const r = next.runs[run];
    try {
      if (!r) throw new Error(`there is no run ${'AB'[run]} to load weights into (turn on Compare first)`);
      r.trainer.importWeights(tensors);
    } catch (e) {
      if (next.fresh) next.runs.forEach((x) => x.dispose());
      else this.adopt(next);
      throw e;
    }
    this.adopt(next);
    await r.prepare((text) => this.post({ type: 'notice', run, text }));
    r.state = r.done ? 'finished' : 'active';
    await r.saveState();
    this.post({ type: 'imported', run, step: r.step, name });
    await this.streamer.evaluate(r);
  }

  /**
   * The device is gone: rebuild the runs on the next backend from their saved training state
   * (weights, optimizer state, random streams, loss weights: the trajectory continues as if
   * nothing happened, up to backend rounding; the UI keeps its history up to the `resumed`
   * step) and resume if they were training.
   */
  deviceLost(reason: string): void {
    if (this.lost.fired) return;
    const resume = this.running;
    this.halt();
    this.lost.lose(reason);
    this.enqueue(() => this.recover(reason, resume));
  }

  private async recover(reason: string, resume: boolean): Promise<void> {
    const saved = this.runs.map((r) => ({ config: r.trainer.config, saved: r.saved, state: r.state }));
    this.disposeRuns();
    this.lost = new LostSignal();
    const choice = await this.hooks.fallback(reason);
    this.post({ type: 'backend', backend: choice.backend, reason: choice.reason, threads: choice.threads ?? 1 });
    for (const [i, s] of saved.entries()) {
      const r = s.saved ? Run.restore(i as RunIndex, s.config, s.saved) : Run.create(i as RunIndex, s.config);
      this.runs.push(r);
      await r.prepare((text) => this.post({ type: 'notice', run: r.index, text }));
      r.state = s.state === 'active' && r.done ? 'finished' : s.state;
      this.post({ type: 'resumed', run: r.index, step: r.step });
      await this.streamer.evaluate(r);
    }
    if (resume) await this.start(this.runs.map((r) => r.trainer.config));
    else if (this.runs.length) this.stopped('paused');
  }

  /** The queued rows, then a last evaluation of every run (when streaming), e.g. where training paused. */
  private async snapshotAll(): Promise<void> {
    if (!this.streamer.opts.stream) return;
    this.streamer.flushAll(this.runs);
    for (const r of this.runs) if (r.state !== 'diverged' && r.evaluatedAt !== r.step) await this.streamer.evaluate(r);
  }

  private halt(): void {
    this.running = false;
    this.generation++;
  }

  private disposeRuns(): void {
    this.runs.forEach((r) => r.dispose());
    this.runs = [];
  }

  /** The step clock's reading now (see StepClock), or undefined without runs. */
  private wallClock(): WallClock | undefined {
    return this.runs.length ? this.clock.read(this.runs[0].step, this.streamer.spentMs) : undefined;
  }

  /** Post the queued rows and `stopped` (`wall` measured when the last step ended). */
  private stopped(reason: StopReason, wall = this.wallClock()): void {
    this.streamer.flushAll(this.runs);
    this.post({ type: 'stopped', steps: this.runs.map((r) => r.step), reason, wall });
  }

  /** Make the runs those `inputs` describe (see `reconcileRuns`); fresh runs stop any training first. */
  private async ensureRuns(inputs: ConfigInput[]): Promise<void> {
    this.adopt(await reconcileRuns(this.runs, inputs, this.post));
  }

  /** Train `next.runs` from now on (fresh ones replace the current runs, which are disposed). */
  private adopt(next: Reconciled): void {
    if (next.fresh) {
      this.halt();
      this.disposeRuns();
    }
    this.runs = next.runs;
    if (next.fresh) for (const r of this.runs) this.post(startedMessage(r));
  }

  private schedule(gen: number): void {
    setTimeout(() => this.enqueue(() => this.chunk(gen)), 0);
  }

  private async chunk(gen: number): Promise<void> {
    if (gen !== this.generation || !this.running) return;
    const snapshot = this.streamer.due();
    for (const r of this.runs) {
      if (r.state !== 'active') continue;
      const { logEvery, steps } = r.trainer.config;
      await this.train(r, Math.min(logEvery - (r.step % logEvery), steps - r.step), snapshot);
      if (gen !== this.generation) return; // the device was lost mid-chunk
    }
    this.clock.chunk(this.runs[0].step);
    if (this.runs.some((r) => r.state === 'active')) return this.schedule(gen);
    this.halt();
    const wall = this.wallClock();
    await this.snapshotAll();
    this.stopped(this.runs.some((r) => r.state === 'finished') ? 'finished' : 'diverged', wall);
  }

  /**
   * `n` steps of run `r` through the engine's loop; `snapshot` asks for an evaluation at the
   * last log point. Divergence stops this run only (the other compare run goes on).
   */
  private async train(r: Run, n: number, snapshot: boolean): Promise<void> {
    await r.prepare((text) => this.post({ type: 'notice', run: r.index, text }));
    const target = r.step + n;
    try {
      await this.lost.race(
        trainFor(r.trainer, n, (c, ms, diag) => this.streamer.log(r, c, ms, diag, snapshot && c.step === target)),
      );
    } catch (e) {
      if (e instanceof DeviceLostError) return;
      if (e instanceof DivergenceError) {
        r.state = 'diverged';
        const message = divergenceText(this.runs.length > 1 ? `${r.label} diverged` : 'Training diverged', e);
        this.post({ type: 'diverged', run: r.index, message, step: e.step });
        return;
      }
      if (this.hooks.isBackendFailure(e)) {
        this.deviceLost(e instanceof Error ? e.message : String(e));
        return;
      }
      throw e;
    }
    if (r.done) r.state = 'finished';
  }

  private fail(e: unknown): void {
    this.halt();
    this.post({ type: 'error', message: messageOf(e) });
    this.stopped('error');
  }
}
