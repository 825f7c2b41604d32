/** Flags of `npm run train` and their translation into an experiment config. */
import { baseConfig, diagnosticKinds, resolveConfig, type ConfigInput } from '../src/engine/config';
import { presetIds, presets } from '../src/engine/presets';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configOfFile } from '../src/engine/export/spec';
import { parseArgs, UsageError } from './args';
import { hasOwn } from '../src/engine/schema/option';
import { defineOwn, isOptionPath, setPath } from '../src/engine/schema/paths';

const isPlainObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

export const trainFlags = {
  values: [
    'preset',
    'pde',
    'arch',
    'optimizer',
    'steps',
    'seed',
    'backend',
    'batch',
    'lr',
    'log-every',
    'out',
    'diagnostics',
    'diag-every',
    'balancing',
    'balance-every',
    'balance-alpha',
    'causal',
    'causal-eps',
    'causal-chunks',
    'lbfgs-from',
    'config',
    'sampling',
    'sampling-every',
    'sampling-power',
    'sampling-c',
    'sampling-candidates',
    'sampling-add',
    'hard',
    'resume',
    'init-weights',
  ],
  switches: ['json'],
  pairs: ['param', 'arch-opt', 'opt', 'weight', 'set'],
};

/** The config the flags describe: the preset's overrides, then each flag on top. */
export function configFromArgs(argv: string[]): {
  config: ReturnType<typeof resolveConfig>;
  args: ReturnType<typeof parseArgs>;
} {
  const args = parseArgs(argv, trainFlags);
  if (args.positional.length) throw new UsageError(`unexpected argument '${args.positional[0]}'`);
  const v = args.values;
  let input: ConfigInput = {};
  if (v.config !== undefined) input = readConfigFile(v.config);
  else if (v.resume !== undefined) input = readConfigFile(join(v.resume, 'config.json'), '--resume');
  if (v.preset !== undefined) {
    if (!hasOwn(presets, v.preset))
      throw new UsageError(`--preset: unknown preset '${v.preset}' (allowed: ${presetIds.join(', ')})`);
    input = { ...input, ...presets[v.preset].config };
  }
  const set = (key: keyof ConfigInput, flag: string) => {
    if (v[flag] !== undefined) input[key] = v[flag];
  };
  set('pde', 'pde');
  set('arch', 'arch');
  set('optimizer', 'optimizer');
  set('steps', 'steps');
  set('seed', 'seed');
  set('batch', 'batch');
  set('lr', 'lr');
  set('logEvery', 'log-every');
  const merge = (key: keyof ConfigInput, flag: string) => {
    if (args.pairs[flag]) input[key] = { ...(input[key] as object | undefined), ...args.pairs[flag] };
  };
  if (v.diagnostics !== undefined) {
    const kinds =
      v.diagnostics === 'all' ? [...diagnosticKinds] : v.diagnostics === 'none' ? [] : v.diagnostics.split(',');
    const steps = Number(input.steps ?? baseConfig.steps);
    input.diagnostics = {
      ...(input.diagnostics as object | undefined),
      kinds,
      every: v['diag-every'] ?? (kinds.length ? Math.max(1, Math.round(steps / 10)) : 0),
    };
  } else if (v['diag-every'] !== undefined)
    input.diagnostics = { ...(input.diagnostics as object | undefined), every: v['diag-every'] };
  if (v.balancing !== undefined || v['balance-every'] !== undefined || v['balance-alpha'] !== undefined) {
    const b: Record<string, unknown> = { ...(input.balancing as object | undefined) };
    if (v.balancing !== undefined) b.method = v.balancing;
    if (v['balance-every'] !== undefined) b.every = v['balance-every'];
    if (v['balance-alpha'] !== undefined) b.alpha = v['balance-alpha'];
    input.balancing = b;
  }
  if (v.causal !== undefined || v['causal-eps'] !== undefined || v['causal-chunks'] !== undefined) {
    const c: Record<string, unknown> = { ...(input.causal as object | undefined) };
    if (v.causal !== undefined) {
      if (v.causal !== 'on' && v.causal !== 'off')
        throw new UsageError(`--causal: expected on or off, got '${v.causal}'`);
      c.enabled = v.causal === 'on';
    }
    if (v['causal-eps'] !== undefined) c.eps = v['causal-eps'];
    if (v['causal-chunks'] !== undefined) c.chunks = v['causal-chunks'];
    input.causal = c;
  }
  const sampling = {
    sampling: 'method',
    'sampling-every': 'every',
    'sampling-power': 'power',
    'sampling-c': 'c',
    'sampling-candidates': 'candidates',
    'sampling-add': 'add',
  } as const;
  for (const [flag, key] of Object.entries(sampling)) {
    if (v[flag] !== undefined) input.sampling = { ...(input.sampling as object | undefined), [key]: v[flag] };
  }
  if (v.hard !== undefined) {
    if (v.hard !== 'on' && v.hard !== 'off') throw new UsageError(`--hard: expected on or off, got '${v.hard}'`);
    input.hardConstraints = v.hard === 'on';
  }
  if (v['lbfgs-from'] !== undefined) input.lbfgs = { ...(input.lbfgs as object | undefined), from: v['lbfgs-from'] };
  merge('params', 'param');
  merge('archOptions', 'arch-opt');
  merge('optimizerOptions', 'opt');
  merge('lossWeights', 'weight');
  applySets(input, args.pairs.set ?? {});
  return { config: resolveConfig(input), args };
}

/**
 * `--set key=value` for any option, by its dotted path in the config (`lr=1e-3`,
 * `schedule.cosineSteps=500`, `optimizerOptions.solver=host`, `balancing.method=annealing`),
 * applied last; the value is checked by the option's schema like every other.
 */
function applySets(input: ConfigInput, sets: Record<string, string>): void {
  for (const [key, value] of Object.entries(sets)) {
    if (!isOptionPath(key))
      throw new UsageError(`--set: '${key}' is not an option path (e.g. lr, archOptions.width, schedule.cosineSteps)`);
    const path = key.split('.');
    const [head] = path;
    if (path.length === 2 && hasOwn(input, head) && !isPlainObject(input[head as keyof ConfigInput])) {
      throw new UsageError(`--set: ${head} is not a group of options`);
    }
    if (path.length === 2 && hasOwn(input, head))
      defineOwn(input, head, { ...(input[head as keyof ConfigInput] as object) });
    setPath(input, path, value, (why) => new UsageError(`--set ${why}`), true);
  }
}

/** A config file (JSON: any subset of the experiment config, e.g. a saved config.json). */
function readConfigFile(path: string, flag = '--config'): ConfigInput {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${flag}: cannot read ${path} (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('expected a JSON object');
    // an export's config.json: its `export` section is derived
    return configOfFile(v as Record<string, unknown>) as ConfigInput;
  } catch (e) {
    throw new UsageError(`${flag}: ${path} is not a valid config file: ${e instanceof Error ? e.message : String(e)}`);
  }
}
