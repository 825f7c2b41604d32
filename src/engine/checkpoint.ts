/**
 * What a trainer's checkpoint reports, the error that stops a diverged run, and the last good
 * weights and optimizer state it rolls back to (docs/ARCHITECTURE.md, "Divergence").
 */
import * as tf from '@tensorflow/tfjs';
import type { NamedParam } from './nets';
import type { Stateful } from './optim';

/** What a host read of the last step found. */
export interface Checkpoint {
  step: number;
  losses: Record<string, number>;
  /** The loss weights in force. */
  weights: Record<string, number>;
  /** The weighted total Σ w_i L_i. */
  loss: number;
  /** Causal weights of the residual's time chunks (earliest first), when causal training is on. */
  causal?: number[];
  /** True when a loss or a weight went NaN/Inf; the weights were rolled back. */
  diverged: boolean;
  /** The learning rate the last step used (schedule applied). */
  lr?: number;
  /**
   * A host optimizer's own readings of its last iteration, e.g. Newton's `newton.lambdaMin`,
   * `newton.lambdaMax` (extreme Hessian eigenvalues where the step started) and `newton.mu`.
   */
  optimizer?: Record<string, number>;
}

/** Raised to the caller's attention by `checkpoint()` when training diverges. */
export class DivergenceError extends Error {
  constructor(
    public readonly step: number,
    public readonly lastGoodStep: number,
    detail: string,
  ) {
    super(`training diverged at step ${step} (${detail}); weights restored to step ${lastGoodStep}`);
    this.name = 'DivergenceError';
  }
}

/** Device copies of the weights and optimizer state at the last good step (owned: dispose them). */
export class LastGood {
  private saved: { step: number; weights: tf.Tensor[]; optState: tf.TensorContainer } | null = null;

  constructor(
    private readonly params: readonly NamedParam[],
    private readonly opt: Stateful,
  ) {}

  /** The step the copies belong to (0 before the first save). */
  get step(): number {
    return this.saved?.step ?? 0;
  }

  /** Remember the current weights and optimizer state as the good ones of `step`. */
  save(step: number): void {
    this.dispose();
    this.saved = { step, weights: this.params.map((p) => tf.clone(p.variable)), optState: this.opt.snapshot() };
  }

  /** Put the good weights and optimizer state back; returns their step. */
  restore(): number {
    const good = this.saved!;
    this.params.forEach((p, i) => p.variable.assign(good.weights[i]));
    this.opt.restore(good.optState);
    return good.step;
  }

  dispose(): void {
    if (!this.saved) return;
    tf.dispose(this.saved.weights);
    tf.dispose(this.saved.optState);
  }
}
