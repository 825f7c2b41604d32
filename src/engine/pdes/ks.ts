import * as tf from '@tensorflow/tfjs';
import { problems, spectralPdeFields } from '../reference';
import type { Pde } from './types';

/**
 * Kuramoto–Sivashinsky u_t + α u u_x + β u_xx + γ u_xxxx = 0 on t ∈ [0, 1], x ∈ [0, 2π]
 * periodic (exact periodic embedding), u(0, x) = cos x (1 + sin x); α = 100/16, β = 100/16²,
 * γ = 100/16⁴ (jaxpi's chaotic KS; "Respecting causality", Wang, Sankaran, Perdikaris 2022).
 * The residual needs the fourth x-derivative through the jets. Evaluated against the
 * spectral reference.
 */
export const ks: Pde = {
  id: 'ks',
  label: 'Kuramoto–Sivashinsky (periodic)',
  ...spectralPdeFields('ks'),
  causalByDefault: true,
  periodic: { x: 2 * Math.PI },
  terms: {
    res: {
      region: { kind: 'interior' },
      role: 'residual',
      derivs: ['t', 'x', 'xx', 'xxxx'],
      residual: ([u], _aux, { alpha, beta, gamma }) =>
        tf.addN([u.d('t'), tf.mul(alpha, tf.mul(u.v, u.d('x'))), tf.mul(beta, u.d('xx')), tf.mul(gamma, u.d('xxxx'))]),
    },
    ic: {
      region: { kind: 'slice', fixed: { t: 0 } },
      role: 'initial',
      derivs: [],
      aux: ([, x]) => [problems.ks.u0(x)],
      residual: ([u], [g]) => tf.sub(u.v, g),
    },
  },
};
