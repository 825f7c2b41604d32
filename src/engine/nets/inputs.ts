import type { LayerTap } from '../jet/jet';
import type { Jet } from '../jet/jet';
import type { Rng } from '../rng';
import { createDense, type DenseLayer, type RwfOptions } from './dense';
import { bool, defaultsOf, float, int, type SchemaOf } from '../schema/option';
import { concatJets, cosSinJets, embedPeriodic, embeddedDim, type PeriodicEmbedding } from './embedding';

/**
 * Options every architecture shares (flat so they travel through the CLI and URLs):
 * random Fourier features (Tancik et al. 2020; size 0 = off) and random weight factorization
 * for every trainable dense layer (rwf false = off).
 */
export interface CommonArchOptions {
  fourierSize: number;
  fourierSigma: number;
  fourierTrainable: boolean;
  rwf: boolean;
  rwfMean: number;
  rwfStd: number;
}

/** The shared options' schema (each architecture spreads it into its own). */
export const commonArchSchema: SchemaOf<CommonArchOptions> = {
  fourierSize: int(
    'Fourier features',
    0,
    0,
    1024,
    'Random Fourier features [cos(XB), sin(XB)] in front of the network; 0 = off.',
  ),
  fourierSigma: float('Fourier scale σ', 1, 0, 1000, 'Standard deviation of the random frequencies B ~ N(0, σ²).'),
  fourierTrainable: bool('Train Fourier features', false, 'Train the frequencies B with the rest of the network.'),
  rwf: bool(
    'Random weight factorization',
    false,
    'Every dense weight becomes diag(exp(s))·V with s ~ N(μ, σ) (Wang et al. 2022).',
  ),
  rwfMean: float('RWF mean μ', 1, -5, 5, 'Mean of the log scale factors s.'),
  rwfStd: float('RWF std σ', 0.1, 0, 5, 'Standard deviation of the log scale factors s.'),
};

export const commonArchDefaults: CommonArchOptions = defaultsOf(commonArchSchema);

/** RWF options for dense layers, or undefined when off. */
export const rwfOf = (o: CommonArchOptions): RwfOptions | undefined =>
  o.rwf ? { mean: o.rwfMean, std: o.rwfStd } : undefined;

/**
 * The input pipeline: exact periodic embedding (when the PDE asks for it), then random
 * Fourier features [cos(XB), sin(XB)] with B ~ N(0, σ²) [d, m] (fixed or trainable).
 */
export interface InputPipeline {
  dim: number;
  /** Its trainable layers. */
  layers: DenseLayer[];
  /** Its frozen layers (fixed Fourier features): not trained, but freed with the network. */
  frozen: DenseLayer[];
  apply(jet: Jet, taps?: LayerTap[]): Jet;
}

export function createInputPipeline(
  rng: Rng,
  axes: readonly string[],
  periodic: PeriodicEmbedding | undefined,
  o: CommonArchOptions,
): InputPipeline {
  const d0 = embeddedDim(axes, periodic);
  const first = (jet: Jet) => (periodic ? embedPeriodic(jet, periodic) : jet);
  if (o.fourierSize <= 0) return { dim: d0, layers: [], frozen: [], apply: first };
  const init = new Float32Array(d0 * o.fourierSize).map(() => o.fourierSigma * rng.normal());
  const b = createDense(rng, d0, o.fourierSize, 'fourier', { bias: false, init, trainable: o.fourierTrainable });
  return {
    dim: 2 * o.fourierSize,
    layers: o.fourierTrainable ? [b] : [],
    frozen: o.fourierTrainable ? [] : [b],
    apply: (jet, taps) => concatJets(cosSinJets(b.apply(first(jet), taps))),
  };
}
