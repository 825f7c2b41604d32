/**
 * Adam's per-parameter update as one fused kernel (`PinnAdamUpdate`), on cpu, wasm, webgl
 * and webgpu: from the gradient g, the moments m, v and the bias corrections c1 = 1 − b1^t,
 * c2 = 1 − b2^t (device scalars) it returns
 *   m' = b1 m + (1 − b1) g,   v' = b2 v + (1 − b2) g²,   u = (m' / c1) / (√(v' / c2) + eps),
 * the same arithmetic as `scaleByAdam`'s taped ops (12 engine kernels per parameter), with the
 * backend's kernels called directly (`DirectOps`). No gradient: it is never differentiated.
 */
import * as tf from '@tensorflow/tfjs';
import { hasFused, registerFused, runMulti, type DirectOps } from './direct';

const name = 'PinnAdamUpdate';

/** Adam's constants, as kernel attributes. */
export interface AdamConstants {
  b1: number;
  b2: number;
  eps: number;
}

function body(d: DirectOps, [g, m, v, c1, c2]: tf.TensorInfo[], o: AdamConstants): tf.TensorInfo[] {
  const mNext = d.add(d.scale(m, o.b1), d.scale(g, 1 - o.b1));
  const vNext = d.add(d.scale(v, o.b2), d.scale(d.square(g), 1 - o.b2));
  const denom = d.shift(d.run('Sqrt', { x: d.run('RealDiv', { a: vNext, b: c2 }) }), o.eps);
  const u = d.run('RealDiv', { a: d.run('RealDiv', { a: mNext, b: c1 }), b: denom });
  return [mNext, vNext, u];
}

registerFused(name, body);

/**
 * [m', v', u] for one parameter as one kernel where the backend has it, else null (the
 * caller takes the taped ops).
 */
export function fusedAdamUpdate(
  g: tf.Tensor,
  m: tf.Tensor,
  v: tf.Tensor,
  c1: tf.Tensor,
  c2: tf.Tensor,
  o: AdamConstants,
): [tf.Tensor, tf.Tensor, tf.Tensor] | null {
  if (!hasFused(name)) return null;
  const attrs = { b1: o.b1, b2: o.b2, eps: o.eps };
  const [mu, nu, u] = runMulti(name, [g, m, v, c1, c2], attrs);
  return [mu, nu, u];
}
