import * as tf from '@tensorflow/tfjs';
import { inputJet, outputFields } from './jet/jet';
import { streamClosure } from './jet/keys';
import type { Network } from './nets';
import type { ParamValues, Pde } from './pdes';
import type { PointBatch } from './sampling';

/** The derivative streams each loss term of `pde` needs carried through the network. */
export function termStreams(pde: Pde): Record<string, string[]> {
  return Object.fromEntries(Object.entries(pde.terms).map(([t, term]) => [t, streamClosure(term.derivs, pde.axes)]));
}

/**
 * Per-term losses L_t = mean(r_t²) [nTerms], in the order of `terms`, each residual r_t
 * computed on the jet of the network at its batch of points. Call inside a tidy or a
 * gradient scope; the caller owns the result.
 */
export function termLosses(
  net: Network,
  pde: Pde,
  params: ParamValues,
  terms: readonly string[],
  batches: Record<string, PointBatch>,
  streams: Record<string, string[]>,
): tf.Tensor1D {
  const ls = terms.map((t) => {
    const b = batches[t];
    const x = tf.tensor2d(b.x, [b.n, pde.axes.length]);
    const aux = b.aux.map((a) => tf.tensor2d(a, [b.n, 1]));
    const fields = outputFields(net.forwardJet(inputJet(x, pde.axes, streams[t])), pde.outputs.length);
    return tf.mean(tf.square(pde.terms[t].residual(fields, aux, params)));
  });
  return tf.stack(ls) as tf.Tensor1D;
}
