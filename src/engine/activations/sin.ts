import * as tf from '@tensorflow/tfjs';
import type { Activation } from './types';

/** sin with derivatives cos z, −sin z, −cos z, sin z, … (period 4). */
export const sin: Activation = {
  id: 'sin',
  scalar: Math.sin,
  derivatives(z, order) {
    const s = tf.sin(z);
    const out: tf.Tensor[] = [s];
    if (order < 1) return out;
    const c = tf.cos(z);
    const ns = tf.neg(s);
    const nc = tf.neg(c);
    const cycle = [s, c, ns, nc];
    for (let k = 1; k <= order; k++) out.push(cycle[k % 4]);
    return out;
  },
};
