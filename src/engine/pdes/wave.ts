import * as tf from '@tensorflow/tfjs';
import type { Pde } from './types';

/**
 * 1-D wave equation u_tt = c² u_xx on (t, x) ∈ [0, 1]² (alignment paper's Wave benchmark),
 * u(0, x) = sin πx + ½ sin 4πx, u_t(0, x) = 0, u(t, 0) = u(t, 1) = 0; exact
 * u = sin(πx) cos(cπt) + ½ sin(4πx) cos(4cπt) (c = 2 gives cos 2πt and cos 8πt).
 */
const exact = (t: number, x: number, c: number) =>
  Math.sin(Math.PI * x) * Math.cos(c * Math.PI * t) + 0.5 * Math.sin(4 * Math.PI * x) * Math.cos(4 * c * Math.PI * t);

export const wave: Pde = {
  id: 'wave',
  label: 'Wave (1-D)',
  equation: 'u_tt = c² u_xx, u(0,x) = sin πx + ½ sin 4πx, u_t(0,x) = 0, u(t,0) = u(t,1) = 0',
  axes: ['t', 'x'],
  domain: { t: [0, 1], x: [0, 1] },
  outputs: ['u'],
  params: { c: { label: 'c (wave speed)', default: 2, min: 0.5, max: 4 } },
  terms: {
    res: {
      region: { kind: 'interior' },
      role: 'residual',
      derivs: ['tt', 'xx'],
      residual: ([u], _aux, { c }) => tf.sub(u.d('tt'), tf.mul(c * c, u.d('xx'))),
    },
    ic: {
      region: { kind: 'slice', fixed: { t: 0 } },
      role: 'initial',
      derivs: [],
      aux: ([, x]) => [Math.sin(Math.PI * x) + 0.5 * Math.sin(4 * Math.PI * x)],
      residual: ([u], [g]) => tf.sub(u.v, g),
    },
    ic_t: {
      region: { kind: 'slice', fixed: { t: 0 } },
      role: 'initial',
      derivs: ['t'],
      residual: ([u]) => u.d('t'),
    },
    bc: {
      region: { kind: 'boundary', axes: ['x'] },
      role: 'boundary',
      derivs: [],
      residual: ([u]) => u.v,
    },
  },
  exact: ([t, x], { c }) => [exact(t, x, c)],
  grid: [101, 101],
};
