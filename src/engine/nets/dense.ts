import * as tf from '@tensorflow/tfjs';
import { denseJet, type Jet, type LayerTap } from '../jet/jet';
import type { Rng } from '../rng';
import { glorotNormal, variableOf } from './init';
import type { NamedParam } from './types';

/** Random weight factorization (Wang et al. 2022, "Random weight factorization…"). */
export interface RwfOptions {
  mean: number;
  std: number;
}

/**
 * A dense layer h ↦ h W + b on jets. With random weight factorization the weight is
 * W = V · diag(exp(s)) (one scale per output unit, jaxpi's convention), s ~ N(μ, σ) and
 * V = W_glorot / exp(s), so the initial W is still Glorot; V and s are trained.
 * Parameter names: `<name>.weight` (or `<name>.v` and `<name>.s`), `<name>.bias`.
 */
export interface DenseLayer {
  name: string;
  params: NamedParam[];
  /** Frozen tensors the layer reads but does not train (a fixed Fourier matrix), by name. */
  buffers?: NamedParam[];
  apply(jet: Jet, taps?: LayerTap[]): Jet;
  /**
   * Per-sample gradients of this layer's parameters (in `params` order) from those of the
   * effective weight gW [B, in, out] and bias gb [B, out]: with RWF, g_V = g_W · exp(s) and
   * g_s = Σ_rows g_W ⊙ W (chain rule through W = V exp(s)).
   */
  perSample(gW: tf.Tensor3D, gb: tf.Tensor2D): tf.Tensor[];
  /** Overwrite the effective weight W [in × out] (and zero the bias), e.g. least-squares init. */
  setWeight(w: Float32Array): void;
  /** Free the layer's variables, frozen ones (not in `params`) included. */
  dispose(): void;
}

/** Options of one dense layer; `init` replaces Glorot, `trainable: false` freezes it. */
export interface DenseOptions {
  bias?: boolean;
  rwf?: RwfOptions;
  init?: Float32Array;
  trainable?: boolean;
}

export function createDense(
  rng: Rng,
  fanIn: number,
  fanOut: number,
  name: string,
  opts: DenseOptions = {},
): DenseLayer {
  const w0 = opts.init ?? glorotNormal(rng, fanIn, fanOut);
  if (opts.trainable === false) {
    const frozen = variableOf(tf.tensor2d(w0, [fanIn, fanOut]), false);
    return {
      name,
      params: [],
      buffers: [{ name: `${name}.weight`, variable: frozen }],
      apply: (jet) => denseJet(jet, frozen as tf.Tensor2D, null),
      perSample: () => [],
      setWeight: (w) => assignData(frozen, w),
      dispose: () => frozen.dispose(),
    };
  }
  const params: NamedParam[] = [];
  let weight: () => tf.Tensor2D;
  let perSampleW: (gW: tf.Tensor3D) => tf.Tensor[];
  let setWeight: (w: Float32Array) => void;
  if (opts.rwf) {
    const s = new Float32Array(fanOut).map(() => opts.rwf!.mean + opts.rwf!.std * rng.normal());
    const v = w0.map((w, i) => w / Math.exp(s[i % fanOut]));
    const vVar = variableOf(tf.tensor2d(v, [fanIn, fanOut]));
    const sVar = variableOf(tf.tensor1d(s));
    params.push({ name: `${name}.v`, variable: vVar }, { name: `${name}.s`, variable: sVar });
    weight = () => tf.mul(vVar, tf.exp(sVar)) as tf.Tensor2D;
    perSampleW = (gW) => [tf.mul(gW, tf.exp(sVar)), tf.sum(tf.mul(gW, weight()), 1)];
    setWeight = (w) => {
      const next = tf.tidy(() => tf.div(tf.tensor2d(w, [fanIn, fanOut]), tf.exp(sVar)) as tf.Tensor2D);
      vVar.assign(next);
      next.dispose();
    };
  } else {
    const wVar = variableOf(tf.tensor2d(w0, [fanIn, fanOut]));
    params.push({ name: `${name}.weight`, variable: wVar });
    weight = () => wVar as tf.Tensor2D;
    perSampleW = (gW) => [gW];
    setWeight = (w) => assignData(wVar, w);
  }
  const bVar = opts.bias === false ? null : variableOf(tf.zeros([fanOut]));
  if (bVar) params.push({ name: `${name}.bias`, variable: bVar });
  return {
    name,
    params,
    apply(jet, taps) {
      const tap = taps ? { layer: name, inputs: {}, grads: {} } : undefined;
      if (tap) taps!.push(tap);
      return denseJet(jet, weight(), bVar as tf.Tensor1D | null, tap);
    },
    perSample: (gW, gb) => [...perSampleW(gW), ...(bVar ? [gb] : [])],
    setWeight: (w) => {
      setWeight(w);
      if (bVar) assignData(bVar, new Float32Array(fanOut));
    },
    dispose: () => params.forEach((p) => p.variable.dispose()),
  };
}

/** v ← data (same shape). */
function assignData(v: tf.Variable, data: Float32Array): void {
  const t = tf.tensor(data, v.shape);
  v.assign(t);
  t.dispose();
}
