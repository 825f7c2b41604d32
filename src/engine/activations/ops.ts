import * as tf from '@tensorflow/tfjs';

/**
 * The elementwise arithmetic the activations and the jets' chain rule need, over any tensor
 * handle T: `tensorOps` (tfjs ops: taped, one engine kernel each) and the fused kernels'
 * `DirectOps` (`kernels/direct.ts`: the backend's kernels called directly inside one
 * registered kernel). The maths is written once against this interface and so is the same
 * in both. Binary ops broadcast a [1, w] operand over [B, w].
 */
export interface ElementOps<T> {
  mul(a: T, b: T): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  /** c · a for a number c. */
  scale(a: T, c: number): T;
  /** a + c for a number c. */
  shift(a: T, c: number): T;
  square(a: T): T;
  sigmoid(a: T): T;
  tanh(a: T): T;
  sin(a: T): T;
  cos(a: T): T;
  /** Which backend the ops run on (some activations pick a faster formulation per backend). */
  backend(): string;
}

/** ElementOps as plain tfjs ops (recorded on the tape; each is one engine kernel). */
export const tensorOps: ElementOps<tf.Tensor> = {
  mul: (a, b) => tf.mul(a, b),
  add: (a, b) => tf.add(a, b),
  sub: (a, b) => tf.sub(a, b),
  scale: (a, c) => tf.mul(a, c),
  shift: (a, c) => tf.add(a, c),
  square: (a) => tf.square(a),
  sigmoid: (a) => tf.sigmoid(a),
  tanh: (a) => tf.tanh(a),
  sin: (a) => tf.sin(a),
  cos: (a) => tf.cos(a),
  backend: () => tf.getBackend(),
};
