import type { ActivationDefinition } from './types';

/**
 * swish (SiLU) φ(z) = z σ(z), smooth and non-saturating for z → +∞.
 * With s = σ(z) and s' = s − s², the Leibniz rule gives s_{k+1} = s_k − Σ_j C(k, j) s_j s_{k−j}:
 * s1 = s(1−s), s2 = s1(1−2s), s3 = s2(1−2s) − 2 s1², s4 = s3(1−2s) − 6 s1 s2,
 * s5 = s4(1−2s) − 8 s1 s3 − 6 s2²; and φ^(k) = k s^(k−1) + z s^(k).
 */
export const swish: ActivationDefinition = {
  id: 'swish',
  scalar: (z) => z / (1 + Math.exp(-z)),
  derivativesOn(ops, z, order) {
    if (order > 5) throw new Error('swish jets support derivatives up to order 5');
    const s = ops.sigmoid(z);
    const sd = [s];
    const oneMinus2s = order >= 2 ? ops.shift(ops.scale(s, -2), 1) : null;
    if (order >= 1) sd.push(ops.mul(s, ops.shift(ops.scale(s, -1), 1)));
    if (order >= 2) sd.push(ops.mul(sd[1], oneMinus2s!));
    if (order >= 3) sd.push(ops.sub(ops.mul(sd[2], oneMinus2s!), ops.scale(ops.square(sd[1]), 2)));
    if (order >= 4) sd.push(ops.sub(ops.mul(sd[3], oneMinus2s!), ops.scale(ops.mul(sd[1], sd[2]), 6)));
    if (order >= 5) {
      const rest = ops.add(ops.scale(ops.mul(sd[1], sd[3]), 8), ops.scale(ops.square(sd[2]), 6));
      sd.push(ops.sub(ops.mul(sd[4], oneMinus2s!), rest));
    }
    const out = [ops.mul(z, s)];
    for (let k = 1; k <= order; k++) out.push(ops.add(ops.scale(sd[k - 1], k), ops.mul(z, sd[k])));
    return out;
  },
};
