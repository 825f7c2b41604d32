/**
 * One training run inside the worker: its Trainer plus what the session tracks about it —
 * whether it is still training, the rows waiting to be posted, and a host copy of its
 * training state at a recent good checkpoint (weights, optimizer state, random streams, loss
 * weights), to rebuild it on another backend when the GPU device is lost and continue the
 * same trajectory.
 */
import { pdeOf, type ExperimentConfig } from '../engine/config';
import { checkBackendLimits, type BackendLimits } from '../engine/tensor-limits';
import type { MetricsRow } from '../engine/metrics';
import { Trainer, type TrainerState } from '../engine/trainer';
import { backendLimits } from './device';
import type { RunIndex } from './protocol';

/** `active` runs train on Start; the others wait for Reset (or new settings). */
export type RunState = 'active' | 'finished' | 'diverged';

/** A run: trainer, state, pending rows and saved training state. */
export class Run {
  state: RunState = 'active';
  /** Logged rows not yet posted (progress is batched). */
  pending: MetricsRow[] = [];
  /** The training state at a recent good checkpoint, on the host. */
  saved: TrainerState | null = null;
  savedAt = -Infinity;
  /** Step of the last evaluation posted (−1: none). */
  evaluatedAt = -1;
  private prepared = false;
  /** The base learning rate in force (it may have been changed live). */
  lr: number;

  constructor(
    readonly index: RunIndex,
    readonly trainer: Trainer,
  ) {
    this.lr = trainer.config.lr;
  }

  /** The run's config as it trains now: its trainer's, with the learning rate in force. */
  get currentConfig(): ExperimentConfig {
    return { ...this.trainer.config, lr: this.lr };
  }

  /** Change the base learning rate from the next step on. */
  setLearningRate(lr: number): void {
    this.lr = lr;
    this.trainer.setLearningRate(lr);
  }

  /**
   * Run `r` continued under `config`, which differs only in continuable settings (see
   * `continuable.ts`): a new trainer with `r`'s weights, optimizer state, random streams and
   * step count. The loss weights carry over unless the config's weights or balancing changed
   * (then the new config's fixed weights apply). A diverged run keeps only its last good
   * weights, streams and step: its optimizer state (momentum, Adam's moments) steered into
   * the divergence and would steer there again, so it starts afresh. `r` itself is left as it was.
   */
  static async continued(r: Run, config: ExperimentConfig): Promise<Run> {
    const state = await r.trainer.exportState();
    if (r.state === 'diverged') state.optimizer = await Run.freshOptimizerState(config);
    const old = r.trainer.config;
    const changed = (k: 'lossWeights' | 'balancing') => JSON.stringify(old[k]) !== JSON.stringify(config[k]);
    const next = Run.create(r.index, config);
    try {
      const fixed = () => Object.fromEntries(next.trainer.termNames.map((t) => [t, config.lossWeights[t] ?? 1]));
      const lossWeights = changed('lossWeights') || changed('balancing') ? fixed() : state.lossWeights;
      next.trainer.importState({ ...state, lr: config.lr, lossWeights });
    } catch (e) {
      next.dispose();
      throw e;
    }
    await next.saveState();
    return next;
  }

  /**
   * A fresh run (fresh weights from the config's seed), once `config` is known to fit the
   * current backend (`limits`: its memory and largest tensor; a ConfigError naming the field if not).
   */
  static create(index: RunIndex, config: ExperimentConfig, limits: BackendLimits = backendLimits()): Run {
    checkBackendLimits(config, pdeOf(config), limits);
    return new Run(index, new Trainer(config));
  }

  /**
   * Run `index` rebuilt (on the current backend) from a state another Run saved with the same
   * config; the learning rate in force then (it may have been changed live) stays in force.
   */
  static restore(index: RunIndex, config: ExperimentConfig, saved: TrainerState): Run {
    const r = Run.create(index, { ...config, lr: saved.lr });
    r.trainer.importState(saved);
    r.saved = saved;
    return r;
  }

  /** "Run A" / "Run B", for messages. */
  get label(): string {
    return `Run ${'AB'[this.index]}`;
  }

  get step(): number {
    return this.trainer.stepCount;
  }

  /** Whether the run has used up its `config.steps`. */
  get done(): boolean {
    return this.trainer.stepCount >= this.trainer.config.steps;
  }

  /**
   * The trainer's one-time set-up (least-squares init, reference solution), announced through
   * `notice` when the PDE computes a reference (a few seconds), then a first state copy.
   */
  async prepare(notice: (text: string) => void): Promise<void> {
    if (this.prepared) return;
    const slow = this.trainer.pde.reference !== undefined;
    if (slow) notice(`${this.label}: computing the ${this.trainer.pde.label} reference solution…`);
    await this.trainer.prepare();
    if (slow) notice('');
    this.prepared = true;
    if (!this.saved) await this.saveState();
  }

  /** Copy the training state to the host (call only after a good checkpoint). */
  async saveState(): Promise<void> {
    this.saved = await this.trainer.exportState();
    this.savedAt = performance.now();
  }

  /** The optimizer state a fresh trainer with `config` starts from (host copy). */
  private static async freshOptimizerState(config: ExperimentConfig): Promise<TrainerState['optimizer']> {
    const scratch = new Trainer(config);
    try {
      return (await scratch.exportState()).optimizer;
    } finally {
      scratch.dispose();
    }
  }

  /** Free the trainer's tensors (tolerating a backend that is already gone). */
  dispose(): void {
    try {
      this.trainer.dispose();
    } catch {
      // The device was lost: its memory went with it.
    }
  }
}
