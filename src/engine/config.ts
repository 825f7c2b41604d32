import { balancing, balancingMethods, type BalancingMethod, type BalancingOptions } from './balancing/methods';
import { causalSchema, type CausalConfig } from './causal';
import { buildCustomPde, CustomPdeError, validateCustomSpec, type CustomPdeSpec } from './custom';
import { diagnosticKinds, diagnosticsSchema, type DiagnosticKind, type DiagnosticsOptions } from './diagnostics/kinds';
import { lbfgsSchema, type LbfgsConfig } from './host-phase';
import {
  archChoice,
  architectures,
  archIds,
  type ArchChoice,
  type ArchEntry,
  type ArchId,
  type ArchOptions,
} from './nets';
import {
  optimizerChoice,
  optimizerIds,
  optimizers,
  scheduleSchema,
  type OptimizerChoice,
  type OptimizerEntry,
  type OptimizerId,
  type OptimizerOptions,
  type ScheduleOptions,
} from './optim';
import { defaultParams, pdeIds, pdes, primaryResidual, type ParamValues, type Pde, type PdeId } from './pdes';
import { checkBudget } from './budget';
import { hardConstraintIds, hardConstraintOf } from './hard-constraints';
import { sampling, samplingMethods, type SamplingMethod, type SamplingOptions } from './sampling-methods';
import { checkValue, ConfigError, numberIn, oneOf, record, resolveOptions, shown } from './schema/check';
import { bool, defaultsOf, float, hasOwn, int, own, type SchemaOf } from './schema/option';
import { paramSchema } from './schema/params';

export { ConfigError, numberIn } from './schema/check';
export { balancingMethods, type BalancingMethod } from './balancing/methods';
export { diagnosticKinds, type DiagnosticKind } from './diagnostics/kinds';
export { samplingMethods, type SamplingMethod } from './sampling-methods';
export type { CausalConfig } from './causal';
export type { LbfgsConfig } from './host-phase';

/**
 * One experiment, fully specified: every user-visible setting is a typed field here, so a
 * run is reproducible from its config (and its URL) alone. Presets and the CLI produce a
 * `ConfigInput` (any subset) which `resolveConfig` validates and fills from the defaults;
 * every option's kind, range and default come from the schema declared beside what it
 * configures (docs/ARCHITECTURE.md, "The option schema").
 */
export type ExperimentConfig = ConfigFields & ArchChoice & OptimizerChoice;

/**
 * Everything in a config but the architecture and the optimizer, which come as discriminated
 * pairs (`ArchChoice`: `arch` with that architecture's `archOptions`; `OptimizerChoice` alike),
 * so `config.arch === 'pirate_net'` narrows `config.archOptions` to PirateNet's options.
 */
export interface ConfigFields extends TrainingOptions {
  /** A built-in PDE id, or 'custom' for the user-typed PDE in `custom`. */
  pde: PdeId | 'custom';
  /** The user-typed PDE when `pde` is 'custom' (validated, JSON-serialisable). */
  custom?: CustomPdeSpec;
  params: ParamValues;
  schedule: ScheduleOptions;
  /** Fixed weight per loss term (missing terms weigh 1). */
  lossWeights: Record<string, number>;
  /** Points per step for the named loss terms (the others take `batch`); same range as `batch`. */
  termBatch: Record<string, number>;
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
}

/** Residual-point sampling: the method and its options (their defaults depend on the method). */
export interface SamplingConfig extends SamplingOptions {
  method: SamplingMethod;
}

/** The top-level scalar settings of a run. */
export interface TrainingOptions {
  /** Base learning rate η. */
  lr: number;
  /** Points per loss term per step. */
  batch: number;
  steps: number;
  seed: number;
  /** Read losses (and check for divergence) every this many steps. */
  logEvery: number;
  /** Impose the PDE's Dirichlet/initial data exactly by an output transform (see hard-constraints.ts). */
  hardConstraints: boolean;
}

/** The schema of the top-level scalar settings (the learning rate is the one live option). */
export const trainingSchema: SchemaOf<TrainingOptions> = {
  lr: float('Learning rate', 1e-3, 1e-8, 10, 'Base step size η; applied at the next step, also while training.', {
    live: true,
  }),
  batch: int('Batch', 256, 1, 65536, 'Fresh random collocation points per loss term per step.', {
    unit: 'points per term',
  }),
  steps: int('Steps', 5000, 0, 1e8, 'Optimisation steps of the run.'),
  seed: int('Seed', 0, 0, 2 ** 32 - 1, 'Fixes the initial weights and every batch of points.'),
  logEvery: int('Log every', 10, 1, 1e6, 'Read the losses (and check for divergence) every this many steps.', {
    unit: 'steps',
  }),
  hardConstraints: bool(
    'Hard constraints',
    false,
    'Impose the boundary and initial data exactly by an output transform ' +
      '(u = g + d·N) instead of loss terms, for the PDEs that have one.',
  ),
};

/** Loss balancing: the method and its options (their defaults depend on the method). */
export interface BalancingConfig extends BalancingOptions {
  method: BalancingMethod;
}

/** The diagnostics record: which kinds run, how often and how big their estimates are. */
export interface DiagnosticsConfig extends DiagnosticsOptions {
  kinds: DiagnosticKind[];
}

/** Any subset of a config, as typed by a person, a URL or a file. */
export type ConfigInput = { [K in keyof ExperimentConfig]?: unknown };

export const baseConfig: ExperimentConfig = {
  pde: 'helmholtz',
  params: defaultParams(pdes.helmholtz),
  arch: 'mlp',
  archOptions: architectures.mlp.defaults,
  optimizer: 'adam',
  optimizerOptions: optimizers.adam.defaults,
  ...defaultsOf(trainingSchema),
  schedule: defaultsOf(scheduleSchema),
  lossWeights: {},
  termBatch: {},
  balancing: { method: 'fixed', ...defaultsOf(balancing.fixed.schema) },
  diagnostics: { ...defaultsOf(diagnosticsSchema), kinds: ['align', 'hist'] },
  causal: defaultsOf(causalSchema),
  lbfgs: defaultsOf(lbfgsSchema),
  sampling: { method: 'uniform', ...defaultsOf(sampling.uniform.schema) },
};

const fields = [...Object.keys(baseConfig), 'custom'];

/** Validate `input` and fill every missing field from `baseConfig` and the PDE's defaults. */
export function resolveConfig(input: ConfigInput = {}): ExperimentConfig {
  const given = record('config', input) as ConfigInput;
  for (const k of Object.keys(given))
    if (!fields.includes(k)) throw new ConfigError(`unknown config field '${k}' (allowed: ${fields.join(', ')})`);
  const at = <K extends keyof ConfigInput>(k: K): unknown => (hasOwn(given, k) ? given[k] : undefined);
  const pde = oneOf('pde', at('pde') ?? baseConfig.pde, [...pdeIds, 'custom'] as const);
  const custom = pde === 'custom' ? resolveCustom(at('custom')) : undefined;
  if (pde !== 'custom' && at('custom') !== undefined)
    throw new ConfigError(`custom: only used with pde 'custom' (pde is ${pde})`);
  const spec = custom ? buildCustomPde(custom) : pdes[pde as PdeId];
  for (const k of Object.keys(record('params', at('params')))) {
    if (!hasOwn(spec.params, k))
      throw new ConfigError(
        `params.${k}: ${pde} has no parameter '${k}' (has: ${Object.keys(spec.params).join(', ') || 'none'})`,
      );
  }
  const params = resolveOptions<ParamValues>('params', at('params'), paramSchema(spec), defaultParams(spec));
  const arch = resolveArch(oneOf('arch', at('arch') ?? baseConfig.arch, archIds), at('archOptions'));
  const optimizer = oneOf('optimizer', at('optimizer') ?? baseConfig.optimizer, optimizerIds);
  const perTerm = (field: 'lossWeights' | 'termBatch', value: (path: string, v: unknown) => number) => {
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(record(field, at(field)))) {
      if (!hasOwn(spec.terms, k))
        throw new ConfigError(
          `${field}.${k}: ${pde} has no loss term '${k}' (has: ${Object.keys(spec.terms).join(', ')})`,
        );
      out[k] = value(`${field}.${k}`, v);
    }
    return out;
  };
  const lossWeights = perTerm('lossWeights', (path, v) => numberIn(path, v, 0, 1e8));
  const termBatch = perTerm('termBatch', (path, v) => checkValue(path, trainingSchema.batch, v) as number);
  const training = Object.fromEntries(
    Object.keys(trainingSchema)
      .map((k) => [k, at(k as keyof ConfigInput)])
      .filter(([, v]) => v !== undefined),
  );
  const config: ExperimentConfig = {
    pde,
    ...(custom ? { custom } : {}),
    params,
    ...arch,
    ...resolveOptimizer(optimizer, at('optimizerOptions')),
    ...resolveOptions<TrainingOptions>('', training, trainingSchema),
    schedule: resolveOptions('schedule', at('schedule'), scheduleSchema),
    lossWeights,
    termBatch,
    balancing: resolveBalancing(at('balancing')),
    diagnostics: resolveDiagnostics(at('diagnostics')),
    causal: resolveCausal(at('causal'), spec),
    lbfgs: resolveOptions('lbfgs', at('lbfgs'), lbfgsSchema),
    sampling: resolveSampling(at('sampling'), spec),
  };
  if (config.hardConstraints && !hardConstraintOf(spec)) {
    throw new ConfigError(
      `hardConstraints: not available for ${spec.id} (available for: ${hardConstraintIds().join(', ')})`,
    );
  }
  checkBudget(config, spec);
  return config; // in baseConfig's order (custom after pde), so links and exports read alike
}

/** Architecture `arch` with its options from `v` (its schema's defaults filled in, its own `check` passed). */
function resolveArch<K extends ArchId>(arch: K, v: unknown): ArchChoice<K> {
  const entry: ArchEntry<K> = architectures[arch];
  const archOptions = resolveOptions<ArchOptions[K]>('archOptions', v, entry.schema);
  const problem = entry.check?.(archOptions);
  if (problem) throw new ConfigError(problem);
  return archChoice(arch, archOptions);
}

/** Optimizer `optimizer` with its hyperparameters from `v` (its schema's defaults filled in). */
function resolveOptimizer<K extends OptimizerId>(optimizer: K, v: unknown): OptimizerChoice<K> {
  const entry: OptimizerEntry<K> = optimizers[optimizer];
  return optimizerChoice(optimizer, resolveOptions<OptimizerOptions[K]>('optimizerOptions', v, entry.schema));
}

function resolveCausal(v: unknown, spec: Pde): CausalConfig {
  const out = resolveOptions<CausalConfig>('causal', v, causalSchema, { enabled: spec.causalByDefault ?? false });
  if (out.enabled && spec.axes[0] !== 't')
    throw new ConfigError(`causal.enabled: ${spec.id} has no time axis, so causal weighting does not apply`);
  return out;
}

/** Validate a user-typed PDE, reporting its errors as config errors under `custom.`. */
function resolveCustom(v: unknown): CustomPdeSpec {
  if (v === undefined)
    throw new ConfigError(
      "custom: pde 'custom' needs a spec (axes, domain, residual, ...); " +
        'see the examples in src/engine/custom/examples.ts',
    );
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

/** The method, then its options with that method's defaults (annealing every 10, grad-norm 100). */
function resolveBalancing(v: unknown): BalancingConfig {
  const { method: m, ...rest } = record('balancing', v);
  const method = oneOf('balancing.method', m ?? 'fixed', balancingMethods);
  return { method, ...resolveOptions<BalancingOptions>('balancing', rest, own(balancing, method)!.schema) };
}

/** The method, then its options with that method's defaults (RAR-D: power 2, c = 0). */
function resolveSampling(v: unknown, spec: Pde): SamplingConfig {
  const { method: m, ...rest } = record('sampling', v);
  const method = oneOf('sampling.method', m ?? 'uniform', samplingMethods);
  if (method !== 'uniform' && primaryResidual(spec) === undefined)
    throw new ConfigError(`sampling.method: ${spec.id} has no residual term to sample adaptively`);
  return { method, ...resolveOptions<SamplingOptions>('sampling', rest, own(sampling, method)!.schema) };
}

function resolveDiagnostics(v: unknown): DiagnosticsConfig {
  const { kinds: k, ...rest } = record('diagnostics', v);
  const out = resolveOptions<DiagnosticsOptions>('diagnostics', rest, diagnosticsSchema);
  const kinds =
    k === undefined ? baseConfig.diagnostics.kinds : typeof k === 'string' ? k.split(',').filter(Boolean) : k;
  if (!Array.isArray(kinds)) throw new ConfigError(`diagnostics.kinds: expected a list, got ${shown(kinds)}`);
  const checked = kinds.map((x, i) => oneOf(`diagnostics.kinds[${i}]`, x, diagnosticKinds));
  if (new Set(checked).size !== checked.length)
    throw new ConfigError(`diagnostics.kinds: ${shown(kinds)} names a diagnostic twice`);
  return { ...out, kinds: checked };
}
