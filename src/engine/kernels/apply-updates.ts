/**
 * The last two stages of every optimizer step over all parameters at once, one fused kernel
 * each (`PinnScaleAll`, `PinnAddAll`), on cpu, wasm, webgl and webgpu: the learning-rate
 * scaling u_i ← c · u_i (`scaleByLearningRate`) and the apply θ_i ← θ_i + u_i (`Stateful`).
 * Per parameter they were one Multiply and one Add engine kernel each: 20 of a 4×64 MLP's
 * ~260 kernels a step, each with its engine bookkeeping; the arithmetic is the same backend
 * kernels, called directly. Never differentiated.
 */
import * as tf from '@tensorflow/tfjs';
import { hasFused, registerFused, runMulti } from './direct';

const scaleName = 'PinnScaleAll';
const addName = 'PinnAddAll';

registerFused<{ c: number }>(scaleName, (d, xs, { c }) => xs.map((x) => d.scale(x, c)));
registerFused<Record<string, never>>(addName, (d, xs) => {
  const n = xs.length / 2;
  return xs.slice(0, n).map((a, i) => d.add(a, xs[n + i]));
});

/** c · x_i for every x_i, as one kernel where the backend has it (else the per-tensor ops). */
export function scaleAll(xs: readonly tf.Tensor[], c: number): tf.Tensor[] {
  if (!xs.length) return [];
  if (!hasFused(scaleName)) return xs.map((x) => tf.mul(x, c));
  return runMulti(scaleName, [...xs], { c });
}

/** a_i + b_i for aligned lists, as one kernel where the backend has it (else the per-tensor ops). */
export function addAll(as: readonly tf.Tensor[], bs: readonly tf.Tensor[]): tf.Tensor[] {
  if (as.length !== bs.length) throw new Error(`addAll: ${as.length} tensors and ${bs.length} updates`);
  if (!as.length) return [];
  if (!hasFused(addName)) return as.map((a, i) => tf.add(a, bs[i]));
  return runMulti(addName, [...as, ...bs], {});
}
