import { linearCombination, multiplyJets } from './jet/algebra';
import type * as tf from '@tensorflow/tfjs';
import { coordinateJet, cosJet, productJet, sinJet, sumJet } from './jet/functions';
import { inputJet, type Jet } from './jet/jet';
import type { Network } from './nets';
import type { ParamValues, Pde } from './pdes';

/**
 * Hard constraints (Lagaris et al. 1998; Lu et al. 2021 "Physics-informed neural networks with
 * hard constraints for inverse design"; DeepXDE's `apply_output_transform`): the network N is
 * wrapped as u = g(x) + d(x)·N(x), where g meets the Dirichlet/initial data and d vanishes
 * where they are imposed (u = u₀(x) + t·N(t, x) for an initial condition alone). The data then
 * hold exactly, up to float32 round-off, and their loss terms drop out of the loss. g and d are
 * jets of closed forms (jet/functions.ts), so every derivative the residual reads is exact.
 */
export interface HardConstraint {
  /** The loss terms the transform satisfies identically (dropped from the loss). */
  terms: string[];
  /** The transform in words, for the panels and the CLI. */
  form: string;
  /** The jets of g [B|1, nOut] and d [B|1, 1] with the input jet's streams. */
  build(input: Jet, params: ParamValues): { g: Jet; d: Jet };
}

const coords = (input: Jet) => Object.fromEntries(input.axes.map((a) => [a, coordinateJet(input, a)]));

/** (x − lo)(hi − x) for a coordinate jet. */
const bump = (x: Jet, lo: number, hi: number) => multiplyJets(sumJet([[1, x]], -lo), sumJet([[-1, x]], hi));

/** u = u₀(x) + t·N(t, x): an initial condition at t = 0 alone (the periodic PDEs). */
function initialOnly(form: string, u0: (x: Jet, input: Jet) => Jet): HardConstraint {
  return {
    terms: ['ic'],
    form,
    build: (input) => {
      const c = coords(input);
      return { g: u0(c.x, input), d: c.t };
    },
  };
}

/** The hard constraints by PDE id (PDEs absent here have none). */
export const hardConstraints: Partial<Record<string, HardConstraint>> = {
  poisson1d: {
    terms: ['bc'],
    form: 'u = x·sin C + x(1 − x)·N(x)',
    build: (input, { C }) => {
      const { x } = coords(input);
      return { g: sumJet([[Math.sin(C), x]]), d: bump(x, 0, 1) };
    },
  },
  helmholtz: {
    terms: ['bc'],
    // Coons interpolation of the boundary data X(x)Y(y) with X = sin a1πx, Y = sin a2πy:
    // g = X̄Y + XȲ − X̄Ȳ with X̄ = x sin a1π, Ȳ = y sin a2π the linear interpolants (X, Y odd)
    form: 'u = g(x, y) + (1 − x²)(1 − y²)·N(x, y), g the Coons patch of the edge data',
    build: (input, { a1, a2 }) => {
      const { x, y } = coords(input);
      const X = sinJet(x, a1 * Math.PI),
        Y = sinJet(y, a2 * Math.PI);
      const Xl = sumJet([[Math.sin(a1 * Math.PI), x]]),
        Yl = sumJet([[Math.sin(a2 * Math.PI), y]]);
      const g = sumJet([
        [1, productJet(Xl, Y)],
        [1, productJet(X, Yl)],
        [-1, productJet(Xl, Yl)],
      ]);
      return { g, d: productJet(bump(x, -1, 1), bump(y, -1, 1)) };
    },
  },
  burgers: {
    terms: ['ic', 'bc'],
    form: 'u = −sin πx + t(1 − x²)·N(t, x)',
    build: (input) => {
      const { t, x } = coords(input);
      return { g: sinJet(x, -Math.PI), d: productJet(t, bump(x, -1, 1)) };
    },
  },
  wave: {
    terms: ['ic', 'ic_t', 'bc'],
    form: 'u = sin πx + ½ sin 4πx + t²x(1 − x)·N(t, x)',
    build: (input) => {
      const { t, x } = coords(input);
      return {
        g: sumJet([
          [1, sinJet(x, Math.PI)],
          [0.5, sinJet(x, 4 * Math.PI)],
        ]),
        d: productJet(t, t, bump(x, 0, 1)),
      };
    },
  },
  klein_gordon: {
    terms: ['ic', 'ic_t', 'bc'],
    // g = (1 − x)u(t, 0) + x u(t, 1) = x(cos 5πt + t³): u(0, x) = x, u_t(0, x) = 0 hold too
    form: 'u = x(cos 5πt + t³) + t²x(1 − x)·N(t, x)',
    build: (input) => {
      const { t, x } = coords(input);
      const g = productJet(
        x,
        sumJet([
          [1, cosJet(t, 5 * Math.PI)],
          [1, productJet(t, t, t)],
        ]),
      );
      return { g, d: productJet(t, t, bump(x, 0, 1)) };
    },
  },
  advection: initialOnly('u = sin x + t·N(t, x)', (x) => sinJet(x)),
  allen_cahn: initialOnly('u = x² cos πx + t·N(t, x)', (x) => productJet(x, x, cosJet(x, Math.PI))),
  kdv: initialOnly('u = cos πx + t·N(t, x)', (x) => cosJet(x, Math.PI)),
  ks: initialOnly('u = cos x (1 + sin x) + t·N(t, x)', (x) => productJet(cosJet(x), sumJet([[1, sinJet(x)]], 1))),
};

/** The hard constraint a PDE has, or undefined. */
export function hardConstraintOf(pde: Pde): HardConstraint | undefined {
  return hardConstraints[pde.id];
}

/** The PDE ids that have a hard constraint. */
export function hardConstraintIds(): string[] {
  return Object.keys(hardConstraints);
}

/** The jet of g + d ⊙ N (d broadcast over the outputs). */
export function constrainJet(input: Jet, n: Jet, c: HardConstraint, params: ParamValues): Jet {
  const { g, d } = c.build(input, params);
  return linearCombination([
    [1, g],
    [1, multiplyJets(d, n)],
  ]);
}

/**
 * `net` wrapped by the constraint's output transform: the same parameters and layers (taps
 * included), outputs u = g + d·N. PirateNet's least-squares initialisation fits the raw
 * output to the initial condition, which the transform already meets, so it is dropped.
 */
export function constrainNetwork(net: Network, pde: Pde, c: HardConstraint, params: ParamValues): Network {
  const forwardJet: Network['forwardJet'] = (input, taps) =>
    constrainJet(input, net.forwardJet(input, taps), c, params);
  return {
    inputDim: net.inputDim,
    outputDim: net.outputDim,
    params: net.params,
    buffers: net.buffers,
    layers: net.layers,
    forwardJet,
    forward: (x) => forwardJet(inputJet(x, pde.axes, [''])).streams[''] as tf.Tensor2D,
    dispose: () => net.dispose(),
  };
}
