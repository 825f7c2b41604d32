/**
 * The diagnostics the engine computes and the options of the diagnostics record (how often,
 * and the sizes of the Hessian, histogram and per-sample estimates), declared as a schema.
 */
import { int, type SchemaOf } from '../schema/option';

/** Diagnostics the engine can compute (docs/ARCHITECTURE.md; issue "Diagnostics"). */
export const diagnosticKinds = ['align', 'hist', 'hess', 'rgv', 'ntk'] as const;
export type DiagnosticKind = (typeof diagnosticKinds)[number];

/** What each diagnostic is, for menus and help. */
export const diagnosticLabels: Record<DiagnosticKind, string> = {
  align: 'Gradient alignment',
  hist: 'Gradient histograms',
  hess: 'Hessian extreme eigenvalues',
  rgv: 'Residual-gradient variance',
  ntk: 'NTK spectrum',
};

/** The numeric options of the diagnostics record (its `kinds` list is checked on its own). */
export interface DiagnosticsOptions {
  /** Run the selected diagnostics every this many steps (0 = never). */
  every: number;
  /** Lanczos iterations (Hessian-vector products) for the Hessian's extreme eigenpairs. */
  hessIters: number;
  /** Histogram bins per layer. */
  bins: number;
  /** Samples used for per-sample gradients (residual-gradient variance). */
  rgvSamples: number;
  /** Probe points per loss term for the empirical NTK (diagnostics and NTK weighting). */
  ntkPoints: number;
}

export const diagnosticsSchema: SchemaOf<DiagnosticsOptions> = {
  every: int('Diagnostics every', 0, 0, 1e7, 'Run the ticked diagnostics every this many steps; 0 = off.', {
    unit: 'steps',
    live: false,
  }),
  hessIters: int(
    'Hessian Lanczos iterations',
    20,
    1,
    1000,
    'Lanczos iterations (Hessian-vector products) for the extreme eigenpairs.',
  ),
  bins: int('Histogram bins', 40, 2, 1000, 'Bins per layer of the per-term gradient histograms.'),
  rgvSamples: int('Per-sample gradients', 128, 1, 4096, 'Residual points whose gradients give the variance estimate.', {
    unit: 'samples',
  }),
  ntkPoints: int(
    'NTK probe points',
    32,
    2,
    1024,
    'Points per loss term whose Jacobians give the empirical NTK (also for NTK weighting).',
    { unit: 'per term' },
  ),
};
