import * as tf from '@tensorflow/tfjs';
import type { Pde } from './types';

/**
 * 2-D Helmholtz Δu + k²u = q on [−1, 1]², exact u = sin(a1 πx) sin(a2 πy),
 * q = (k² − (a1π)² − (a2π)²) u, Dirichlet data from u on the four edges
 * (Wang, Teng, Perdikaris 2021, §2.3; defaults a1 = 1, a2 = 4, k = 1).
 */
const u = (x: number, y: number, a1: number, a2: number) => Math.sin(a1 * Math.PI * x) * Math.sin(a2 * Math.PI * y);

export const helmholtz: Pde = {
  id: 'helmholtz',
  label: 'Helmholtz (2-D)',
  equation: 'u_xx + u_yy + k²u = q(x,y) on [−1,1]², u = sin(a1πx)sin(a2πy)',
  axes: ['x', 'y'],
  domain: { x: [-1, 1], y: [-1, 1] },
  outputs: ['u'],
  params: {
    a1: { label: 'a1 (x frequency)', default: 1, min: 0.5, max: 8 },
    a2: { label: 'a2 (y frequency)', default: 4, min: 0.5, max: 8 },
    k: { label: 'k (wavenumber)', default: 1, min: 0, max: 10 },
  },
  terms: {
    res: {
      region: { kind: 'interior' },
      role: 'residual',
      derivs: ['xx', 'yy'],
      aux: ([x, y], { a1, a2, k }) => [(k * k - (a1 * Math.PI) ** 2 - (a2 * Math.PI) ** 2) * u(x, y, a1, a2)],
      residual: ([f], [q], { k }) => tf.sub(tf.add(tf.add(f.d('xx'), f.d('yy')), tf.mul(k * k, f.v)), q),
    },
    bc: {
      region: { kind: 'boundary', axes: ['x', 'y'] },
      role: 'boundary',
      derivs: [],
      aux: ([x, y], { a1, a2 }) => [u(x, y, a1, a2)],
      residual: ([f], [g]) => tf.sub(f.v, g),
    },
  },
  exact: ([x, y], { a1, a2 }) => [u(x, y, a1, a2)],
  grid: [101, 101],
};
