import * as tf from '@tensorflow/tfjs';
import type { Pde } from './types';

/**
 * Nonlinear Klein–Gordon u_tt − u_xx + γu³ = f on (t, x) ∈ [0, 1]² with exact solution
 * u = x cos(5πt) + (xt)³ (Wang, Teng, Perdikaris 2021, §2.5), f manufactured from it;
 * initial value, initial velocity and Dirichlet data at x = 0, 1 from u.
 */
const u = (t: number, x: number) => x * Math.cos(5 * Math.PI * t) + (x * t) ** 3;
const utt = (t: number, x: number) => -25 * Math.PI ** 2 * x * Math.cos(5 * Math.PI * t) + 6 * x ** 3 * t;
const uxx = (t: number, x: number) => 6 * x * t ** 3;

export const kleinGordon: Pde = {
  id: 'klein_gordon',
  label: 'Klein–Gordon',
  equation: 'u_tt − u_xx + γu³ = f(t,x), u = x cos(5πt) + (xt)³',
  axes: ['t', 'x'],
  domain: { t: [0, 1], x: [0, 1] },
  outputs: ['u'],
  params: { gamma: { label: 'γ (cubic coefficient)', default: 1, min: 0, max: 5 } },
  terms: {
    res: {
      region: { kind: 'interior' },
      role: 'residual',
      derivs: ['tt', 'xx'],
      aux: ([t, x], { gamma }) => [utt(t, x) - uxx(t, x) + gamma * u(t, x) ** 3],
      residual: ([f], [src], { gamma }) =>
        tf.sub(tf.add(tf.sub(f.d('tt'), f.d('xx')), tf.mul(gamma, tf.pow(f.v, 3))), src),
    },
    ic: {
      region: { kind: 'slice', fixed: { t: 0 } },
      role: 'initial',
      derivs: [],
      aux: ([t, x]) => [u(t, x)],
      residual: ([f], [g]) => tf.sub(f.v, g),
    },
    ic_t: {
      region: { kind: 'slice', fixed: { t: 0 } },
      role: 'initial',
      derivs: ['t'],
      residual: ([f]) => f.d('t'),
    },
    bc: {
      region: { kind: 'boundary', axes: ['x'] },
      role: 'boundary',
      derivs: [],
      aux: ([t, x]) => [u(t, x)],
      residual: ([f], [g]) => tf.sub(f.v, g),
    },
  },
  exact: ([t, x]) => [u(t, x)],
  grid: [101, 101],
};
