import * as tf from '@tensorflow/tfjs';
import type { Jet } from './jet';
import { productTerms } from './keys';

/**
 * Arithmetic on derivative jets (same axes and stream names), for architectures that
 * combine layers: gates (modified MLP, PirateNet) and residual mixing. Zero (null) streams
 * are skipped; constant ([1, w]) streams broadcast.
 */

type Coef = number | tf.Tensor;

const mulC = (c: Coef, t: tf.Tensor) => (typeof c === 'number' && c === 1 ? t : tf.mul(t, c));

/**
 * Σ_k c_k · jet_k (+ constant on the value): the jet of a linear combination. Coefficients
 * are numbers or tensors constant in the inputs (e.g. a trainable scalar α).
 */
export function linearCombination(parts: readonly [Coef, Jet][], constant = 0): Jet {
  const first = parts[0][1];
  const streams: Record<string, tf.Tensor | null> = {};
  for (const n of first.names) {
    let acc: tf.Tensor | null = null;
    for (const [c, j] of parts) {
      const s = j.streams[n];
      if (!s) continue;
      const t = mulC(c, s);
      acc = acc ? tf.add(acc, t) : t;
    }
    streams[n] = acc;
  }
  if (constant !== 0) streams[''] = tf.add(streams['']!, constant);
  return { axes: first.axes, names: first.names, streams };
}

/** Elementwise product f ⊙ g by the general Leibniz rule (see `productTerms`). */
export function multiplyJets(f: Jet, g: Jet): Jet {
  const streams: Record<string, tf.Tensor | null> = {};
  for (const n of f.names) {
    let acc: tf.Tensor | null = null;
    for (const t of productTerms(n, f.axes)) {
      const a = f.streams[t.left];
      const b = g.streams[t.right];
      if (!a || !b) continue;
      const p = t.coef === 1 ? tf.mul(a, b) : tf.mul(t.coef, tf.mul(a, b));
      acc = acc ? tf.add(acc, p) : p;
    }
    streams[n] = acc;
  }
  return { axes: f.axes, names: f.names, streams };
}

/**
 * The gate z ⊙ U + (1 − z) ⊙ V = V + z ⊙ (U − V), used by the modified MLP and PirateNet.
 */
export function gateJets(z: Jet, u: Jet, v: Jet): Jet {
  return linearCombination([
    [1, v],
    [
      1,
      multiplyJets(
        z,
        linearCombination([
          [1, u],
          [-1, v],
        ]),
      ),
    ],
  ]);
}
