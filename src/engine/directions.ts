/**
 * The flattened total gradient and optimizer update of the last captured steps, kept only
 * around diagnostics points, for the inter-step gradient alignment (Wang et al. 2025).
 */
import * as tf from '@tensorflow/tfjs';
import { flatten } from './diagnostics/alignment';
import type { DiagnosticsConfig } from './config';

/** The last two captured steps' directions (oldest first), device tensors owned here. */
export class StepDirections {
  private dirs: { grad: tf.Tensor1D; update: tf.Tensor1D; step: number }[] = [];

  constructor(private readonly diagnostics: DiagnosticsConfig) {}

  /** Whether step index `s` (0-based) is one of the two before a diagnostics point. */
  captures(s: number): boolean {
    const { every, kinds } = this.diagnostics;
    return every > 0 && kinds.includes('align') && (every === 1 || (s + 2) % every < 2);
  }

  /** Keep step `step`'s gradient and update (flattened copies), dropping all but the last two. */
  push(grads: readonly tf.Tensor[], updates: readonly tf.Tensor[], step: number): void {
    this.dirs.push({ grad: flatten(grads), update: flatten(updates), step });
    while (this.dirs.length > 2) {
      const d = this.dirs.shift()!;
      tf.dispose([d.grad, d.update]);
    }
  }

  /** The two most recent captured steps if they are consecutive and the last is step `stepCount − 1`. */
  last(stepCount: number): { grads: [tf.Tensor1D, tf.Tensor1D]; updates: [tf.Tensor1D, tf.Tensor1D] } | null {
    const [a, b] = this.dirs;
    if (!a || !b || b.step !== a.step + 1 || b.step !== stepCount - 1) return null;
    return { grads: [a.grad, b.grad], updates: [a.update, b.update] };
  }

  /** Forget every captured step (after a state import). */
  clear(): void {
    this.dirs.forEach((d) => tf.dispose([d.grad, d.update]));
    this.dirs = [];
  }
}
