/**
 * The activation jet's arithmetic, forward and backward, written once against ElementOps:
 * the fused kernel (activation-jet.ts) runs it on the backend's own kernels, the WebGPU
 * kernel (activation-jet-webgpu.ts) records it as an expression graph and writes one program
 * per stream. See activation-jet.ts for the formulas.
 */
import { activations, type ActivationId } from '../activations';
import type { ElementOps } from '../activations/ops';
import { blockStreams, chainForward, termProduct, type StreamMap } from '../jet/chain';
import { chainTerms } from '../jet/keys';

/** Attributes of both kernels: the activation, the axes, and which streams go in and out. */
export interface JetAttrs {
  act: ActivationId;
  axes: string[];
  /** Names of the input streams, value ('') first: the non-null streams of the jet. */
  inNames: string[];
  /** Names of the output streams, value first: those with at least one non-zero term. */
  outNames: string[];
}

/** Highest φ-derivative order the outputs need. */
export function orderOf(a: JetAttrs): number {
  return Math.max(1, ...a.outNames.map((n) => n.length));
}

/** `list` as a stream map, `names[i]` → `list[i]`. */
export function named<T>(names: readonly string[], list: readonly T[]): StreamMap<T> {
  return Object.fromEntries(names.map((n, i) => [n, list[i]]));
}

/** The output streams (in `a.outNames` order) of φ on the input streams `inputs` (`a.inNames` order). */
export function jetForwardStreams<T>(ops: ElementOps<T>, inputs: readonly T[], a: JetAttrs): T[] {
  const z = named(a.inNames, inputs);
  const y = activations[a.act].derivativesOn(ops, inputs[0], orderOf(a));
  const out = chainForward(ops, z, y, a.outNames, a.axes);
  return a.outNames.map((n) => out[n]!);
}

/**
 * The backward pass's elementwise sums: the gradient of every input stream the outputs reach
 * (by name; before constant streams are summed over the batch), given the inputs `z`, the
 * upstream gradients `dh` (one per output, in `outNames` order). Written
 * against ElementOps: the fused kernel runs it on the backend's kernels, the WebGPU kernel
 * turns it into one program per input stream.
 */
export function jetBackwardSums<T>(ops: ElementOps<T>, z: StreamMap<T>, dh: readonly T[], a: JetAttrs): StreamMap<T> {
  const y = activations[a.act].derivativesOn(ops, z['']!, orderOf(a) + 1);
  const dz: StreamMap<T> = {};
  const add = (name: string, t: T) => (dz[name] = dz[name] ? ops.add(dz[name]!, t) : t);
  add('', ops.mul(dh[0], y[1]));
  a.outNames.forEach((n, s) => {
    if (n === '') return;
    for (const term of chainTerms(n, a.axes)) {
      const blocks = blockStreams(z, term.blocks);
      if (!blocks) continue;
      add('', termProduct(ops, term.coef, y[term.order + 1], [dh[s], ...blocks]));
      term.blocks.forEach((b, j) => {
        const others = blocks.filter((_, k) => k !== j);
        add(b, termProduct(ops, term.coef, y[term.order], [dh[s], ...others]));
      });
    }
  });
  return dz;
}
