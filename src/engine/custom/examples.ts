import type { CustomPdeSpec } from './spec';

/**
 * Ready-made custom PDE specs: templates for the UI editor and the CLI, and test cases.
 * Those mirroring built-in PDEs use the same parameter names and defaults, so the tests can
 * check that parsing reproduces the hand-written residuals exactly.
 */
export const customExamples = {
  /** Viscous Burgers (Raissi et al. 2019), as `pdes/burgers.ts`. */
  burgers: {
    label: 'Burgers (typed)',
    axes: ['t', 'x'],
    domain: { t: [0, 1], x: [-1, 1] },
    outputs: ['u'],
    params: { nu: 0.01 / Math.PI },
    residual: 'u_t + u*u_x - nu*u_xx',
    ic: '-sin(pi*x)',
    bcs: [{ kind: 'dirichlet', axis: 'x', value: '0' }],
  },
  /** 2-D Helmholtz with a manufactured solution (Wang, Teng, Perdikaris 2021), as `pdes/helmholtz.ts`. */
  helmholtz: {
    label: 'Helmholtz (typed)',
    axes: ['x', 'y'],
    domain: { x: [-1, 1], y: [-1, 1] },
    outputs: ['u'],
    params: { a1: 1, a2: 4, k: 1 },
    residual: 'u_xx + u_yy + k^2*u - (k^2 - (a1*pi)^2 - (a2*pi)^2)*sin(a1*pi*x)*sin(a2*pi*y)',
    bcs: [
      { kind: 'dirichlet', axis: 'x', value: 'sin(a1*pi*x)*sin(a2*pi*y)' },
      { kind: 'dirichlet', axis: 'y', value: 'sin(a1*pi*x)*sin(a2*pi*y)' },
    ],
  },
  /** Linear advection, periodic in x (Krishnapriyan et al. 2021), as `pdes/advection.ts`. */
  advection: {
    label: 'Advection (typed)',
    axes: ['t', 'x'],
    domain: { t: [0, 1], x: [0, 2 * Math.PI] },
    outputs: ['u'],
    params: { beta: 30 },
    residual: 'u_t + beta*u_x',
    ic: 'sin(x)',
    bcs: [{ kind: 'periodic', axis: 'x' }],
  },
  /** 1-D wave equation with an initial velocity, as `pdes/wave.ts`. */
  wave: {
    label: 'Wave (typed)',
    axes: ['t', 'x'],
    domain: { t: [0, 1], x: [0, 1] },
    outputs: ['u'],
    params: { c: 2 },
    residual: 'u_tt - c^2*u_xx',
    ic: 'sin(pi*x) + 0.5*sin(4*pi*x)',
    ic_t: '0',
    bcs: [{ kind: 'dirichlet', axis: 'x', value: '0' }],
  },
  /** Kuramoto–Sivashinsky (fourth derivative), as `pdes/ks.ts`. */
  ks: {
    label: 'Kuramoto–Sivashinsky (typed)',
    axes: ['t', 'x'],
    domain: { t: [0, 1], x: [0, 2 * Math.PI] },
    outputs: ['u'],
    params: { alpha: 100 / 16, beta: 100 / 16 ** 2, gamma: 100 / 16 ** 4 },
    residual: 'u_t + alpha*u*u_x + beta*u_xx + gamma*u_xxxx',
    ic: 'cos(x)*(1 + sin(x))',
    bcs: [{ kind: 'periodic', axis: 'x' }],
  },
  /** Heat equation in 2-D with a decaying mode; a one-sided condition on each axis. */
  heat2d: {
    label: 'Heat (2-D)',
    axes: ['t', 'x', 'y'],
    domain: { t: [0, 0.5], x: [0, 1], y: [0, 1] },
    outputs: ['u'],
    params: { kappa: 0.1 },
    residual: 'u_t - kappa*(u_xx + u_yy)',
    ic: 'sin(pi*x)*sin(pi*y)',
    bcs: [
      { kind: 'dirichlet', axis: 'x', value: '0' },
      { kind: 'dirichlet', axis: 'y', side: 'lo', value: '0' },
      { kind: 'dirichlet', axis: 'y', side: 'hi', value: '0' },
    ],
  },
  /**
   * Lid-driven cavity, velocity–pressure form (gradient-pathologies paper §4.3): three
   * equations, three outputs, no boundary value for the pressure.
   */
  cavity: {
    label: 'Lid-driven cavity (typed)',
    axes: ['x', 'y'],
    domain: { x: [0, 1], y: [0, 1] },
    outputs: ['u', 'v', 'p'],
    params: { Re: 100 },
    residual: ['u*u_x + v*u_y + p_x - (u_xx + u_yy)/Re', 'u*v_x + v*v_y + p_y - (v_xx + v_yy)/Re', 'u_x + v_y'],
    bcs: [
      { kind: 'dirichlet', axis: 'x', value: ['0', '0', null] },
      { kind: 'dirichlet', axis: 'y', side: 'lo', value: ['0', '0', null] },
      { kind: 'dirichlet', axis: 'y', side: 'hi', value: ['1', '0', null] },
    ],
  },
} satisfies Record<string, CustomPdeSpec>;
