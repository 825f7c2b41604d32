import * as tf from '@tensorflow/tfjs';

/**
 * X·W for the dense layers of the jets, with a gradient that never asks the backend for a
 * transposed matMul. tfjs-backend-wasm's BatchMatMul with transposeA/transposeB is 6–7×
 * slower than the plain product at PINN sizes (measured [5120, 50]·[50, 50]: 24 ms vs 3.7 ms),
 * and tfjs's own matMul gradient uses exactly those (dX = dY·Wᵀ, dW = Xᵀ·dY). Here the
 * transposes are explicit copies, cheap next to the product. Other backends keep tfjs's
 * matMul, whose transposed variants are native there.
 */
const explicitTranspose = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.matMul(x, w),
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xs, ws] = saved as tf.Tensor2D[];
      return [tf.matMul(dy as tf.Tensor2D, tf.transpose(ws)), tf.matMul(tf.transpose(xs), dy as tf.Tensor2D)];
    },
  };
});

/** X [B, in] · W [in, out] with the fastest gradient formulation for the active backend. */
export function linear(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D {
  return tf.getBackend() === 'wasm' ? (explicitTranspose(x, w) as tf.Tensor2D) : tf.matMul(x, w);
}

/**
 * z + b (b broadcast over the batch) whose bias gradient is 1ᵀ·dy, a [1, B]·[B, out] matMul:
 * tfjs-backend-wasm's Sum over the batch axis is 10× slower than that product at PINN sizes
 * (measured [1024, 64]: 0.33 ms vs 0.03 ms).
 */
const biasViaMatMul = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [z, b] = args as [tf.Tensor2D, tf.Tensor1D];
  return {
    value: tf.add(z, b),
    gradFunc: (dy: tf.Tensor) => [dy, tf.reshape(tf.matMul(tf.ones([1, dy.shape[0]]), dy as tf.Tensor2D), b.shape)],
  };
});

/** z [B, out] + b [out], with the fastest gradient formulation for the active backend. */
export function addBias(z: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.getBackend() === 'wasm' ? (biasViaMatMul(z, b) as tf.Tensor2D) : tf.add(z, b);
}
