import * as tf from '@tensorflow/tfjs';
import { addAll } from '../kernels/apply-updates';
import { cloneContainer } from './container';

/**
 * An optimizer as a pair of pure functions over the parameter list (optax's
 * GradientTransformation): `init(params) → state`, `update(grads, state, params) →
 * { updates, state }`. Updates are added to the parameters. State is a plain record of
 * tensors and numbers, so it can be inspected, exported and disposed with `tf.dispose`.
 * `update` must not dispose its inputs; the caller disposes the old state and the grads.
 */
export interface Transform<S extends tf.TensorContainer = tf.TensorContainer> {
  init(params: readonly tf.Tensor[]): S;
  update(
    grads: readonly tf.Tensor[],
    state: S,
    params: readonly tf.Tensor[],
    extras?: UpdateExtras,
  ): { updates: tf.Tensor[]; state: S };
  /**
   * Optional asynchronous work between steps (e.g. SOAP's eigenbases from device reads): a new
   * state, or null when there is nothing to do. Must not dispose `state`. A transform must
   * give the same result whether or not `settle` ran before its next `update`, up to the
   * numerics of where the work is done.
   */
  settle?(state: S): Promise<S | null>;
}

/**
 * Per-sample moments of a group of samples' gradient contributions c_i (i = 1..B), aligned
 * with the parameters: `mean` = mean_i c_i (that group's part of the gradient) and `sq` =
 * mean_i c_i² (elementwise), each of the parameter's shape; null where a parameter has no
 * per-sample gradients (e.g. PirateNet's α).
 */
export interface SampleMoments {
  mean: (tf.Tensor | null)[];
  sq: (tf.Tensor | null)[];
}

/**
 * Optional per-step inputs beyond the gradients, computed by the trainer only for optimizers
 * whose registry entry asks for them (`needsSampleMoments`); transforms that do not use them
 * ignore the argument, so existing transforms are unchanged.
 */
export interface UpdateExtras {
  /** Moments of the weighted per-sample PDE-residual gradients (PDE-aware optimizer). */
  sampleMoments?: SampleMoments;
}

/** Compose transforms left to right: the updates of one are the "grads" of the next. */
export function chain(...ts: Transform[]): Transform<tf.TensorContainer[]> {
  return {
    init: (params) => ts.map((t) => t.init(params)),
    update: (grads, states, params, extras) => {
      let g: readonly tf.Tensor[] = grads;
      const next: tf.TensorContainer[] = [];
      ts.forEach((t, i) => {
        const r = t.update(g, states[i], params, extras);
        g = r.updates;
        next.push(r.state);
      });
      return { updates: g as tf.Tensor[], state: next };
    },
    settle: !ts.some((t) => t.settle)
      ? undefined
      : async (states) => {
          const settled: (tf.TensorContainer | null)[] = [];
          for (const [i, t] of ts.entries()) settled.push(t.settle ? await t.settle(states[i]) : null);
          if (settled.every((s) => s === null)) return null;
          return settled.map((s, i) => s ?? cloneContainer(states[i]));
        },
  };
}

/**
 * Runs a transform statefully on a list of variables: one `apply(grads)` computes the
 * updates inside `tf.tidy`, assigns θ ← θ + u, and disposes the superseded state, so the
 * tensor count stays flat over steps.
 */
export class Stateful {
  private state: tf.TensorContainer;
  constructor(
    private readonly transform: Transform,
    private readonly vars: readonly tf.Variable[],
  ) {
    this.state = tf.tidy(() => transform.init(vars));
  }

  /**
   * Apply one step of updates from gradients aligned with the variables. With `keepUpdates`
   * the update tensors are returned (caller disposes) for diagnostics; otherwise null.
   * `extras` (not disposed here) reach every transform's `update`.
   */
  apply(grads: readonly tf.Tensor[], keepUpdates = false, extras?: UpdateExtras): tf.Tensor[] | null {
    const old = this.state;
    const { updates, state } = tf.tidy(() => this.transform.update(grads, old, this.vars, extras));
    addAll(this.vars, updates).forEach((next, i) => {
      this.vars[i].assign(next);
      next.dispose(); // assign shares the data; the temporary handle must still go
    });
    tf.dispose(old);
    this.state = state;
    if (keepUpdates) return updates;
    tf.dispose(updates);
    return null;
  }

  /**
   * The transform's asynchronous work between steps, if any (see `Transform.settle`). The
   * result is dropped if the state was replaced meanwhile (restore, dispose).
   */
  async settle(): Promise<void> {
    const at = this.state;
    let next: tf.TensorContainer | null;
    try {
      next = this.transform.settle ? await this.transform.settle(at) : null;
    } catch (e) {
      if (this.state !== at) return; // disposed or replaced while reading
      throw e;
    }
    if (!next) return;
    if (this.state !== at) {
      tf.dispose(next);
      return;
    }
    tf.dispose(at);
    this.state = next;
  }

  /** A deep copy of the state (for rolling back after a divergence); caller disposes. */
  snapshot(): tf.TensorContainer {
    return cloneContainer(this.state);
  }

  /** Replace the state by a copy of `saved` (which the caller keeps). */
  restore(saved: tf.TensorContainer): void {
    tf.dispose(this.state);
    this.state = cloneContainer(saved);
  }

  /** The current state (read-only; for diagnostics and export). */
  get current(): tf.TensorContainer {
    return this.state;
  }

  dispose(): void {
    tf.dispose(this.state);
    this.state = [];
  }
}
