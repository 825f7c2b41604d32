import type { ConfigInput, ExperimentConfig } from './config';

/**
 * An experiment as the playground shares it: the run's config (any subset of
 * `ExperimentConfig`, filled from the base config) and, in compare mode, the second run's
 * overrides of it (e.g. `{ optimizer: 'soap' }` for Adam vs SOAP with everything else equal).
 */
export interface Experiment {
  config: ConfigInput;
  compare?: ConfigInput | null;
}

/** A named experiment: overrides of the base config, plus an optional compare override. */
export interface Preset extends Experiment {
  label: string;
}

/**
 * Named experiments: each is a set of overrides of the base config (jaxpi-style, no copied
 * configs). The UI's preset menu and `npm run train -- --preset NAME` read this table (the
 * CLI trains `config`; the UI also turns on compare mode where a preset has `compare`).
 */
export const presets: Record<string, Preset> = {
  poisson: { label: '1-D Poisson, C = 1', config: { pde: 'poisson1d', steps: 3000, batch: 256 } },
  poisson_stiff: {
    label: '1-D Poisson, C = 8 (stiff)',
    config: { pde: 'poisson1d', params: { C: 8 }, steps: 5000, batch: 256 },
  },
  helmholtz_m1: {
    label: 'Helmholtz, MLP + Adam (paper M1)',
    config: {
      pde: 'helmholtz',
      archOptions: { depth: 3, width: 50, activation: 'tanh' },
      batch: 128,
      steps: 40000,
      diagnostics: { every: 200, kinds: ['align', 'hist'] }, // the lesson: the terms' gradient histograms
    },
  },
  helmholtz_mlp_vs_modified: {
    label: 'Helmholtz: MLP vs modified MLP',
    config: {
      pde: 'helmholtz',
      archOptions: { depth: 3, width: 50, activation: 'tanh' },
      batch: 128,
      steps: 40000,
      diagnostics: { every: 200, kinds: ['align', 'hist'] },
    },
    compare: { arch: 'modified_mlp', archOptions: { depth: 3, width: 50, activation: 'tanh' } },
  },
  helmholtz_annealing: {
    label: 'Helmholtz: fixed weights vs learning-rate annealing',
    config: { pde: 'helmholtz', batch: 128, steps: 40000, diagnostics: { every: 200, kinds: ['align', 'hist'] } },
    compare: { balancing: { method: 'annealing' } },
  },
  allen_cahn_adam_vs_soap: {
    label: 'Adam vs SOAP on Allen–Cahn',
    config: {
      pde: 'allen_cahn',
      arch: 'modified_mlp',
      archOptions: { depth: 3, width: 64, activation: 'tanh', fourierSize: 32, fourierSigma: 1 },
      batch: 256,
      steps: 20000,
      diagnostics: { every: 100, kinds: ['align', 'hist'] },
    },
    compare: { optimizer: 'soap' },
  },
  burgers_adam_vs_soap: {
    label: 'Adam vs SOAP on Burgers',
    config: {
      pde: 'burgers',
      archOptions: { depth: 4, width: 32, activation: 'tanh' },
      batch: 256,
      steps: 20000,
      diagnostics: { every: 100, kinds: ['align', 'hist'] }, // SOAP's case is the alignment of the terms' gradients
    },
    compare: { optimizer: 'soap' },
  },
  helmholtz_gradnorm_vs_ntk: {
    label: 'Helmholtz: grad-norm vs NTK weighting (NTK spectra)',
    config: {
      pde: 'helmholtz',
      archOptions: { depth: 3, width: 50, activation: 'tanh' },
      batch: 128,
      steps: 20000,
      balancing: { method: 'gradnorm' },
      diagnostics: { every: 500, kinds: ['align', 'hist', 'ntk'], ntkPoints: 32 },
    },
    compare: { balancing: { method: 'ntk' } },
  },
  burgers_adam_vs_muon: {
    label: 'Adam vs Muon on Burgers',
    config: {
      pde: 'burgers',
      archOptions: { depth: 4, width: 32, activation: 'tanh' },
      batch: 256,
      steps: 20000,
      diagnostics: { every: 100, kinds: ['align'] },
    },
    compare: { optimizer: 'muon' },
  },
  burgers_adam_vs_pde_aware: {
    label: 'Adam vs PDE-aware on Burgers',
    config: {
      pde: 'burgers',
      archOptions: { depth: 3, width: 64, activation: 'tanh' },
      batch: 128,
      steps: 5000,
      diagnostics: { every: 100, kinds: ['align', 'rgv'] },
    },
    compare: { optimizer: 'pde_aware' },
  },
  poisson_c8_stiffness: {
    label: '1-D Poisson C = 8: stiffness (gradients, Hessian)',
    config: {
      pde: 'poisson1d',
      params: { C: 8 },
      archOptions: { depth: 2, width: 50, activation: 'tanh' },
      batch: 128,
      steps: 5000,
      diagnostics: { every: 100, kinds: ['align', 'hist', 'hess'], hessIters: 15 },
    },
  },
  ldc_velocity_pressure: {
    label: 'Lid-driven cavity, (u, v, p), modified MLP + annealing (stalls near 0.75)',
    config: { pde: 'ldc', arch: 'modified_mlp', balancing: { method: 'annealing' }, batch: 128, steps: 40000 },
  },
  ldc_stream_function: {
    label: 'Lid-driven cavity, (ψ, p), modified MLP + annealing (paper M4: 3.4e-2)',
    config: { pde: 'ldc_stream', arch: 'modified_mlp', balancing: { method: 'annealing' }, batch: 128, steps: 40000 },
  },
  klein_gordon: { label: 'Klein–Gordon, MLP + Adam', config: { pde: 'klein_gordon', batch: 128, steps: 40000 } },
  wave: { label: 'Wave (c = 2), MLP + Adam', config: { pde: 'wave', batch: 256, steps: 20000 } },
  advection: { label: 'Advection β = 30 (periodic embedding)', config: { pde: 'advection', batch: 256, steps: 10000 } },
  burgers_uniform_vs_rad: {
    label: 'Burgers: uniform vs RAD adaptive sampling (Wu et al. 2023)',
    config: { pde: 'burgers', batch: 256, steps: 5000 },
    compare: { sampling: { method: 'rad' } },
  },
  poisson_soft_vs_hard: {
    label: '1-D Poisson, C = 4: boundary loss term vs hard constraint',
    config: { pde: 'poisson1d', params: { C: 4 }, batch: 256, steps: 2000 },
    compare: { hardConstraints: true },
  },
  poisson_newton_vs_adam: {
    label: 'Tiny Poisson net: exact-Hessian Newton vs Adam (saddles, Rowan 2025)',
    config: {
      pde: 'poisson1d',
      params: { C: 4 },
      archOptions: { depth: 1, width: 10, activation: 'tanh' },
      batch: 64,
      seed: 3,
      lr: 1e-2,
      steps: 300,
      logEvery: 5,
    },
    compare: { optimizer: 'newton' },
  },
};

/** The preset ids, for menus and CLI validation. */
export const presetIds = Object.keys(presets);

/**
 * The option records that belong to an id field: switching the id makes the old options
 * meaningless, so an override that changes the id brings its own options (or the defaults).
 */
const ownedBy: Partial<Record<keyof ExperimentConfig, (keyof ExperimentConfig)[]>> = {
  pde: ['params', 'lossWeights', 'termBatch', 'custom', 'causal'],
  arch: ['archOptions'],
  optimizer: ['optimizerOptions'],
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The record fields whose owner id `overrides` changes relative to `base`. */
function replacedFields(base: ConfigInput, overrides: ConfigInput): Set<string> {
  const out = new Set<string>();
  for (const [id, fields] of Object.entries(ownedBy)) {
    const k = id as keyof ConfigInput;
    if (overrides[k] !== undefined && overrides[k] !== base[k]) fields!.forEach((f) => out.add(f));
  }
  // a record whose own discriminator changes (balancing.method, sampling.method) takes the new one's defaults
  for (const [field, first] of [
    ['balancing', 'fixed'],
    ['sampling', 'uniform'],
  ] as const) {
    const method = (c: ConfigInput) => (isRecord(c[field]) ? (c[field] as Record<string, unknown>).method : undefined);
    if (method(overrides) !== undefined && method(overrides) !== (method(base) ?? first)) out.add(field);
  }
  return out;
}

/**
 * `base` with `overrides` on top: nested records (params, archOptions, …) merge key by key,
 * other values replace. When an override changes `pde`, `arch` or `optimizer`, the base's
 * records that belong to the old id (params/lossWeights, archOptions, optimizerOptions) are
 * dropped and only the override's are kept, so e.g. `{ arch: 'pirate_net' }` does not
 * inherit the MLP's `depth`; likewise `{ balancing: { method: 'annealing' } }` brings
 * annealing's defaults (every 10 steps), not the fixed method's.
 */
export function withOverrides(base: ConfigInput, overrides: ConfigInput): ConfigInput {
  const replaced = replacedFields(base, overrides);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(base)) if (!replaced.has(k)) out[k] = v;
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) continue;
    const prev = out[k];
    out[k] = isRecord(v) && isRecord(prev) ? { ...prev, ...v } : v;
  }
  return out as ConfigInput;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The smallest overrides that turn resolved config `a` into resolved config `b`, so that
 * `resolve(withOverrides(a, diffConfig(a, b)))` equals `b`: changed scalars, changed keys of
 * nested records, and whole records where their owner id differs. Empty when a equals b.
 */
export function diffConfig(a: ExperimentConfig, b: ExperimentConfig): ConfigInput {
  const out: Record<string, unknown> = {};
  const replaced = replacedFields(a as ConfigInput, b as ConfigInput);
  for (const k of Object.keys(b) as (keyof ExperimentConfig)[]) {
    const va: unknown = a[k];
    const vb: unknown = b[k];
    if (replaced.has(k)) {
      out[k] = vb;
      continue;
    }
    if (same(va, vb)) continue;
    if (isRecord(va) && isRecord(vb)) {
      const sub: Record<string, unknown> = {};
      for (const [kk, v] of Object.entries(vb)) if (!same(va[kk], v)) sub[kk] = v;
      // Resolved records have fixed keys, except lossWeights where a missing term weighs 1.
      for (const kk of Object.keys(va)) if (!(kk in vb) && k === 'lossWeights') sub[kk] = 1;
      out[k] = sub;
    } else out[k] = vb;
  }
  return out as ConfigInput;
}

/** An experiment whose configs were validated: both runs in full, and run B as overrides of A. */
export interface ResolvedExperiment {
  config: ExperimentConfig;
  /** Run B's overrides of `config` (normalised by `diffConfig`), or null without compare mode. */
  compare: ConfigInput | null;
  compareConfig: ExperimentConfig | null;
}

/**
 * Validate an experiment with `resolve` (the engine's `resolveConfig`, passed in so that this
 * module stays free of tfjs for the UI bundle). Throws the resolver's error, prefixed with
 * "compare: " when it is run B's overrides that are wrong.
 */
export function resolveExperiment(e: Experiment, resolve: (c: ConfigInput) => ExperimentConfig): ResolvedExperiment {
  if (!isRecord(e.config)) throw new Error(`config: expected an object, got ${JSON.stringify(e.config)}`);
  const config = resolve(e.config);
  if (e.compare === undefined || e.compare === null) return { config, compare: null, compareConfig: null };
  if (!isRecord(e.compare)) throw new Error(`compare: expected an object, got ${JSON.stringify(e.compare)}`);
  let compareConfig: ExperimentConfig;
  try {
    compareConfig = resolve(withOverrides(config as ConfigInput, e.compare));
  } catch (err) {
    throw new Error(`compare: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { config, compare: diffConfig(config, compareConfig), compareConfig };
}
