import * as tf from '@tensorflow/tfjs';
import { cavityReference } from '../cavity/reference';
import type { Field } from '../jet/jet';
import type { Pde } from './types';

/**
 * Steady incompressible Navier–Stokes in the unit square, the lid-driven cavity of the
 * gradient-pathologies paper (§3.2): u·∇u + ∇p − Δu/Re = 0, ∇·u = 0, lid u = 1 at y = 1,
 * no slip elsewhere. Velocity–pressure formulation: outputs (u, v, p), three residuals
 * (x- and y-momentum, continuity). The paper finds every model stuck near relL2 0.75 here.
 */
export const lidTarget = ([, y]: number[]) => [y === 1 ? 1 : 0, 0];

/** x- and y-momentum residuals from the velocity's derivatives. */
export function momentum(
  u: tf.Tensor,
  v: tf.Tensor,
  ux: tf.Tensor,
  uy: tf.Tensor,
  vx: tf.Tensor,
  vy: tf.Tensor,
  px: tf.Tensor,
  py: tf.Tensor,
  lapU: tf.Tensor,
  lapV: tf.Tensor,
  re: number,
): [tf.Tensor, tf.Tensor] {
  const ru = tf.sub(tf.add(tf.add(tf.mul(u, ux), tf.mul(v, uy)), px), tf.div(lapU, re));
  const rv = tf.sub(tf.add(tf.add(tf.mul(u, vx), tf.mul(v, vy)), py), tf.div(lapV, re));
  return [ru, rv];
}

const vp = ([u, v, p]: Field[], re: number) =>
  momentum(
    u.v,
    v.v,
    u.d('x'),
    u.d('y'),
    v.d('x'),
    v.d('y'),
    p.d('x'),
    p.d('y'),
    tf.add(u.d('xx'), u.d('yy')),
    tf.add(v.d('xx'), v.d('yy')),
    re,
  );

export const ldc: Pde = {
  id: 'ldc',
  label: 'Lid-driven cavity (u, v, p)',
  equation: 'u·∇u + ∇p = Δu/Re, ∇·u = 0 on [0,1]², lid u = 1 at y = 1',
  axes: ['x', 'y'],
  domain: { x: [0, 1], y: [0, 1] },
  outputs: ['u', 'v', 'p'],
  params: { Re: { label: 'Re (Reynolds number)', default: 100, min: 1, max: 400 } },
  terms: {
    res_u: {
      region: { kind: 'interior' },
      role: 'residual',
      derivs: ['x', 'y', 'xx', 'yy'],
      residual: (f, _a, { Re }) => vp(f, Re)[0],
    },
    res_v: {
      region: { kind: 'interior' },
      role: 'residual',
      derivs: ['x', 'y', 'xx', 'yy'],
      residual: (f, _a, { Re }) => vp(f, Re)[1],
    },
    res_c: {
      region: { kind: 'interior' },
      role: 'residual',
      derivs: ['x', 'y'],
      residual: ([u, v]) => tf.add(u.d('x'), v.d('y')),
    },
    bc: {
      region: { kind: 'boundary', axes: ['x', 'y'] },
      role: 'boundary',
      derivs: [],
      aux: lidTarget,
      residual: ([u, v], [g]) => tf.concat([tf.sub(u.v, g), v.v], 1),
    },
  },
  observables: { names: ['u', 'v'], derivs: [], compute: ([u, v]) => [u.v, v.v] },
  reference: cavityReference,
  grid: [129, 129],
};
