import * as tf from '@tensorflow/tfjs';
import { problems, spectralPdeFields } from '../reference';
import type { Pde } from './types';

/**
 * Viscous Burgers u_t + u u_x − ν u_xx = 0 on t ∈ [0, 1], x ∈ [−1, 1], u(0, x) = −sin πx,
 * u(t, ±1) = 0 (Raissi, Perdikaris, Karniadakis 2019; ν = 0.01/π by default). A shock forms
 * at x = 0 near t ≈ 0.3. No closed form: evaluated against the spectral reference
 * (`reference/problems.ts`, checked against the Cole–Hopf solution in the tests).
 */
export const burgers: Pde = {
  id: 'burgers',
  label: 'Burgers (viscous)',
  ...spectralPdeFields('burgers'),
  terms: {
    res: {
      region: { kind: 'interior' },
      role: 'residual',
      derivs: ['t', 'x', 'xx'],
      residual: ([u], _aux, { nu }) => tf.sub(tf.add(u.d('t'), tf.mul(u.v, u.d('x'))), tf.mul(nu, u.d('xx'))),
    },
    ic: {
      region: { kind: 'slice', fixed: { t: 0 } },
      role: 'initial',
      derivs: [],
      aux: ([, x]) => [problems.burgers.u0(x)],
      residual: ([u], [g]) => tf.sub(u.v, g),
    },
    bc: {
      region: { kind: 'boundary', axes: ['x'] },
      role: 'boundary',
      derivs: [],
      residual: ([u]) => u.v,
    },
  },
};
