import * as tf from '@tensorflow/tfjs';
import type { Pde } from './types';

/**
 * Linear advection u_t + β u_x = 0 on x ∈ [0, 2π], t ∈ [0, 1], u(0, x) = sin x, periodic in x
 * (enforced exactly by the periodic embedding); exact u = sin(x − βt). Large β (default 30)
 * is the classic PINN failure mode of Krishnapriyan et al. 2021.
 */
export const advection: Pde = {
  id: 'advection',
  label: 'Advection (periodic)',
  equation: 'u_t + β u_x = 0, u(0,x) = sin x, x ∈ [0,2π] periodic',
  axes: ['t', 'x'],
  domain: { t: [0, 1], x: [0, 2 * Math.PI] },
  outputs: ['u'],
  params: { beta: { label: 'β (speed)', default: 30, min: 0, max: 100 } },
  periodic: { x: 2 * Math.PI },
  terms: {
    res: {
      region: { kind: 'interior' },
      role: 'residual',
      derivs: ['t', 'x'],
      residual: ([u], _aux, { beta }) => tf.add(u.d('t'), tf.mul(beta, u.d('x'))),
    },
    ic: {
      region: { kind: 'slice', fixed: { t: 0 } },
      role: 'initial',
      derivs: [],
      aux: ([, x]) => [Math.sin(x)],
      residual: ([u], [g]) => tf.sub(u.v, g),
    },
  },
  exact: ([t, x], { beta }) => [Math.sin(x - beta * t)],
  grid: [101, 128],
};
