import * as tf from '@tensorflow/tfjs';
import { cavityReference } from '../cavity/reference';
import type { Field } from '../jet/jet';
import { lidTarget, momentum } from './ldc';
import type { Pde } from './types';

/**
 * The lid-driven cavity in the stream-function–pressure formulation (gradient-pathologies
 * paper, §3.2, eq. 43): outputs (ψ, p), u = ψ_y, v = −ψ_x, so continuity holds exactly and
 * the momentum residuals need ψ's third derivatives. The paper's M4 reaches relL2 3.4e-2 here.
 */
const streams = ['x', 'y', 'xx', 'xy', 'yy', 'xxy', 'yyy', 'xxx', 'xyy'];

const residuals = ([psi, p]: Field[], re: number) =>
  momentum(
    psi.d('y'),
    tf.neg(psi.d('x')),
    psi.d('xy'),
    psi.d('yy'),
    tf.neg(psi.d('xx')),
    tf.neg(psi.d('xy')),
    p.d('x'),
    p.d('y'),
    tf.add(psi.d('xxy'), psi.d('yyy')),
    tf.neg(tf.add(psi.d('xxx'), psi.d('xyy'))),
    re,
  );

export const ldcStream: Pde = {
  id: 'ldc_stream',
  label: 'Lid-driven cavity (ψ, p)',
  equation: 'u = ψ_y, v = −ψ_x; u·∇u + ∇p = Δu/Re on [0,1]², lid u = 1 at y = 1',
  axes: ['x', 'y'],
  domain: { x: [0, 1], y: [0, 1] },
  outputs: ['psi', 'p'],
  params: { Re: { label: 'Re (Reynolds number)', default: 100, min: 1, max: 400 } },
  terms: {
    res_u: {
      region: { kind: 'interior' },
      role: 'residual',
      derivs: streams,
      residual: (f, _a, { Re }) => residuals(f, Re)[0],
    },
    res_v: {
      region: { kind: 'interior' },
      role: 'residual',
      derivs: streams,
      residual: (f, _a, { Re }) => residuals(f, Re)[1],
    },
    bc: {
      region: { kind: 'boundary', axes: ['x', 'y'] },
      role: 'boundary',
      derivs: ['x', 'y'],
      aux: lidTarget,
      residual: ([psi], [g]) => tf.concat([tf.sub(psi.d('y'), g), psi.d('x')], 1),
    },
  },
  observables: { names: ['u', 'v'], derivs: ['x', 'y'], compute: ([psi]) => [psi.d('y'), tf.neg(psi.d('x'))] },
  reference: cavityReference,
  grid: [129, 129],
};
