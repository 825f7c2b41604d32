import type * as tf from '@tensorflow/tfjs';
import type { Field } from '../jet/jet';

/** A tunable physical parameter of a PDE. */
export interface ParamSpec {
  label: string;
  default: number;
  min: number;
  max: number;
  /** What the parameter means (the UI's tooltip); the label and range when absent. */
  help?: string;
}

/** Parameter values by name (validated against the PDE's `params`). */
export type ParamValues = Record<string, number>;

/**
 * Where a loss term's points live: the interior of the domain, its boundary along the listed
 * axes (a random face per point), or a slice with some axes fixed (e.g. t = 0).
 */
export type Region =
  { kind: 'interior' } | { kind: 'boundary'; axes: string[] } | { kind: 'slice'; fixed: Record<string, number> };

/** What a loss term enforces: the PDE in the interior, initial data, boundary data, or measurements. */
export type TermRole = 'residual' | 'initial' | 'boundary' | 'data';

/** The names of `pde`'s loss terms with role `role`, in declaration order. */
export function termsWithRole(pde: Pick<Pde, 'terms'>, role: TermRole): string[] {
  return Object.entries(pde.terms)
    .filter(([, t]) => t.role === role)
    .map(([name]) => name);
}

/**
 * The PDE's main residual term: the first with role 'residual' (`res`, a typed PDE's `res1`, the
 * cavity's `res_u`). Causal weighting, annealing's reference gradient, the residual-gradient
 * variance and adaptive sampling use it; undefined for a PDE without one.
 */
export function primaryResidual(pde: Pick<Pde, 'terms'>): string | undefined {
  return termsWithRole(pde, 'residual')[0];
}

/** The initial-value term (role 'initial', no derivatives: u(t0, ·) = u0), e.g. PirateNet's least-squares target. */
export function initialValueTerm(pde: Pick<Pde, 'terms'>): string | undefined {
  return termsWithRole(pde, 'initial').find((t) => pde.terms[t].derivs.length === 0);
}

/**
 * One named loss term L = mean(r²) over points drawn from `region`. `aux` gives per-point
 * constants computed in float64 JavaScript (source terms, boundary targets); the residual
 * receives them as [B, 1] tensors in the same order.
 */
export interface LossTerm {
  region: Region;
  /** What the term enforces; every consumer that needs "the residual" (causal weighting, the
   * PDE-aware optimizer, annealing's reference term, adaptive sampling, the residual map) reads it. */
  role: TermRole;
  /** Derivative names the residual reads, e.g. ['xx', 'yy']. */
  derivs: string[];
  aux?: (p: number[], params: ParamValues) => number[];
  residual(u: Field[], aux: tf.Tensor[], params: ParamValues): tf.Tensor;
}

/**
 * A PDE problem: its inputs and domain, outputs, tunable parameters, named loss terms
 * (jaxpi style: `res`, `bc`, `ic`, …) and, where known, the exact solution.
 */
export interface Pde {
  id: string;
  label: string;
  /** The equation in plain text, for the UI. */
  equation: string;
  /** Input axes (single letters), time first when present. */
  axes: string[];
  domain: Record<string, [number, number]>;
  outputs: string[];
  params: Record<string, ParamSpec>;
  /** Causal weighting of the residual is on unless the config turns it off. */
  causalByDefault?: boolean;
  /** Axes enforced periodic exactly by the input embedding, with their periods. */
  periodic?: Record<string, number>;
  terms: Record<string, LossTerm>;
  /** Exact solution, one value per output (float64). */
  exact?: (p: number[], params: ParamValues) => number[];
  /**
   * A numerical reference instead of (or besides) `exact`: values [N × nOut] on the product
   * grid `ticks` (one array per axis, in `axes` order, first axis slowest). Used for
   * evaluation when present; implementations cache per parameter set.
   */
  reference?: (params: ParamValues) => Promise<ReferenceSolution>;
  /**
   * What the evaluation compares with the exact/reference solution, when it is not simply
   * the outputs' values: e.g. the velocity (u, v) = (ψ_y, −ψ_x) of a stream-function network.
   */
  observables?: Observables;
  /** Evaluation grid points per axis (same order as `axes`) when there is no reference. */
  grid: number[];
}

/** Default parameter values of a PDE. */
export function defaultParams(pde: Pde): ParamValues {
  return Object.fromEntries(Object.entries(pde.params).map(([k, s]) => [k, s.default]));
}

/** Derived quantities of the outputs, each [B, 1], from jets carrying `derivs`. */
export interface Observables {
  names: string[];
  derivs: string[];
  compute(u: Field[]): tf.Tensor[];
}

/** A reference solution on a product grid (see `Pde.reference`). */
export interface ReferenceSolution {
  ticks: number[][];
  /** Values [N × nOut], row-major over the grid with the first axis slowest. */
  values: Float32Array;
}
