/**
 * The activation on a derivative jet as one fused kernel forward and one backward
 * (`PinnActivationJet`, `PinnActivationJetGrad`), registered on cpu, wasm, webgl and webgpu.
 *
 * Forward: φ^(k)(z) by the activation's own formulas, then every output stream by the
 * multivariate Faà di Bruno formula (`chainForward`), with the backend's kernels called
 * directly (`DirectOps`): the arithmetic is what the taped ops did, in one engine kernel.
 * Backward: for dh_S the upstream gradients,
 *   dz      = Σ_S Σ_π dh_S · c_π φ^(|π|+1)(z) Π_B ∂^B z        (the value enters every φ^(k)),
 *   d∂^B z  = Σ_S Σ_π∋B dh_S · c_π φ^(|π|)(z) Π_{B'≠B} ∂^{B'} z   (one factor removed per occurrence),
 * constant ([1, w]) input streams' gradients summed over the batch. φ^(k) are recomputed from
 * z rather than saved (saving costs a clone per tensor).
 */
import * as tf from '@tensorflow/tfjs';
import type { ActivationId } from '../activations';
import type { Jet } from '../jet/jet';
import { chainTerms } from '../jet/keys';
import { registerWebgpuJet } from './activation-jet-webgpu';
import { jetBackwardSums, jetForwardStreams, named, type JetAttrs } from './jet-sums';
import { hasFused, registerFused, registerFusedGradient, runMulti, type DirectOps } from './direct';

const forwardName = 'PinnActivationJet';
const backwardName = 'PinnActivationJetGrad';

/** Whether output stream `name` has a term whose blocks are all non-zero inputs. */
function reaches(name: string, axes: readonly string[], inNames: readonly string[]): boolean {
  return chainTerms(name, axes).some((t) => t.blocks.every((b) => inNames.includes(b)));
}

function forward(d: DirectOps, inputs: tf.TensorInfo[], a: JetAttrs): tf.TensorInfo[] {
  return jetForwardStreams(d, inputs, a);
}

function backward(d: DirectOps, inputs: tf.TensorInfo[], a: JetAttrs): tf.TensorInfo[] {
  const nIn = a.inNames.length;
  const z = named(a.inNames, inputs.slice(0, nIn));
  const dz = jetBackwardSums(d, z, inputs.slice(nIn), a);
  const batch = inputs[0].shape[0];
  return a.inNames.map((n, i) => {
    const g = dz[n] ?? d.scale(inputs[i], 0);
    return inputs[i].shape[0] === batch ? g : d.sumRows(g);
  });
}

registerFused(forwardName, forward);
registerFused(backwardName, backward);
registerFusedGradient(forwardName, backwardName);
registerWebgpuJet(forwardName, backwardName);

/**
 * φ on `jet` as one fused kernel (and one in the backward pass) where the active backend has
 * it; null elsewhere, where the caller forms the same sums from taped ops.
 */
export function fusedActivateJet(jet: Jet, act: ActivationId): Jet | null {
  if (!hasFused(forwardName)) return null;
  const inNames = jet.names.filter((n) => jet.streams[n] !== null);
  const outNames = jet.names.filter((n) => n === '' || reaches(n, jet.axes, inNames));
  const attrs: JetAttrs = { act, axes: [...jet.axes], inNames, outNames };
  const outs = runMulti(
    forwardName,
    inNames.map((n) => jet.streams[n]!),
    attrs,
  );
  const streams: Record<string, tf.Tensor | null> = {};
  for (const n of jet.names) streams[n] = null;
  outNames.forEach((n, i) => (streams[n] = outs[i]));
  return { axes: jet.axes, names: jet.names, streams };
}
