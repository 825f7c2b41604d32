import * as tf from '@tensorflow/tfjs';
import { problems, spectralPdeFields } from '../reference';
import type { Pde } from './types';

/**
 * Allen–Cahn u_t − ε u_xx + κu³ − κu = 0 on t ∈ [0, 1], x ∈ [−1, 1] periodic (exact periodic
 * embedding), u(0, x) = x² cos πx; ε = 1e-4, κ = 5 by default (the jaxpi / "Respecting
 * causality" benchmark). Thin interfaces develop between the stable states u = ±1.
 * Evaluated against the spectral reference.
 */
export const allenCahn: Pde = {
  id: 'allen_cahn',
  label: 'Allen–Cahn (periodic)',
  ...spectralPdeFields('allen_cahn'),
  causalByDefault: true,
  periodic: { x: 2 },
  terms: {
    res: {
      region: { kind: 'interior' },
      role: 'residual',
      derivs: ['t', 'xx'],
      residual: ([u], _aux, { eps, kappa }) =>
        tf.add(tf.sub(u.d('t'), tf.mul(eps, u.d('xx'))), tf.mul(kappa, tf.sub(tf.pow(u.v, 3), u.v))),
    },
    ic: {
      region: { kind: 'slice', fixed: { t: 0 } },
      role: 'initial',
      derivs: [],
      aux: ([, x]) => [problems.allen_cahn.u0(x)],
      residual: ([u], [g]) => tf.sub(u.v, g),
    },
  },
};
