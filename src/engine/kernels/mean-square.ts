/**
 * A loss term's mean square mean(r²) as one fused kernel forward (`PinnMeanSquare`) and one
 * backward (`PinnMeanSquareGrad`: dr = (2/N) r · dy), on cpu, wasm, webgl and webgpu. Taped,
 * it is a Square and a Mean forward and five or six kernels backward (the Mean's broadcast,
 * division and casts, the Square's two products) per loss term and step.
 */
import * as tf from '@tensorflow/tfjs';
import { hasFused, registerFused, registerFusedGradient, runMulti } from './direct';

const forwardName = 'PinnMeanSquare';
const backwardName = 'PinnMeanSquareGrad';

const size = (t: tf.TensorInfo) => t.shape.reduce((a, b) => a * b, 1);

registerFused(forwardName, (d, [r]) => {
  const all = r.shape.map((_, i) => i);
  return [d.scale(d.run('Sum', { x: d.square(r) }, { axis: all, keepDims: false }), 1 / size(r))];
});
registerFused(backwardName, (d, [r, dy]) => [d.mul(d.scale(r, 2 / size(r)), dy)]);
registerFusedGradient(forwardName, backwardName);

/** mean(r²) as a scalar, one kernel where the backend has it (else the taped ops). */
export function meanSquare(r: tf.Tensor): tf.Scalar {
  if (!hasFused(forwardName) || r.size === 0) return tf.mean(tf.square(r));
  return runMulti(forwardName, [r], {})[0] as tf.Scalar;
}
