import * as tf from '@tensorflow/tfjs';
import type { Pde } from './types';

/**
 * 1-D Poisson u'' = g on [0, 1] with u = sin(Cx), g = −C² sin(Cx), Dirichlet at both ends.
 * The gradient-pathologies paper's stiffness example: the residual's gradients grow like C²
 * relative to the boundary's as C increases.
 */
export const poisson1d: Pde = {
  id: 'poisson1d',
  label: '1-D Poisson',
  equation: "u'' = −C² sin(Cx), x ∈ [0,1], u(0) = 0, u(1) = sin C",
  axes: ['x'],
  domain: { x: [0, 1] },
  outputs: ['u'],
  params: { C: { label: 'C (frequency)', default: 1, min: 0.1, max: 32 } },
  terms: {
    res: {
      region: { kind: 'interior' },
      role: 'residual',
      derivs: ['xx'],
      aux: ([x], { C }) => [-C * C * Math.sin(C * x)],
      residual: ([u], [g]) => tf.sub(u.d('xx'), g),
    },
    bc: {
      region: { kind: 'boundary', axes: ['x'] },
      role: 'boundary',
      derivs: [],
      aux: ([x], { C }) => [Math.sin(C * x)],
      residual: ([u], [g]) => tf.sub(u.v, g),
    },
  },
  exact: ([x], { C }) => [Math.sin(C * x)],
  grid: [256],
};
