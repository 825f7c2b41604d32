import * as tf from '@tensorflow/tfjs';
import type { Activation } from './types';

/**
 * swish (SiLU) φ(z) = z σ(z), smooth and non-saturating for z → +∞.
 * With s = σ(z): s1 = s(1−s), s2 = s1(1−2s), s3 = s2(1−2s) − 2 s1², s4 = s3(1−2s) − 6 s1 s2,
 * and φ^(k) = k s^(k−1) + z s^(k).
 */
export const swish: Activation = {
  id: 'swish',
  scalar: (z) => z / (1 + Math.exp(-z)),
  derivatives(z, order) {
    if (order > 4) throw new Error('swish jets support derivatives up to order 4');
    const s = tf.sigmoid(z);
    const sd: tf.Tensor[] = [s];
    const oneMinus2s = order >= 2 ? tf.sub(1, tf.mul(2, s)) : null;
    if (order >= 1) sd.push(tf.mul(s, tf.sub(1, s)));
    if (order >= 2) sd.push(tf.mul(sd[1], oneMinus2s!));
    if (order >= 3) sd.push(tf.sub(tf.mul(sd[2], oneMinus2s!), tf.mul(2, tf.square(sd[1]))));
    if (order >= 4) sd.push(tf.sub(tf.mul(sd[3], oneMinus2s!), tf.mul(6, tf.mul(sd[1], sd[2]))));
    const out: tf.Tensor[] = [tf.mul(z, s)];
    for (let k = 1; k <= order; k++) out.push(tf.add(tf.mul(k, sd[k - 1]), tf.mul(z, sd[k])));
    return out;
  },
};
