import * as tf from '@tensorflow/tfjs';
import type { ActivationDefinition, ActivationId } from '../activations';
import { tensorOps } from '../activations/ops';
import { fusedActivateJet } from '../kernels/activation-jet';
import { fusedDense } from '../kernels/dense-jet';
import { chainForward } from './chain';
import { addBias, linear } from './matmul';

/**
 * A Taylor-mode derivative jet: the value of a layer's activations and their derivatives
 * with respect to the network inputs, carried forward together (docs/ARCHITECTURE.md, "Derivatives").
 *
 * `streams[name]` is a [B, width] tensor (or [1, width] when constant over the batch, or
 * null when identically zero) holding ∂^name h; '' is the value. Only the streams in
 * `names` (a sub-multiset–closed set, see `streamClosure`) are carried.
 */
export interface Jet {
  axes: readonly string[];
  names: readonly string[];
  streams: Record<string, tf.Tensor | null>;
}

/**
 * The jet of the inputs themselves: value X [B, d]; ∂X/∂x_a = e_a (a constant one-hot row);
 * every higher derivative is zero.
 */
export function inputJet(x: tf.Tensor2D, axes: readonly string[], names: readonly string[]): Jet {
  const d = axes.length;
  const streams: Record<string, tf.Tensor | null> = { '': x };
  for (const n of names) {
    if (n === '') continue;
    if (n.length === 1) {
      const row = new Float32Array(d);
      row[axes.indexOf(n)] = 1;
      streams[n] = tf.tensor2d(row, [1, d]);
    } else streams[n] = null;
  }
  return { axes, names, streams };
}

/**
 * Records, for one dense layer, its input streams a_s [B, in] and (after a reverse pass) the
 * gradients δ_s [B, out] arriving at its output streams, so that per-sample parameter
 * gradients can be formed as Σ_s a_sᵀ δ_s per sample (docs/ARCHITECTURE.md, "Per-sample gradients").
 */
export interface LayerTap {
  layer: string;
  inputs: Record<string, tf.Tensor>;
  grads: Record<string, tf.Tensor>;
}

/** Identity whose gradient is copied into `sink[name]` (kept past the backward tidy). */
function tapped(x: tf.Tensor, sink: Record<string, tf.Tensor>, name: string): tf.Tensor {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
    value: tf.clone(args[0] as tf.Tensor),
    gradFunc: (dy: tf.Tensor) => {
      sink[name]?.dispose();
      sink[name] = tf.keep(tf.clone(dy));
      return dy;
    },
  }));
  return f(x);
}

/**
 * Whether to stack the batch-wide streams into one matMul. Worth it on the GPU backends (one
 * dispatch instead of several) and harmless on cpu; not on wasm, where a matMul of S·B rows
 * costs about what S products of B rows cost (measured [4096, 64]·[64, 64]: 1.1 ms vs
 * 4 × 0.31 ms) and the concat, split and their gradients only add work. Unstacking measured
 * 1.3–1.5× faster per step on burgers 1024 4×64 (wasm), most of it then from tfjs-wasm's
 * slow Slice kernel, since replaced (`kernels/wasm.ts`), after which stacking still did not pay.
 */
function stackStreams(): boolean {
  return tf.getBackend() !== 'wasm';
}

/**
 * A dense layer on a jet: every stream is multiplied by the same W [in, out]; the bias
 * touches only the value. One fused kernel where the backend has it (`kernels/dense-jet.ts`).
 * Otherwise, and with a `tap`: except on wasm, streams that span the batch are stacked along
 * the batch axis so that they cost one matMul (see `stackStreams`). With a `tap`, constant
 * streams are expanded to the batch and inputs/output gradients are recorded (diagnostics
 * only; slower).
 */
export function denseJet(jet: Jet, w: tf.Tensor2D, b: tf.Tensor1D | null, tap?: LayerTap): Jet {
  if (!tap) {
    const live = jet.names.filter((n) => jet.streams[n] !== null);
    const outs = fusedDense(
      live.map((n) => jet.streams[n] as tf.Tensor2D),
      w,
      b,
    );
    if (outs) {
      const streams: Record<string, tf.Tensor | null> = Object.fromEntries(jet.names.map((n) => [n, null]));
      live.forEach((n, i) => (streams[n] = outs[i]));
      return { axes: jet.axes, names: jet.names, streams };
    }
  }
  const full: string[] = [];
  const streams: Record<string, tf.Tensor | null> = {};
  const batch = jet.streams['']!.shape[0];
  if (tap) jet = expandJet(jet, batch);
  for (const n of jet.names) {
    const s = jet.streams[n];
    if (s === null) streams[n] = null;
    else if (s.shape[0] === batch && batch !== 1) full.push(n);
    else streams[n] = linear(s as tf.Tensor2D, w);
  }
  if (full.length === 1 || !stackStreams()) for (const n of full) streams[n] = linear(jet.streams[n] as tf.Tensor2D, w);
  else if (full.length > 1) {
    const stacked = tf.concat(
      full.map((n) => jet.streams[n] as tf.Tensor2D),
      0,
    );
    const parts = tf.split(linear(stacked, w), full.length, 0);
    full.forEach((n, i) => (streams[n] = parts[i]));
  }
  if (b) streams[''] = addBias(streams['']! as tf.Tensor2D, b);
  if (tap) {
    for (const n of jet.names) {
      if (streams[n] === null) continue;
      tap.inputs[n] = tf.keep(jet.streams[n]!);
      streams[n] = tapped(streams[n]!, tap.grads, n);
    }
  }
  return { axes: jet.axes, names: jet.names, streams };
}

/** The same jet with every constant ([1, w]) stream tiled to the batch. */
function expandJet(jet: Jet, batch: number): Jet {
  const streams: Record<string, tf.Tensor | null> = {};
  for (const n of jet.names) {
    const s = jet.streams[n];
    streams[n] = s && s.shape[0] !== batch ? tf.tile(s, [batch, 1]) : s;
  }
  return { axes: jet.axes, names: jet.names, streams };
}

/** Highest derivative order carried by a jet. */
export function jetOrder(jet: Jet): number {
  return jet.names.reduce((m, n) => Math.max(m, n.length), 0);
}

/**
 * An elementwise activation on a jet, by the multivariate Faà di Bruno formula
 * ∂^S φ(z) = Σ_π φ^(|π|)(z) Π_{B∈π} ∂^B z (see `chainTerms`); zero streams drop their terms.
 * One fused kernel where the backend has it (`kernels/activation-jet.ts`: cpu, wasm), else
 * from tfjs ops (`unfusedActivateJet`).
 */
export function activateJet(jet: Jet, act: ActivationDefinition): Jet {
  return fusedActivateJet(jet, act.id as ActivationId) ?? unfusedActivateJet(jet, act);
}

/** `activateJet` from tfjs ops: φ^(k)(z) as tensors, then `applyChain` (the reference for the fused kernel). */
export function unfusedActivateJet(jet: Jet, act: ActivationDefinition): Jet {
  return applyChain(jet, act.derivativesOn(tensorOps, jet.streams['']!, jetOrder(jet)));
}

/**
 * Given φ and its derivatives y[k] = φ^(k)(z) evaluated at the jet's value, the jet of φ(z).
 * Shared by activations and input embeddings.
 */
export function applyChain(jet: Jet, y: tf.Tensor[]): Jet {
  return { axes: jet.axes, names: jet.names, streams: chainForward(tensorOps, jet.streams, y, jet.names, jet.axes) };
}

/**
 * One network output and its derivatives, each [B, 1]. `d(name)` accepts the letters in any
 * order ('xt' = 'tx') and returns zeros for a derivative that vanishes identically.
 */
export class Field {
  constructor(
    private readonly streams: Record<string, tf.Tensor | null>,
    private readonly axes: readonly string[],
    private readonly batch: number,
  ) {}

  /** The value u. */
  get v(): tf.Tensor {
    return this.streams['']!;
  }

  /** ∂^name u, e.g. d('xx') = u_xx, d('tx') = u_tx. */
  d(name: string): tf.Tensor {
    const key = [...name]
      .map((c) => this.axes.indexOf(c))
      .sort((a, b) => a - b)
      .map((i) => this.axes[i])
      .join('');
    if (!(key in this.streams)) {
      throw new Error(
        `derivative '${name}' was not requested by this loss term (has: ${Object.keys(this.streams)
          .map((k) => k || 'value')
          .join(', ')})`,
      );
    }
    const s = this.streams[key];
    if (s === null) return tf.zeros([this.batch, 1]);
    return s.shape[0] === this.batch ? s : tf.tile(s, [this.batch, 1]);
  }
}

/** Split a network's output jet [B, nOut] into one Field per output. */
export function outputFields(jet: Jet, nOut: number): Field[] {
  const batch = jet.streams['']!.shape[0];
  const perOut: Record<string, tf.Tensor | null>[] = Array.from({ length: nOut }, () => ({}));
  for (const n of jet.names) {
    const s = jet.streams[n];
    const cols = s === null ? null : nOut === 1 ? [s] : tf.split(s, nOut, 1);
    for (let k = 0; k < nOut; k++) perOut[k][n] = cols ? cols[k] : null;
  }
  return perOut.map((s) => new Field(s, jet.axes, batch));
}
