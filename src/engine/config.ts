import { architectures, archIds, type ArchId, type ArchOptions } from './nets';
import { optimizerIds, optimizers, type OptimizerId, type OptimizerOptions, type ScheduleOptions } from './optim';
import { constantSchedule } from './optim/schedule';
import { buildCustomPde, CustomPdeError, validateCustomSpec, type CustomPdeSpec } from './custom';
import { defaultParams, pdeIds, pdes, type ParamValues, type Pde, type PdeId } from './pdes';
import { activationIds } from './activations';
import { hardConstraintIds, hardConstraintOf } from './hard-constraints';

/**
 * One experiment, fully specified: every user-visible setting is a typed field here, so a
 * run is reproducible from its config (and its URL) alone. Presets and the CLI produce a
 * `ConfigInput` (any subset) which `resolveConfig` validates and fills from the defaults.
 */
export interface ExperimentConfig {
  /** A built-in PDE id, or 'custom' for the user-typed PDE in `custom`. */
  pde: PdeId | 'custom';
  /** The user-typed PDE when `pde` is 'custom' (validated, JSON-serialisable). */
  custom?: CustomPdeSpec;
  params: ParamValues;
  arch: ArchId;
  archOptions: ArchOptions[ArchId];
  optimizer: OptimizerId;
  optimizerOptions: OptimizerOptions[OptimizerId];
  /** Base learning rate η. */
  lr: number;
  schedule: ScheduleOptions;
  /** Fixed weight per loss term (missing terms weigh 1). */
  lossWeights: Record<string, number>;
  /** Points per loss term per step. */
  batch: number;
  steps: number;
  seed: number;
  /** Read losses (and check for divergence) every this many steps. */
  logEvery: number;
  /** Loss balancing (fixed weights, learning-rate annealing or grad-norm weighting). */
  balancing: BalancingConfig;
  /** Which diagnostics run, and how often (every 0 = off). */
  diagnostics: DiagnosticsConfig;
  /** Causal weighting of the residual over time chunks (time-dependent PDEs). */
  causal: CausalConfig;
  /** Switch to full-batch L-BFGS at step `from` (−1 = never, 0 = from the start). */
  lbfgs: LbfgsConfig;
  /** Where the residual's collocation points come from (uniform, or residual-based adaptive). */
  sampling: SamplingConfig;
  /** Impose the PDE's Dirichlet/initial data exactly by an output transform (see hard-constraints.ts). */
  hardConstraints: boolean;
}

/** L-BFGS phase: a fixed batch of `batch` points per term, `history` curvature pairs. */
export interface LbfgsConfig {
  from: number;
  history: number;
  batch: number;
}

/**
 * Causal training (Wang, Sankaran, Perdikaris 2024): residual points sorted into `chunks`
 * time chunks weighted by w_i = exp(−ε Σ_{j<i} L_j). Defaults on for the PDEs that declare
 * `causalByDefault` (Allen–Cahn, KdV, Kuramoto–Sivashinsky), ε = 1, 32 chunks (jaxpi).
 */
export interface CausalConfig {
  enabled: boolean;
  eps: number;
  chunks: number;
}

/** Collocation sampling of the residual term (Wu et al. 2023: RAD and RAR-D). */
export const samplingMethods = ['uniform', 'rad', 'rar'] as const;
export type SamplingMethod = (typeof samplingMethods)[number];

/**
 * Residual-based adaptive sampling (Wu, Zhu, Tan, Kartha, Lu 2023, CMAME 403): every `every`
 * steps `candidates` uniform points are drawn and weighted by q ∝ |r|^power / mean(|r|^power) + c.
 * `rad` draws each step's residual batch from that density; `rar` (RAR-D) adds `add` points drawn
 * from it (without replacement) to a growing set trained on beside each step's uniform batch.
 * Defaults: the paper's recommended power 1, c = 1 for RAD and power 2, c = 0 for RAR-D.
 */
export interface SamplingConfig {
  method: SamplingMethod;
  every: number;
  power: number;
  c: number;
  candidates: number;
  add: number;
}


/**
 * Loss-balancing methods (Wang, Teng, Perdikaris 2021 Alg. 1; jaxpi grad-norm; NTK weighting,
 * Wang, Yu, Perdikaris 2022, on `diagnostics.ntkPoints` probe points per term).
 */
export const balancingMethods = ['fixed', 'annealing', 'gradnorm', 'ntk'] as const;
export type BalancingMethod = (typeof balancingMethods)[number];

/**
 * `alpha` is the weight of the new estimate in λ ← (1 − α)λ + α λ̂ (default 0.1: the
 * gradient-pathologies code's β = 0.9 and jaxpi's grad-norm momentum 0.9); `every` in steps
 * (default 10 for annealing, as the paper's code, 100 for grad-norm).
 */
export interface BalancingConfig {
  method: BalancingMethod;
  alpha: number;
  every: number;
}

/** Diagnostics the engine can compute (DESIGN.md; issue "Diagnostics"). */
export const diagnosticKinds = ['align', 'hist', 'hess', 'rgv', 'ntk'] as const;
export type DiagnosticKind = (typeof diagnosticKinds)[number];

export interface DiagnosticsConfig {
  /** Run the selected diagnostics every this many steps (0 = never). */
  every: number;
  kinds: DiagnosticKind[];
  /** Lanczos iterations (Hessian-vector products) for the Hessian's extreme eigenpairs. */
  hessIters: number;
  /** Histogram bins per layer. */
  bins: number;
  /** Samples used for per-sample gradients (residual-gradient variance). */
  rgvSamples: number;
  /** Probe points per loss term for the empirical NTK (diagnostics and NTK weighting). */
  ntkPoints: number;
}

/** Any subset of a config, as typed by a person, a URL or a file. */
export type ConfigInput = { [K in keyof ExperimentConfig]?: unknown };

/** A config that cannot be used; the message names the field, the value and what is allowed. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const baseConfig: ExperimentConfig = {
  pde: 'helmholtz',
  params: defaultParams(pdes.helmholtz),
  arch: 'mlp',
  archOptions: architectures.mlp.defaults,
  optimizer: 'adam',
  optimizerOptions: optimizers.adam.defaults,
  lr: 1e-3,
  schedule: constantSchedule,
  lossWeights: {},
  batch: 256,
  steps: 5000,
  seed: 0,
  logEvery: 10,
  balancing: { method: 'fixed', alpha: 0.1, every: 100 },
  diagnostics: { every: 0, kinds: ['align', 'hist'], hessIters: 20, bins: 40, rgvSamples: 128, ntkPoints: 32 },
  causal: { enabled: false, eps: 1, chunks: 32 },
  lbfgs: { from: -1, history: 10, batch: 1024 },
  sampling: { method: 'uniform', every: 100, power: 1, c: 1, candidates: 4096, add: 32 },
  hardConstraints: false,
};

function oneOf<T extends string>(field: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !allowed.includes(v as T)) {
    throw new ConfigError(`${field}: unknown value ${JSON.stringify(v)} (allowed: ${allowed.join(', ')})`);
  }
  return v as T;
}

/** A finite number in [min, max] (and an integer when `int`). */
export function numberIn(field: string, v: unknown, min: number, max: number, int = false): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || (int && !Number.isInteger(n)) || n < min || n > max) {
    const shown = typeof v === 'number' ? String(v) : JSON.stringify(v);
    throw new ConfigError(`${field}: ${shown} is not ${int ? 'an integer' : 'a number'} in [${min}, ${max}]`);
  }
  return n;
}

function record(field: string, v: unknown): Record<string, unknown> {
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ConfigError(`${field}: expected an object, got ${JSON.stringify(v)}`);
  return v as Record<string, unknown>;
}

/** Fill numeric options from defaults, rejecting unknown keys and non-finite values. */
function numericOptions<T extends object>(field: string, v: unknown, defaults: T, ranges: Partial<Record<keyof T, [number, number, boolean?]>>): T {
  const given = record(field, v);
  const out = { ...defaults } as Record<string, unknown>;
  for (const [k, val] of Object.entries(given)) {
    if (!(k in defaults)) throw new ConfigError(`${field}.${k}: unknown option (allowed: ${Object.keys(defaults).join(', ')})`);
    const d = (defaults as Record<string, unknown>)[k];
    if (typeof d === 'string' || Array.isArray(d)) { out[k] = val; continue; }
    if (typeof d === 'boolean') {
      if (val === true || val === 'true' || val === 1 || val === '1') out[k] = true;
      else if (val === false || val === 'false' || val === 0 || val === '0') out[k] = false;
      else throw new ConfigError(`${field}.${k}: ${JSON.stringify(val)} is not true or false`);
      continue;
    }
    const [lo, hi, int] = ranges[k as keyof T] ?? [-Infinity, Infinity];
    out[k] = numberIn(`${field}.${k}`, val, lo, hi, int);
  }
  return out as T;
}

/** Validate `input` and fill every missing field from `baseConfig` and the PDE's defaults. */
export function resolveConfig(input: ConfigInput = {}): ExperimentConfig {
  const known = [...Object.keys(baseConfig), 'custom'];
  for (const k of Object.keys(input)) if (!known.includes(k)) throw new ConfigError(`unknown config field '${k}' (allowed: ${known.join(', ')})`);
  const pde = oneOf('pde', input.pde ?? baseConfig.pde, [...pdeIds, 'custom'] as const);
  const custom = pde === 'custom' ? resolveCustom(input.custom) : undefined;
  if (pde !== 'custom' && input.custom !== undefined) throw new ConfigError(`custom: only used with pde 'custom' (pde is ${pde})`);
  const spec = custom ? buildCustomPde(custom) : pdes[pde as PdeId];
  const params = defaultParams(spec);
  for (const [k, v] of Object.entries(record('params', input.params))) {
    const ps = spec.params[k];
    if (!ps) throw new ConfigError(`params.${k}: ${pde} has no parameter '${k}' (has: ${Object.keys(spec.params).join(', ') || 'none'})`);
    params[k] = numberIn(`params.${k}`, v, ps.min, ps.max);
  }
  const arch = oneOf('arch', input.arch ?? baseConfig.arch, archIds);
  const archOptions = numericOptions('archOptions', input.archOptions, architectures[arch].defaults as ArchOptions[ArchId], {
    depth: [1, 16, true], width: [1, 512, true], blocks: [1, 16, true], fourierSize: [0, 1024, true], fourierSigma: [0, 1000],
    rwfMean: [-5, 5], rwfStd: [0, 5],
  } as Partial<Record<string, [number, number, boolean?]>>);
  oneOf('archOptions.activation', archOptions.activation, activationIds);
  const optimizer = oneOf('optimizer', input.optimizer ?? baseConfig.optimizer, optimizerIds);
  const optimizerOptions = numericOptions('optimizerOptions', input.optimizerOptions, optimizers[optimizer].defaults, {
    b1: [0, 0.99999], b2: [0, 0.99999999], eps: [0, 1],
    weightDecay: [0, 1], momentum: [0, 0.99999], nesterov: [0, 1, true],
    shampooBeta: [-1, 0.99999999], preconditionFrequency: [1, 1e6, true], maxPrecondDim: [1, 8192, true], precondition1d: [0, 1, true],
    nsSteps: [1, 100, true], cubic: [0, 1, true], rms: [0, 10],
  });
  const lossWeights: Record<string, number> = {};
  for (const [k, v] of Object.entries(record('lossWeights', input.lossWeights))) {
    if (!(k in spec.terms)) throw new ConfigError(`lossWeights.${k}: ${pde} has no loss term '${k}' (has: ${Object.keys(spec.terms).join(', ')})`);
    lossWeights[k] = numberIn(`lossWeights.${k}`, v, 0, 1e8);
  }
  return {
    pde,
    ...(custom ? { custom } : {}),
    params,
    arch,
    archOptions,
    optimizer,
    optimizerOptions,
    lr: numberIn('lr', input.lr ?? baseConfig.lr, 1e-8, 10),
    schedule: numericOptions('schedule', input.schedule, constantSchedule, {
      warmupSteps: [0, 1e7, true], decayRate: [1e-6, 1], decaySteps: [1, 1e9, true], cosineSteps: [0, 1e9, true],
    }),
    lossWeights,
    batch: numberIn('batch', input.batch ?? baseConfig.batch, 1, 65536, true),
    steps: numberIn('steps', input.steps ?? baseConfig.steps, 0, 1e8, true),
    seed: numberIn('seed', input.seed ?? baseConfig.seed, 0, 2 ** 32 - 1, true),
    logEvery: numberIn('logEvery', input.logEvery ?? baseConfig.logEvery, 1, 1e6, true),
    balancing: resolveBalancing(input.balancing),
    diagnostics: resolveDiagnostics(input.diagnostics),
    causal: resolveCausal(input.causal, spec),
    lbfgs: numericOptions('lbfgs', input.lbfgs, baseConfig.lbfgs, { from: [-1, 1e8, true], history: [1, 100, true], batch: [1, 65536, true] }),
    sampling: resolveSampling(input.sampling, spec),
    hardConstraints: resolveHard(input.hardConstraints, spec),
  };
}

function resolveSampling(v: unknown, spec: Pde): SamplingConfig {
  const given = record('sampling', v);
  const method = oneOf('sampling.method', given.method ?? 'uniform', samplingMethods);
  const defaults = { ...baseConfig.sampling, method, ...(method === 'rar' ? { power: 2, c: 0 } : {}) };
  const out = numericOptions('sampling', given, defaults, {
    every: [1, 1e7, true], power: [0, 10], c: [0, 1e6], candidates: [1, 1 << 18, true], add: [1, 65536, true],
  });
  out.method = method;
  if (method !== 'uniform' && !spec.terms.res) throw new ConfigError(`sampling: ${spec.id} has no 'res' term to sample adaptively`);
  return out;
}

function resolveHard(v: unknown, spec: Pde): boolean {
  if (v === undefined || v === false || v === 'false' || v === 'off') return false;
  if (v !== true && v !== 'true' && v !== 'on') throw new ConfigError(`hardConstraints: ${JSON.stringify(v)} is not true or false`);
  if (!hardConstraintOf(spec)) {
    throw new ConfigError(`hardConstraints: not available for ${spec.id} (available for: ${hardConstraintIds().join(', ')})`);
  }
  return true;
}

function resolveCausal(v: unknown, spec: Pde): CausalConfig {
  const pde = spec.id;
  const defaults = { ...baseConfig.causal, enabled: spec.causalByDefault ?? false };
  const out = numericOptions('causal', v, defaults, { eps: [0, 1e4], chunks: [1, 1024, true] });
  if (out.enabled && spec.axes[0] !== 't') throw new ConfigError(`causal: ${pde} has no time axis, so causal weighting does not apply`);
  return out;
}

/** Validate a user-typed PDE, reporting its errors as config errors under `custom.`. */
function resolveCustom(v: unknown): CustomPdeSpec {
  if (v === undefined) throw new ConfigError(`custom: pde 'custom' needs a spec (axes, domain, residual, ...); see the examples in src/engine/custom/examples.ts`);
  try {
    return validateCustomSpec(v);
  } catch (e) {
    if (e instanceof CustomPdeError) throw new ConfigError(`custom.${e.message}`);
    throw e;
  }
}

/** The PDE a config trains: a built-in one, or the user-typed one built from its spec. */
export function pdeOf(config: Pick<ExperimentConfig, 'pde' | 'custom'>): Pde {
  return config.pde === 'custom' ? buildCustomPde(config.custom!) : pdes[config.pde];
}

function resolveBalancing(v: unknown): BalancingConfig {
  const given = record('balancing', v);
  const method = oneOf('balancing.method', given.method ?? 'fixed', balancingMethods);
  const defaults = { ...baseConfig.balancing, method, alpha: 0.1, every: method === 'annealing' ? 10 : 100 };
  const out = numericOptions('balancing', given, defaults, { alpha: [0, 1], every: [1, 1e7, true] });
  out.method = method;
  return out;
}

function resolveDiagnostics(v: unknown): DiagnosticsConfig {
  const given = record('diagnostics', v);
  const out = numericOptions('diagnostics', given, baseConfig.diagnostics, {
    every: [0, 1e7, true], hessIters: [1, 1000, true], bins: [2, 1000, true], rgvSamples: [1, 4096, true],
    ntkPoints: [2, 1024, true],
  });
  const kinds = typeof out.kinds === 'string' ? (out.kinds as string).split(',').filter(Boolean) : out.kinds;
  if (!Array.isArray(kinds)) throw new ConfigError(`diagnostics.kinds: expected a list, got ${JSON.stringify(kinds)}`);
  out.kinds = kinds.map((k, i) => oneOf(`diagnostics.kinds[${i}]`, k, diagnosticKinds));
  return out;
}
