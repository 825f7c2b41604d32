import * as tf from '@tensorflow/tfjs';
import { applyChain, jetOrder, type Jet } from '../jet/jet';

/**
 * Exact periodic input embedding (jaxpi `periodic`): each periodic axis a with period P is
 * replaced by the two features cos(ω x_a), sin(ω x_a), ω = 2π / P, so any network built on
 * it is exactly P-periodic in x_a with all its derivatives. Non-periodic axes pass through.
 */
export interface PeriodicEmbedding {
  /** Period per axis name, e.g. { x: 2π }. */
  periods: Record<string, number>;
}

/** Number of features the embedding produces from `axes`. */
export function embeddedDim(axes: readonly string[], emb: PeriodicEmbedding | undefined): number {
  if (!emb) return axes.length;
  return axes.reduce((n, a) => n + (a in emb.periods ? 2 : 1), 0);
}

/** The jet of column `col` of every stream ([B or 1, 1] slices; null stays null). */
function columnJet(jet: Jet, col: number): Jet {
  const streams: Record<string, tf.Tensor | null> = {};
  for (const n of jet.names) {
    const s = jet.streams[n];
    streams[n] = s === null ? null : tf.slice(s, [0, col], [s.shape[0], 1]);
  }
  return { axes: jet.axes, names: jet.names, streams };
}

/** Scale every stream of a jet by a constant. */
function scaleJet(jet: Jet, c: number): Jet {
  const streams: Record<string, tf.Tensor | null> = {};
  for (const n of jet.names) streams[n] = jet.streams[n] === null ? null : tf.mul(jet.streams[n]!, c);
  return { axes: jet.axes, names: jet.names, streams };
}

/** Concatenate jets along the feature axis, broadcasting constant streams and filling zeros. */
export function concatJets(parts: Jet[]): Jet {
  const first = parts[0];
  const batch = first.streams['']!.shape[0];
  const streams: Record<string, tf.Tensor | null> = {};
  for (const n of first.names) {
    if (parts.every((p) => p.streams[n] === null)) {
      streams[n] = null;
      continue;
    }
    const fullBatch = parts.some((p) => p.streams[n] !== null && p.streams[n]!.shape[0] === batch) ? batch : 1;
    const cols = parts.map((p) => {
      const s = p.streams[n];
      const width = p.streams['']!.shape[1]!;
      if (s === null) return tf.zeros([fullBatch, width]);
      return s.shape[0] === fullBatch ? s : tf.tile(s, [fullBatch, 1]);
    });
    streams[n] = cols.length === 1 ? cols[0] : tf.concat(cols, 1);
  }
  return { axes: first.axes, names: first.names, streams };
}

/** Apply the periodic embedding to an input jet. */
export function embedPeriodic(jet: Jet, emb: PeriodicEmbedding): Jet {
  const parts: Jet[] = [];
  jet.axes.forEach((axis, col) => {
    const c = columnJet(jet, col);
    const period = emb.periods[axis];
    if (period === undefined) {
      parts.push(c);
      return;
    }
    parts.push(...cosSinJets(scaleJet(c, (2 * Math.PI) / period)));
  });
  return concatJets(parts);
}

/** The jets of cos z and sin z (elementwise), by the chain rule with their derivative cycles. */
export function cosSinJets(z: Jet): [Jet, Jet] {
  const order = jetOrder(z);
  const s = tf.sin(z.streams['']!);
  const co = tf.cos(z.streams['']!);
  const sinCycle = [s, co, tf.neg(s), tf.neg(co)];
  const cosCycle = [co, tf.neg(s), tf.neg(co), s];
  const ys = (cyc: tf.Tensor[]) => Array.from({ length: order + 1 }, (_, k) => cyc[k % 4]);
  return [applyChain(z, ys(cosCycle)), applyChain(z, ys(sinCycle))];
}
