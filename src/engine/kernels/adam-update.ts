/**
 * Adam's update of every parameter as one fused kernel (`PinnAdamUpdate`), on cpu, wasm, webgl
 * and webgpu: from the step count t (a device scalar), the gradients g_i and the moments m_i,
 * v_i it returns t' = t + 1 and, with c1 = 1 − b1^t', c2 = 1 − b2^t',
 *   m_i' = b1 m_i + (1 − b1) g_i,   v_i' = b2 v_i + (1 − b2) g_i²,   u_i = (m_i' / c1) / (√(v_i' / c2) + eps),
 * the same arithmetic as `adamTaped` (12 engine kernels per parameter, 5 for the count), with
 * the backend's kernels called directly (`DirectOps`). No gradient: it is never differentiated.
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

function body(d: DirectOps, [count, ...rest]: tf.TensorInfo[], o: AdamConstants): tf.TensorInfo[] {
  const n = rest.length / 3;
  const [gs, ms, vs] = [0, 1, 2].map((k) => rest.slice(k * n, (k + 1) * n));
  const next = d.shift(count, 1);
  const correction = (b: number) => d.sub(d.constant(1), d.run('Pow', { a: d.constant(b), b: next }));
  const [c1, c2] = [correction(o.b1), correction(o.b2)];
  const mus = gs.map((g, i) => d.add(d.scale(ms[i], o.b1), d.scale(g, 1 - o.b1)));
  const nus = gs.map((g, i) => d.add(d.scale(vs[i], o.b2), d.scale(d.square(g), 1 - o.b2)));
  const us = mus.map((m, i) => {
    const denom = d.shift(d.run('Sqrt', { x: d.run('RealDiv', { a: nus[i], b: c2 }) }), o.eps);
    return d.run('RealDiv', { a: d.run('RealDiv', { a: m, b: c1 }), b: denom });
  });
  return [next, ...mus, ...nus, ...us];
}

registerFused(name, body);

/** One Adam step's new count, moments and updates. */
export interface AdamStep {
  count: tf.Scalar;
  mu: tf.Tensor[];
  nu: tf.Tensor[];
  updates: tf.Tensor[];
}

/**
 * Adam's step for every parameter as one kernel where the backend has it, else null (the
 * caller takes the taped ops).
 */
export function fusedAdamUpdate(
  count: tf.Scalar,
  gs: readonly tf.Tensor[],
  ms: readonly tf.Tensor[],
  vs: readonly tf.Tensor[],
  o: AdamConstants,
): AdamStep | null {
  if (!hasFused(name) || !gs.length) return null;
  const attrs = { b1: o.b1, b2: o.b2, eps: o.eps };
  const [next, ...rest] = runMulti(name, [count, ...gs, ...ms, ...vs], attrs);
  const n = gs.length;
  return { count: next as tf.Scalar, mu: rest.slice(0, n), nu: rest.slice(n, 2 * n), updates: rest.slice(2 * n) };
}
