import * as tf from '@tensorflow/tfjs';
import { sin } from '../activations/sin';
import { linearCombination, multiplyJets } from './algebra';
import { activateJet, type Jet } from './jet';

/**
 * Jets of known closed-form functions of the inputs, built from the input jet with the same
 * stream names, so they combine exactly with a network's output jet (the hard-constraint
 * transforms u = g + d·N): the coordinates, affine maps, sin/cos by Faà di Bruno and products
 * by Leibniz. Every stream is exact; nothing is differenced.
 */

/** The jet of coordinate x_axis: value X[:, k] [B, 1], first derivative 1 along its own axis, all else 0. */
export function coordinateJet(input: Jet, axis: string): Jet {
  const k = input.axes.indexOf(axis);
  if (k < 0) throw new Error(`coordinateJet: no axis '${axis}' (axes: ${input.axes.join(', ')})`);
  const x = input.streams['']! as tf.Tensor2D;
  const streams: Record<string, tf.Tensor | null> = {};
  for (const n of input.names) {
    if (n === '') streams[n] = tf.slice(x, [0, k], [-1, 1]);
    else streams[n] = n === axis ? tf.ones([1, 1]) : null;
  }
  return { axes: input.axes, names: input.names, streams };
}

/** a·f + b. */
export function affineJet(f: Jet, a: number, b = 0): Jet {
  return linearCombination([[a, f]], b);
}

/** sin(a·f + b). */
export function sinJet(f: Jet, a = 1, b = 0): Jet {
  return activateJet(affineJet(f, a, b), sin);
}

/** cos(a·f + b) = sin(a·f + b + π/2). */
export function cosJet(f: Jet, a = 1, b = 0): Jet {
  return sinJet(f, a, b + Math.PI / 2);
}

/** The product of several jets (Leibniz rule, pairwise). */
export function productJet(...fs: Jet[]): Jet {
  return fs.reduce((acc, f) => multiplyJets(acc, f));
}

/** Σ c_k f_k + constant. */
export function sumJet(parts: readonly [number, Jet][], constant = 0): Jet {
  return linearCombination(parts, constant);
}
