import * as tf from '@tensorflow/tfjs';
import { problems, spectralPdeFields } from '../reference';
import type { Pde } from './types';

/**
 * Korteweg–de Vries u_t + u u_x + δ² u_xxx = 0 on t ∈ [0, 1], x ∈ [−1, 1] periodic (exact
 * periodic embedding), u(0, x) = cos πx; δ = 0.022 (Zabusky & Kruskal 1965): the cosine
 * steepens and splits into a train of solitons. Evaluated against the spectral reference.
 */
export const kdv: Pde = {
  id: 'kdv',
  label: 'Korteweg–de Vries (periodic)',
  ...spectralPdeFields('kdv'),
  causalByDefault: true,
  periodic: { x: 2 },
  terms: {
    res: {
      region: { kind: 'interior' },
      role: 'residual',
      derivs: ['t', 'x', 'xxx'],
      residual: ([u], _aux, { delta }) =>
        tf.add(tf.add(u.d('t'), tf.mul(u.v, u.d('x'))), tf.mul(delta * delta, u.d('xxx'))),
    },
    ic: {
      region: { kind: 'slice', fixed: { t: 0 } },
      role: 'initial',
      derivs: [],
      aux: ([, x]) => [problems.kdv.u0(x)],
      residual: ([u], [g]) => tf.sub(u.v, g),
    },
  },
};
