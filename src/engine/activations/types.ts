import type * as tf from '@tensorflow/tfjs';

/** A smooth activation with the derivatives the jets need. */
export interface Activation {
  id: string;
  /** φ(z) in float64 JavaScript (for references and tests). */
  scalar(z: number): number;
  /**
   * [φ(z), φ'(z), …, φ^(order)(z)] as tensors of z's shape, using only ops whose first-order
   * gradients tfjs implements correctly (so one reverse pass through the jet is exact).
   */
  derivatives(z: tf.Tensor, order: number): tf.Tensor[];
}
