import * as tf from '@tensorflow/tfjs';
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
  standardize: boolean;
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
  standardize: bool(
    'Standardize inputs',
    false,
    'Feed (x − mean) / std of each axis over the domain (uniform points) instead of x, as the ' +
      'gradient-pathologies code does; periodic axes keep their exact embedding.',
  ),
};

export const commonArchDefaults: CommonArchOptions = defaultsOf(commonArchSchema);

/** RWF options for dense layers, or undefined when off. */
export const rwfOf = (o: CommonArchOptions): RwfOptions | undefined =>
  o.rwf ? { mean: o.rwfMean, std: o.rwfStd } : undefined;

/**
 * The input pipeline: optional standardization, the exact periodic embedding (when the PDE asks for it), then random
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
  domain?: InputDomain,
): InputPipeline {
  const d0 = embeddedDim(axes, periodic);
  const scale = o.standardize && domain ? standardization(axes, periodic, domain) : null;
  const first = (jet: Jet) => {
    const x = scale ? standardizeJet(jet, scale) : jet;
    return periodic ? embedPeriodic(x, periodic) : x;
  };
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

/** Each input axis's interval [lo, hi], by axis name. */
export type InputDomain = Readonly<Record<string, readonly [number, number]>>;

/**
 * Per-axis mean and 1/std of a uniform variable on the axis's interval, (lo + hi)/2 and
 * √12/(hi − lo); periodic axes get (0, 1), so their embedding still sees x.
 */
export function standardization(
  axes: readonly string[],
  periodic: PeriodicEmbedding | undefined,
  domain: InputDomain,
): { mean: number[]; invStd: number[] } {
  const isPeriodic = (a: string) => periodic?.periods[a] !== undefined;
  return {
    mean: axes.map((a) => (isPeriodic(a) ? 0 : (domain[a][0] + domain[a][1]) / 2)),
    invStd: axes.map((a) => (isPeriodic(a) ? 1 : Math.sqrt(12) / (domain[a][1] - domain[a][0]))),
  };
}

/** The jet of (x − mean) ⊙ invStd: the value shifted and scaled, every derivative scaled. */
function standardizeJet(jet: Jet, s: { mean: number[]; invStd: number[] }): Jet {
  const d = jet.axes.length;
  const inv = tf.tensor2d(s.invStd, [1, d]);
  const mean = tf.tensor2d(s.mean, [1, d]);
  const streams: Record<string, tf.Tensor | null> = {};
  for (const n of jet.names) {
    const t = jet.streams[n];
    streams[n] = t === null ? null : n === '' ? tf.mul(tf.sub(t, mean), inv) : tf.mul(t, inv);
  }
  tf.dispose([inv, mean]);
  return { axes: jet.axes, names: jet.names, streams };
}
