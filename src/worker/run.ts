/**
 * One training run inside the worker: its Trainer plus what the session tracks about it —
 * whether it is still training, the rows waiting to be posted, and a host copy of its last
 * good weights (to rebuild it on another backend when the GPU device is lost).
 */
import type { ExperimentConfig } from '../engine/config';
import type { NamedArray } from '../engine/io/safetensors';
import type { MetricsRow } from '../engine/metrics';
import { Trainer } from '../engine/trainer';
import type { RunIndex } from './protocol';

/** `active` runs train on Start; the others wait for Reset (or new settings). */
export type RunState = 'active' | 'finished' | 'diverged';

/** The identity of a run: its config without the learning rate (which may change live). */
export function configKey(config: ExperimentConfig): string {
  return JSON.stringify({ ...config, lr: null });
}

/** A run: trainer, state, pending rows and saved weights. */
export class Run {
  state: RunState = 'active';
  /** Logged rows not yet posted (progress is batched). */
  pending: MetricsRow[] = [];
  /** The weights at a recent good checkpoint, on the host. */
  saved: { step: number; tensors: NamedArray[] } | null = null;
  savedAt = -Infinity;
  /** Step of the last evaluation posted (−1: none). */
  evaluatedAt = -1;
  private prepared = false;
  readonly key: string;

  constructor(readonly index: RunIndex, readonly trainer: Trainer) {
    this.key = configKey(trainer.config);
  }

  /** A fresh run (fresh weights from the config's seed). */
  static create(index: RunIndex, config: ExperimentConfig): Run {
    return new Run(index, new Trainer(config));
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
   * `notice` when the PDE computes a reference (a few seconds), then a first weight copy.
   */
  async prepare(notice: (text: string) => void): Promise<void> {
    if (this.prepared) return;
    const slow = this.trainer.pde.reference !== undefined;
    if (slow) notice(`${this.label}: computing the ${this.trainer.pde.label} reference solution…`);
    await this.trainer.prepare();
    if (slow) notice('');
    this.prepared = true;
    if (!this.saved) await this.saveWeights();
  }

  /** Copy the current weights to the host (call only after a good checkpoint). */
  async saveWeights(): Promise<void> {
    const tensors = (await this.trainer.exportWeights()).map((t) => ({ name: t.name, shape: [...t.shape], data: t.data.slice() }));
    this.saved = { step: this.trainer.stepCount, tensors };
    this.savedAt = performance.now();
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
