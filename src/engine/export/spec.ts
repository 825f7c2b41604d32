/**
 * What an export says about the model and the problem, beyond the experiment config: the
 * network as built (its embeddings with their true sizes and periods, every tensor with its
 * shape) and the problem's domain and loss terms. config.json holds it under `export`, the
 * safetensors `__metadata__` holds the network part; the generated PyTorch package builds
 * the same network and problem from it (see docs/export.md).
 */
import { pdeOf, type ExperimentConfig } from '../config';
import type { Network } from '../nets';
import { standardization } from '../nets/inputs';
import { pirateFourierSize } from '../nets/pirate_net';
import type { Pde, Region } from '../pdes';
import { hardConstraintOf } from '../hard-constraints';

/** Version of the export format (config.json's `export`, safetensors metadata, package). */
export const EXPORT_FORMAT_VERSION = 1;

/** How tensors are named and laid out (also written into every safetensors file). */
export const TENSOR_NAMING =
  'dense layer <name>: y = x @ <name>.weight + <name>.bias, weight [in, out] row-major (x is [N, in]); ' +
  'with RWF <name>.v [in, out] and <name>.s [out], weight = v * exp(s) per column; ' +
  'fourier.weight [d, m] (no bias, frozen unless fourier.trainable): features [cos(e @ B), sin(e @ B)], no 2π; ' +
  'mlp layer0..layerL (last linear); modified_mlp and pirate_net encoder_u, encoder_v, output; ' +
  'modified_mlp layer0..; pirate_net block<k>.dense1|2|3 and scalar block<k>.alpha.';

/** The network as built: everything a rebuild needs besides the tensors' values. */
export interface NetworkSpec {
  arch: ExperimentConfig['arch'];
  activation: string;
  /** Input columns, in order (the PDE's axes). */
  inputs: string[];
  /** Output columns, in order. */
  outputs: string[];
  /** Exact periodic embedding: axis → period P; each such axis becomes [cos(2πx/P), sin(2πx/P)]. */
  periodic: Record<string, number> | null;
  /** Input standardization x ↦ (x − mean) ⊙ invStd per input column (before the embedding), or null. */
  standardize: { mean: number[]; invStd: number[] } | null;
  /** Random Fourier features on the (embedded) input, or null: `size` frequencies, B ~ N(0, σ²). */
  fourier: { size: number; sigma: number; trainable: boolean } | null;
  /** Random weight factorization of every trainable dense layer, or null. */
  rwf: { mean: number; std: number } | null;
  /** Hidden layers (mlp, modified_mlp) or residual blocks (pirate_net). */
  depth: number;
  width: number;
  /** The output transform u = g + d·N of hard constraints (`hardConstraints`), or null. */
  hardConstraint: { form: string; terms: string[] } | null;
  /** Every tensor the forward pass reads, in file order; `trainable: false` = frozen. */
  tensors: { name: string; shape: number[]; trainable: boolean }[];
  naming: string;
}

/** Where a loss term's points are drawn, and which derivatives its residual reads. */
export interface TermSpec {
  region: Region;
  derivs: string[];
  /** Weight in the total loss before balancing. */
  weight: number;
  /** Points per step when not the config's `batch` (`termBatch`), else null. */
  batch: number | null;
}

/** The problem as the engine trains it. */
export interface ProblemSpec {
  pde: string;
  axes: string[];
  domain: Record<string, [number, number]>;
  outputs: string[];
  params: Record<string, number>;
  terms: Record<string, TermSpec>;
  /** What the relative L2 error compares: the outputs, or derived observables (e.g. ψ_y, −ψ_x). */
  observables: string[];
}

/** The `export` section of config.json. */
export interface ExportSection {
  format: 'pinn-playground';
  formatVersion: number;
  step: number;
  network: NetworkSpec;
  problem: ProblemSpec;
}

/** The network spec of a built network for this config. */
export function networkSpec(config: ExperimentConfig, net: Network): NetworkSpec {
  const pde = pdeOf(config);
  const o = config.archOptions;
  const size = config.arch === 'pirate_net' ? pirateFourierSize(o) : o.fourierSize;
  const frozen = new Set(net.buffers.map((b) => b.name));
  const periods = pde.periodic ? { periods: pde.periodic } : undefined;
  const hard = config.hardConstraints ? hardConstraintOf(pde) : undefined;
  return {
    arch: config.arch,
    activation: o.activation,
    inputs: [...pde.axes],
    outputs: [...pde.outputs],
    periodic: pde.periodic ? { ...pde.periodic } : null,
    standardize: o.standardize ? standardization(pde.axes, periods, pde.domain) : null,
    fourier: size > 0 ? { size, sigma: o.fourierSigma, trainable: o.fourierTrainable } : null,
    rwf: o.rwf ? { mean: o.rwfMean, std: o.rwfStd } : null,
    depth: config.arch === 'pirate_net' ? config.archOptions.blocks : config.archOptions.depth,
    width: o.width,
    hardConstraint: hard ? { form: hard.form, terms: [...hard.terms] } : null,
    tensors: [...net.params, ...net.buffers].map((p) => ({
      name: p.name,
      shape: [...p.variable.shape],
      trainable: !frozen.has(p.name),
    })),
    naming: TENSOR_NAMING,
  };
}

/**
 * The problem spec of this config; `pde` is the problem as trained (with hard constraints,
 * the imposed terms are no loss terms: pass `Trainer.pde`).
 */
export function problemSpec(config: ExperimentConfig, pde: Pde = pdeOf(config)): ProblemSpec {
  return {
    pde: config.pde,
    axes: [...pde.axes],
    domain: Object.fromEntries(pde.axes.map((a) => [a, [...pde.domain[a]] as [number, number]])),
    outputs: [...pde.outputs],
    params: { ...config.params },
    terms: Object.fromEntries(
      Object.entries(pde.terms).map(([k, t]) => [
        k,
        {
          region: t.region,
          derivs: [...t.derivs],
          weight: config.lossWeights[k] ?? 1,
          batch: config.termBatch[k] ?? null,
        },
      ]),
    ),
    observables: pde.observables?.names ?? [...pde.outputs],
  };
}

/** config.json's `export` section for a trained network at `step`. */
export function exportSection(config: ExperimentConfig, net: Network, step: number, pde?: Pde): ExportSection {
  return {
    format: 'pinn-playground',
    formatVersion: EXPORT_FORMAT_VERSION,
    step,
    network: networkSpec(config, net),
    problem: problemSpec(config, pde),
  };
}

/**
 * The experiment config inside a config.json: the file minus its derived `export` section
 * (which `resolveConfig` does not take), so an export's config.json loads as a config again.
 */
export function configOfFile<T extends Record<string, unknown>>(data: T): Omit<T, 'export'> {
  const { export: _derived, ...config } = data;
  return config;
}
