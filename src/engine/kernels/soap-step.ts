/**
 * SOAP's per-parameter step between basis refreshes as one fused kernel (`PinnSoapStep`), on
 * cpu, wasm, webgl and webgpu: with G the [m, n] matrix view of the gradient and Q_L, Q_R the
 * eigenbases (a missing side is the identity) it returns
 *   m' = b1 m + (1 − b1) g,   v' = b2 v + (1 − b2) (Q_Lᵀ G Q_R)²,
 *   u = Q_L [(Q_Lᵀ m' Q_R / c1) / (√(v' / c2) + eps)] Q_Rᵀ (+ λ θ),
 *   L' = β L + (1 − β) G Gᵀ,   R' = β R + (1 − β) Gᵀ G,
 * the arithmetic of `soapStepTaped` (about 25 engine kernels per parameter), with the backend's
 * kernels called directly. The refresh of Q and the eigenvalue-order permutation of v stay
 * outside. No gradient: it is never differentiated.
 */
import * as tf from '@tensorflow/tfjs';
import { hasFused, registerFused, runMulti, type DirectOps } from './direct';

const name = 'PinnSoapStep';

/** The step's constants: Adam's, the bias corrections c1, c2 of this step, the factors' EMA β, decay λ. */
export interface SoapStepConstants {
  b1: number;
  b2: number;
  eps: number;
  c1: number;
  c2: number;
  beta: number;
  weightDecay: number;
}

/** One parameter's inputs: gradient, moments, its factors (L, R) and, for decay, itself. */
export interface SoapStepInputs {
  g: tf.Tensor;
  mu: tf.Tensor;
  nu: tf.Tensor;
  left?: { gg: tf.Tensor2D; q: tf.Tensor2D };
  right?: { gg: tf.Tensor2D; q: tf.Tensor2D };
  param: tf.Tensor;
}

/** What a step gives: the moments, the update and the factors' new EMAs. */
export interface SoapStepOutputs {
  [key: string]: tf.Tensor | undefined;
  mu: tf.Tensor;
  nu: tf.Tensor;
  update: tf.Tensor;
  leftGg?: tf.Tensor2D;
  rightGg?: tf.Tensor2D;
}

interface Attrs extends SoapStepConstants {
  left: boolean;
  right: boolean;
}

function body(d: DirectOps, inputs: tf.TensorInfo[], a: Attrs): tf.TensorInfo[] {
  const [g, mu, nu] = inputs;
  let k = 3;
  const left = a.left ? { gg: inputs[k++], q: inputs[k++] } : null;
  const right = a.right ? { gg: inputs[k++], q: inputs[k++] } : null;
  const param = a.weightDecay !== 0 ? inputs[k] : null;
  const shape = g.shape;
  const mn = shape.length === 2 ? shape : [shape.reduce((x, y) => x * y, 1), 1];
  const view = (t: tf.TensorInfo) => (shape.length === 2 ? t : d.reshape(t, mn));
  const back = (t: tf.TensorInfo) => (shape.length === 2 ? t : d.reshape(t, shape));
  const project = (x: tf.TensorInfo) => {
    const l = left ? d.matMul(left.q, x, true) : x;
    return right ? d.matMul(l, right.q) : l;
  };
  const projectBack = (x: tf.TensorInfo) => {
    const l = left ? d.matMul(left.q, x) : x;
    return right ? d.matMul(l, right.q, false, true) : l;
  };
  const ema = (x: tf.TensorInfo, y: tf.TensorInfo, b: number) => d.add(d.scale(x, b), d.scale(y, 1 - b));
  const G = view(g);
  const muNext = ema(mu, g, a.b1);
  const nuNext = ema(nu, back(d.square(project(G))), a.b2);
  const div = (x: tf.TensorInfo, c: number) => d.run('RealDiv', { a: x, b: d.constant(c) });
  const denom = d.shift(d.run('Sqrt', { x: div(view(nuNext), a.c2) }), a.eps);
  const dir = d.run('RealDiv', { a: div(project(view(muNext)), a.c1), b: denom });
  const u = back(projectBack(dir));
  const update = param ? d.add(u, d.scale(param, a.weightDecay)) : u;
  const ggs = [
    ...(left ? [ema(left.gg, d.matMul(G, G, false, true), a.beta)] : []),
    ...(right ? [ema(right.gg, d.matMul(G, G, true, false), a.beta)] : []),
  ];
  return [muNext, nuNext, update, ...ggs];
}

registerFused(name, body);

/** One parameter's SOAP step as one kernel where the backend has it, else null (the caller takes the taped ops). */
export function fusedSoapStep(x: SoapStepInputs, c: SoapStepConstants): SoapStepOutputs | null {
  if (!hasFused(name)) return null;
  const inputs = [
    x.g,
    x.mu,
    x.nu,
    ...(x.left ? [x.left.gg, x.left.q] : []),
    ...(x.right ? [x.right.gg, x.right.q] : []),
    ...(c.weightDecay !== 0 ? [x.param] : []),
  ];
  const [mu, nu, update, ...ggs] = runMulti(name, inputs, { ...c, left: !!x.left, right: !!x.right });
  return {
    mu,
    nu,
    update,
    ...(x.left ? { leftGg: ggs[0] as tf.Tensor2D } : {}),
    ...(x.right ? { rightGg: ggs[x.left ? 1 : 0] as tf.Tensor2D } : {}),
  };
}
