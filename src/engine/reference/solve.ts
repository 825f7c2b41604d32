import type { ParamValues } from '../pdes/types';
import { Etdrk4 } from './etdrk4';
import { complexArray, RealFft, type Complex } from './fft';
import type { SpectralProblem } from './problems';
import { pseudoSpectral, SeriesSampler, tabulate } from './spectral';

/**
 * Solve a `SpectralProblem` by Fourier pseudo-spectral discretisation in x and ETDRK4 in t,
 * in float64, and sample the solution on an output grid.
 */

/** A solution sampled on the product grid t × x (t slowest), with how it was computed. */
export interface SpectralSolution {
  t: number[];
  x: number[];
  /** u(t_i, x_j) at [i · nx + j]. */
  u: Float32Array;
  /** Fourier nodes and time step used. */
  n: number;
  dt: number;
  /** Wall time of the solve in milliseconds. */
  ms: number;
}

/** n equispaced points from lo to hi, both included. */
export function linspace(lo: number, hi: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? hi : lo + ((hi - lo) * i) / (n - 1)));
}

/**
 * The problem's defaults overridden by `params`, each checked against its range. Throws an
 * Error naming the allowed parameters and the range on an unknown name or a bad value.
 */
export function resolveParams(problem: SpectralProblem, params: ParamValues = {}): ParamValues {
  const out: ParamValues = Object.fromEntries(Object.entries(problem.params).map(([k, s]) => [k, s.default]));
  for (const [k, v] of Object.entries(params)) {
    const s = problem.params[k];
    if (!s)
      throw new Error(
        `${problem.id} has no parameter '${k}' (allowed: ${Object.entries(problem.params)
          .map(([n, r]) => `${n} in [${r.min}, ${r.max}]`)
          .join(', ')})`,
      );
    if (!(Number.isFinite(v) && v >= s.min && v <= s.max))
      throw new Error(`${problem.id}: ${k} = ${v} is outside [${s.min}, ${s.max}]`);
    out[k] = v;
  }
  return out;
}

/** A snapshot callback: output index, time, the half spectrum û (read-only, reused). */
export type SnapshotVisitor = (i: number, t: number, v: Complex) => void;

/**
 * Integrate from t = 0 to `tEnd`, calling `visit` at the nt equispaced output times (t = 0
 * included). The step is the largest h ≤ dtMax that divides the output spacing. Returns
 * the discretisation (n nodes, step h).
 */
export function integrate(
  problem: SpectralProblem,
  params: ParamValues,
  tEnd: number,
  nt: number,
  visit: SnapshotVisitor,
): { n: number; dt: number } {
  const p = resolveParams(problem, params);
  const { n, dtMax } = problem.resolution(p);
  const [a, b] = problem.x;
  const period = b - a;
  const fft = new RealFft(n);
  const v = complexArray(fft.modes);
  fft.forward(
    Float64Array.from({ length: n }, (_, j) => problem.u0(a + (period * j) / n)),
    v,
  );
  const { sigma, f } = problem.nonlinear(p);
  const every = tEnd / (nt - 1);
  const steps = Math.max(1, Math.ceil(every / dtMax - 1e-9));
  const h = every / steps;
  const stepper = new Etdrk4(
    tabulate(problem.linear(p), n, period),
    pseudoSpectral(fft, tabulate(sigma, n, period), f),
    h,
  );
  visit(0, 0, v);
  for (let i = 1; i < nt; i++) {
    for (let s = 0; s < steps; s++) stepper.step(v);
    for (let k = 0; k < v.re.length; k++) {
      if (!Number.isFinite(v.re[k]) || !Number.isFinite(v.im[k]))
        throw new Error(
          `${problem.id}: the solution blew up before t = ${(i * every).toPrecision(3)} (n = ${n}, dt = ${h})`,
        );
    }
    visit(i, i * every, v);
  }
  return { n, dt: h };
}

/**
 * The solution on the problem's output grid (nt × nx, both ends included, as the published
 * data) or on a custom one, sampled from the spectrum by trigonometric interpolation.
 */
export function solveSpectral(
  problem: SpectralProblem,
  params: ParamValues = {},
  grid: { nt?: number; nx?: number; tEnd?: number } = {},
): SpectralSolution {
  const started = performance.now();
  const nt = grid.nt ?? problem.nt;
  const tEnd = grid.tEnd ?? problem.tEnd;
  const x = linspace(problem.x[0], problem.x[1], grid.nx ?? problem.nx);
  const t = linspace(0, tEnd, nt);
  const u = new Float32Array(nt * x.length);
  let sampler: SeriesSampler | undefined;
  const { n, dt } = integrate(problem, params, tEnd, nt, (i, _t, v) => {
    sampler ??= new SeriesSampler(2 * (v.re.length - 1), problem.x[1] - problem.x[0], problem.x[0], x);
    sampler.sample(v, 0, u.subarray(i * x.length, (i + 1) * x.length));
  });
  return { t, x, u, n, dt, ms: performance.now() - started };
}
