import type * as tf from '@tensorflow/tfjs';
import type { ElementOps } from './ops';

/** A smooth activation with the derivatives the jets need, as each activation file defines it. */
export interface ActivationDefinition {
  id: string;
  /** φ(z) in float64 JavaScript (for references and tests). */
  scalar(z: number): number;
  /**
   * [φ(z), φ'(z), …, φ^(order)(z)] with `ops` (up to order 5: a jet carries at most 4th
   * derivatives, the fused kernels' backward pass one more). With `tensorOps` only ops whose
   * first-order gradients tfjs implements correctly (so one reverse pass through the jet is
   * exact); with the fused kernels' ops, inside one kernel.
   */
  derivativesOn<T>(ops: ElementOps<T>, z: T, order: number): T[];
}

/** An activation as the registry serves it: its definition plus the derivatives as taped tensors. */
export interface Activation extends ActivationDefinition {
  /** `derivativesOn(tensorOps, z, order)`: tfjs ops, recorded on the tape. */
  derivatives(z: tf.Tensor, order: number): tf.Tensor[];
}
