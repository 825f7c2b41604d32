import type { ParamSpec, ParamValues } from '../pdes/types';
import type { Symbol } from './spectral';

/**
 * The four time-dependent 1-D benchmarks of the PINN literature (Raissi et al. 2019; Wang,
 * Sankaran, Perdikaris 2022/jaxpi), each written as a periodic semilinear problem
 *   u_t = L u + σ(∂_x) f(u),   x ∈ [a, b) periodic,   u(0, x) = u0(x),
 * with L a constant-coefficient linear operator (given by its Fourier symbol) and the
 * nonlinearity a symbol applied to a pointwise function of u, as the ETDRK4 solver wants.
 * Defaults and output grids match the published Chebfun data (201 × 512, KS 251 × 512, x
 * including both ends).
 */
export interface SpectralProblem {
  id: string;
  /** The PDE in plain text. */
  equation: string;
  /** The periodic interval [a, b]: period b − a. */
  x: [number, number];
  /** Time horizon [0, tEnd]. */
  tEnd: number;
  /** Output grid: nt times and nx points, both endpoints included. */
  nt: number;
  nx: number;
  params: Record<string, ParamSpec>;
  u0: (x: number) => number;
  /** Fourier symbol of L, e.g. ν∂_xx ↦ −νκ². */
  linear: (p: ParamValues) => Symbol;
  /** The nonlinear term σ(∂_x) f(u). */
  nonlinear: (p: ParamValues) => { sigma: Symbol; f: (u: number) => number };
  /**
   * Discretisation for parameters p: n Fourier nodes (a power of two) and the largest time
   * step. Chosen so that the default reproduces the published data to the tested tolerance.
   */
  resolution: (p: ParamValues) => { n: number; dtMax: number };
}

/** Smallest power of two ≥ max(lo, v). */
const pow2 = (v: number, lo = 512) => 2 ** Math.ceil(Math.log2(Math.max(lo, v)));
/** Largest wavenumber κ_max = πn/P of an n-node grid on a period P. */
const kmax = (n: number, period: number) => (Math.PI * n) / period;
/** The conservative advection symbol: −∂_x ↦ −iκ, paired with f = c u²/2 gives −c u u_x. */
const minusDx: Symbol = (k) => [0, -k];

/**
 * Viscous Burgers u_t + u u_x − ν u_xx = 0, u0 = −sin πx on [−1, 1], u(t, ±1) = 0 (Raissi
 * et al. 2019). u0 is odd and 2-periodic, and the equation preserves both symmetries, so
 * the periodic solution on [−1, 1) is odd about x = ±1 and satisfies the Dirichlet data.
 * The shock at x = 0 has width ~2ν: n ≥ 3/ν nodes (3 per shock width; n = 1024 for ν =
 * 0.01/π, which agrees with n = 2048 to 1e-7). dt ≤ 0.8/κ_max (|u| ≤ 1): halving it changes
 * the solution by < 1e-7.
 */
const burgers: SpectralProblem = {
  id: 'burgers',
  equation: 'u_t + u u_x − ν u_xx = 0, u(0,x) = −sin πx, u(t,±1) = 0',
  x: [-1, 1],
  tEnd: 1,
  nt: 201,
  nx: 512,
  params: { nu: { label: 'ν (viscosity)', default: 0.01 / Math.PI, min: 0.002, max: 0.1 } },
  u0: (x) => -Math.sin(Math.PI * x),
  linear:
    ({ nu }) =>
    (k) => [-nu * k * k, 0],
  nonlinear: () => ({ sigma: minusDx, f: (u) => 0.5 * u * u }),
  resolution: ({ nu }) => {
    const n = pow2(3 / nu);
    return { n, dtMax: Math.min(5e-4, 0.8 / kmax(n, 2)) };
  },
};

/**
 * Allen–Cahn u_t − ε u_xx + κu³ − κu = 0, u0 = x² cos πx, periodic on [−1, 1] (jaxpi; ε =
 * 1e-4, κ = 5). L = −εκ_x² + κ is treated exactly, N = −κu³. The interfaces have width
 * w ~ √(ε/κ): n ≥ 2.25/w nodes, at least 512 — the count of the published data (512 at the
 * defaults; at ε = 1e-5, κ = 10, 2048 nodes still err by 1e-3 where 4096 agree with 8192 to
 * 2e-6). The periodic extension of u0 has a corner at x = ±1 (u0' = ±2) that the spectral
 * discretisation rings on until diffusion smooths it, so the 512-node answer there differs
 * from a finer one by up to ~6e-4 at early times; using the published resolution reproduces
 * the published data to 1e-5.
 */
const allenCahn: SpectralProblem = {
  id: 'allen_cahn',
  equation: 'u_t − ε u_xx + κu³ − κu = 0, u(0,x) = x² cos πx, x ∈ [−1,1] periodic',
  x: [-1, 1],
  tEnd: 1,
  nt: 201,
  nx: 512,
  params: {
    eps: { label: 'ε (diffusion)', default: 1e-4, min: 1e-5, max: 1e-2 },
    kappa: { label: 'κ (reaction)', default: 5, min: 1, max: 10 },
  },
  u0: (x) => x * x * Math.cos(Math.PI * x),
  linear:
    ({ eps, kappa }) =>
    (k) => [kappa - eps * k * k, 0],
  nonlinear: ({ kappa }) => ({ sigma: () => [1, 0], f: (u) => -kappa * u * u * u }),
  resolution: ({ eps, kappa }) => ({ n: pow2(2.25 / Math.sqrt(eps / kappa)), dtMax: 1e-3 }),
};

/**
 * Korteweg–de Vries u_t + u u_x + δ² u_xxx = 0, u0 = cos πx, periodic on [−1, 1] (Zabusky &
 * Kruskal 1965, δ = 0.022: the initial wave breaks into a train of solitons). L = iδ²κ³ is
 * purely dispersive (complex φ-functions). Soliton widths scale with δ: n ≥ 10/δ, at least
 * 512; dt ≤ 0.2/κ_max keeps the explicit advection (|u| ≲ 3) well inside ETDRK4's stability.
 */
const kdv: SpectralProblem = {
  id: 'kdv',
  equation: 'u_t + u u_x + δ² u_xxx = 0, u(0,x) = cos πx, x ∈ [−1,1] periodic',
  x: [-1, 1],
  tEnd: 1,
  nt: 201,
  nx: 512,
  params: { delta: { label: 'δ (dispersion; coefficient δ²)', default: 0.022, min: 0.01, max: 0.05 } },
  u0: (x) => Math.cos(Math.PI * x),
  linear:
    ({ delta }) =>
    (k) => [0, delta * delta * k * k * k],
  nonlinear: () => ({ sigma: minusDx, f: (u) => 0.5 * u * u }),
  resolution: ({ delta }) => {
    const n = pow2(10 / delta);
    return { n, dtMax: Math.min(5e-4, 0.2 / kmax(n, 2)) };
  },
};

/**
 * Kuramoto–Sivashinsky u_t + α u u_x + β u_xx + γ u_xxxx = 0, u0 = cos x (1 + sin x),
 * periodic on [0, 2π] (jaxpi's chaotic case: α = 100/16, β = 100/16², γ = 100/16⁴). L = βκ² −
 * γκ⁴ (anti-diffusion, hyperdiffusion), N = −α(u²/2)_x. Unstable band κ < √(β/γ) (= 16 by
 * default) lies far below the 256 resolved wavenumbers of 512 nodes (the published count).
 * The solution is chaotic: perturbations grow up to the linear rate β²/(4γ) (25 by default),
 * so round-off alone is amplified by up to e^{β²t/(4γ)}. The parameter box keeps that rate
 * ≤ 34, where a solve with twice the nodes and half the step agrees to 2e-4 over t ≤ 1 at
 * every corner (β = 0.6, γ = 8e-4 would already give O(10) disagreement by t = 0.5).
 */
const ks: SpectralProblem = {
  id: 'ks',
  equation: 'u_t + α u u_x + β u_xx + γ u_xxxx = 0, u(0,x) = cos x (1 + sin x), x ∈ [0,2π] periodic',
  x: [0, 2 * Math.PI],
  tEnd: 1,
  nt: 251,
  nx: 512,
  params: {
    alpha: { label: 'α (advection)', default: 100 / 16, min: 3, max: 10 },
    beta: { label: 'β (anti-diffusion)', default: 100 / 16 ** 2, min: 0.2, max: 0.45 },
    gamma: { label: 'γ (hyperdiffusion)', default: 100 / 16 ** 4, min: 1.5e-3, max: 5e-3 },
  },
  u0: (x) => Math.cos(x) * (1 + Math.sin(x)),
  linear:
    ({ beta, gamma }) =>
    (k) => [beta * k * k - gamma * k ** 4, 0],
  nonlinear: ({ alpha }) => ({ sigma: minusDx, f: (u) => 0.5 * alpha * u * u }),
  resolution: () => ({ n: 512, dtMax: 1e-4 }),
};

/** The spectral problems by PDE id. */
export const problems = { burgers, allen_cahn: allenCahn, kdv, ks } satisfies Record<string, SpectralProblem>;

/** A spectral problem id (same as the PDE id). */
export type ProblemId = keyof typeof problems;
