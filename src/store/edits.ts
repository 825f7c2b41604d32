/**
 * Pure edits of an experiment config, as the controls make them. Switching the PDE, the
 * architecture or the optimizer replaces the options that belonged to the old choice with
 * the new one's defaults, keeping the values the user changed that both share (width, β₁, …).
 */
import type { ConfigInput, ExperimentConfig } from '../engine/config';
import type { CustomPdeSpec } from '../engine/custom/spec';
import { diffConfig, withOverrides } from '../engine/presets';
import { archChoice, optimizerChoice } from '../engine/schema/choice';
import type { Catalog, OptionsInfo } from '../worker/protocol';

/** A change to a config, given the catalog (for defaults). */
export type ConfigEdit = (c: ExperimentConfig, catalog: Catalog) => ExperimentConfig;

/**
 * The new choice's default options, keeping an option's old value where both choices have it
 * and the user had changed it from the old choice's default (so PirateNet still gets its own
 * default RWF, but a width of 20 set on the MLP carries over).
 */
export function carryOptions<T extends object>(prev: object, oldDefaults: object, defaults: T): T {
  const was = new Map(Object.entries(prev));
  const old = new Map(Object.entries(oldDefaults));
  const out = { ...defaults };
  for (const [k, v] of Object.entries(defaults)) {
    const changed = was.has(k) && JSON.stringify(was.get(k)) !== JSON.stringify(old.get(k));
    if (changed && typeof was.get(k) === typeof v) Object.assign(out, { [k]: was.get(k) });
  }
  return out;
}

function find<T extends { id: string }>(list: readonly T[], id: string, what: string): T {
  const hit = list.find((x) => x.id === id);
  if (!hit) throw new Error(`unknown ${what} '${id}'`);
  return hit;
}

/** Another built-in PDE, with its default parameters, unit loss weights and causal default. */
export const switchPde =
  (id: string): ConfigEdit =>
  (c, catalog) => {
    const p = find(catalog.pdes, id, 'PDE');
    const { custom: _custom, ...rest } = c;
    return {
      ...rest,
      pde: p.id,
      params: Object.fromEntries(Object.entries(p.params).map(([k, s]) => [k, s.default])),
      lossWeights: {},
      termBatch: {},
      causal: { ...c.causal, enabled: p.causalByDefault },
      hardConstraints: (c.hardConstraints ?? false) && p.hardConstraint !== undefined,
    };
  };

/**
 * A user-typed PDE (a spec validated by `validateCustomSpec`): its parameters take the spec's
 * values and the loss weights reset (its terms may differ); causal weighting stays on only
 * from a typed PDE that had it to one with a time axis, as no typed PDE turns it on by default.
 */
export const applyCustomPde =
  (spec: CustomPdeSpec): ConfigEdit =>
  (c) => {
    // the spec goes first in links and exports, as resolveConfig orders it
    const { pde: _pde, custom: _custom, params: _params, ...rest } = c;
    return {
      pde: 'custom',
      custom: spec,
      params: { ...spec.params },
      ...rest,
      lossWeights: {},
      termBatch: {},
      causal: { ...c.causal, enabled: c.causal.enabled && c.pde === 'custom' && spec.axes[0] === 't' },
    };
  };

/** Another architecture, carrying shared options over. */
export const switchArch =
  (id: string): ConfigEdit =>
  (c, catalog) => {
    const a = find(catalog.architectures, id, 'architecture');
    const old = catalog.architectures.find((x) => x.id === c.arch)?.defaults ?? {};
    return { ...c, ...archChoice(a.id, carryOptions(c.archOptions, old, a.defaults)) };
  };

/** Another optimizer, carrying shared hyperparameters over. */
export const switchOptimizer =
  (id: string): ConfigEdit =>
  (c, catalog) => {
    const o = find(catalog.optimizers, id, 'optimizer');
    const old = catalog.optimizers.find((x) => x.id === c.optimizer)?.defaults ?? {};
    return { ...c, ...optimizerChoice(o.id, carryOptions(c.optimizerOptions, old, o.defaults)) };
  };

/**
 * Another loss-balancing method with its own defaults (annealing rebalances every 10 steps,
 * grad-norm every 100), carrying over the options the user changed from the old method's.
 */
export const switchBalancing = (id: string): ConfigEdit => switchMethod('balancing', id);

/** Another residual-sampling method with its own defaults (RAR-D: power 2, c = 0), as `switchBalancing`. */
export const switchSampling = (id: string): ConfigEdit => switchMethod('sampling', id);

function switchMethod(field: 'balancing' | 'sampling', id: string): ConfigEdit {
  return (c, catalog) => {
    const methods: readonly OptionsInfo[] = catalog[field];
    const m = find(methods, id, `${field} method`);
    const old = methods.find((x) => x.id === c[field].method)?.defaults ?? {};
    const { method: _method, ...prev } = c[field];
    return { ...c, [field]: { method: m.id, ...carryOptions(prev, old, m.defaults) } };
  };
}

/** The config fields that are records of named options. */
export type OptionField =
  | 'params'
  | 'archOptions'
  | 'optimizerOptions'
  | 'schedule'
  | 'lossWeights'
  | 'termBatch'
  | 'balancing'
  | 'diagnostics'
  | 'causal'
  | 'lbfgs'
  | 'sampling';

/** One named option inside a record field, e.g. `setOption('archOptions', 'width', 20)`. */
export const setOption =
  (field: OptionField, key: string, value: unknown): ConfigEdit =>
  (c) => ({
    ...c,
    [field]: { ...(c[field] as object), [key]: value },
  });

/** A top-level scalar field. */
export const setField =
  <K extends 'lr' | 'batch' | 'steps' | 'seed' | 'logEvery' | 'hardConstraints'>(
    field: K,
    value: ExperimentConfig[K],
  ): ConfigEdit =>
  (c) => ({ ...c, [field]: value });

/** Run B's full config: run A's with the overrides on top. */
export function compareConfig(a: ExperimentConfig, overrides: ConfigInput): ExperimentConfig {
  return withOverrides(a as ConfigInput, overrides) as ExperimentConfig;
}

/** Apply `edit` to run B, returning its new overrides of run A. */
export function editOverrides(
  a: ExperimentConfig,
  overrides: ConfigInput,
  edit: ConfigEdit,
  catalog: Catalog,
): ConfigInput {
  return diffConfig(a, edit(compareConfig(a, overrides), catalog));
}

/** The default second run: SOAP (or Adam when run A already uses SOAP). */
export function defaultOverrides(a: ExperimentConfig, catalog: Catalog): ConfigInput {
  const other = a.optimizer === 'soap' ? 'adam' : 'soap';
  return catalog.optimizers.some((o) => o.id === other)
    ? editOverrides(a, {}, switchOptimizer(other), catalog)
    : { seed: a.seed + 1 };
}

/**
 * The browser's starting experiment: the engine's base config with a smaller batch (slow
 * fallback backends stay responsive) and alignment + histogram diagnostics every 50 steps,
 * so those panels fill in soon after Start.
 */
export function browserDefaults(base: ExperimentConfig): ExperimentConfig {
  return { ...base, batch: 128, diagnostics: { ...base.diagnostics, every: 50, kinds: ['align', 'hist'] } };
}
