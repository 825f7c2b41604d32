/**
 * The collocation-sampling methods of the residual term and their options (Wu, Zhu, Tan,
 * Kartha, Lu 2023, CMAME 403: RAD and RAR-D; see adaptive-sampling.ts), each method with its
 * own defaults — the paper's recommended power 1, c = 1 for RAD and power 2, c = 0 for RAR-D —
 * so that switching the method switches them.
 */
import { float, int, type SchemaOf } from './schema/option';

/** Collocation sampling of the residual term. */
export const samplingMethods = ['uniform', 'rad', 'rar'] as const;
export type SamplingMethod = (typeof samplingMethods)[number];

/** The options of adaptive sampling (unused by `uniform`). */
export interface SamplingOptions {
  every: number;
  power: number;
  c: number;
  candidates: number;
  add: number;
}

const options = (power: number, c: number): SchemaOf<SamplingOptions> => ({
  every: int('Resample every', 100, 1, 1e7, 'Redraw the candidates and their residual density every this many steps.', {
    unit: 'steps',
  }),
  power: float(
    'Density power k',
    power,
    0,
    10,
    'Points are drawn with density ∝ |r|^k / mean(|r|^k) + c; 0 = uniform.',
  ),
  c: float('Density floor c', c, 0, 1e6, 'Added to the normalised density, so well-fitted regions keep some points.'),
  candidates: int('Candidates', 4096, 1, 1 << 18, 'Uniform candidate points whose residuals define the density.'),
  add: int('Points added (RAR-D)', 32, 1, 65536, 'Points RAR-D adds to its growing set at each resampling.'),
});

/** Each method's label and options schema (its own defaults). */
export const sampling: Record<SamplingMethod, { label: string; schema: SchemaOf<SamplingOptions> }> = {
  uniform: { label: 'Uniform (fresh points every step)', schema: options(1, 1) },
  rad: { label: 'Residual-based adaptive distribution (RAD)', schema: options(1, 1) },
  rar: { label: 'Residual-based adaptive refinement (RAR-D)', schema: options(2, 0) },
};
