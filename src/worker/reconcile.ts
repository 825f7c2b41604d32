/**
 * What a Start or Step with new settings does to the runs there are: keep them (same
 * settings), continue them from their current weights and optimizer state (only continuable
 * settings changed — learning rate, batch, loss weights, balancing, diagnostics, steps,
 * logging; see continuable.ts; a diverged run continues from its last good weights), or
 * replace them with fresh runs from the configs' seeds.
 */
import { resolveConfig, type ConfigInput, type ExperimentConfig } from '../engine/config';
import { configChange, runsChange } from './continuable';
import type { FromWorker, RunIndex } from './protocol';
import { Run } from './run';

/** The runs to train next; `fresh` when they replace the old ones (which the caller disposes). */
export interface Reconciled {
  runs: Run[];
  fresh: boolean;
}

/**
 * The runs for `inputs` given the current `runs` (posting `continued` for each run continued
 * under changed settings). Fresh runs are built before anything is dropped, so a config the
 * engine rejects throws and keeps the current runs.
 */
export async function reconcileRuns(
  runs: readonly Run[],
  inputs: ConfigInput[],
  post: (m: FromWorker) => void,
): Promise<Reconciled> {
  if (inputs.length < 1 || inputs.length > 2) throw new Error(`expected 1 or 2 run configs, got ${inputs.length}`);
  const configs = inputs.map((c) => resolveConfig(c));
  const change = runsChange(
    runs.map((r) => r.currentConfig),
    configs,
  );
  if (runs.length && change.kind === 'same') return { runs: [...runs], fresh: false };
  if (runs.length && change.kind === 'continue') {
    const next: Run[] = [];
    for (const [i, r] of runs.entries()) next.push(await continueRun(r, configs[i], post));
    return { runs: next, fresh: false };
  }
  const fresh: Run[] = [];
  try {
    configs.forEach((config, i) => fresh.push(Run.create(i as RunIndex, config)));
  } catch (e) {
    fresh.forEach((r) => r.dispose());
    throw e;
  }
  return { runs: fresh, fresh: true };
}

/** Run `r` under `config` from where it is: a rate change in place, anything else rebuilt from its state. */
async function continueRun(r: Run, config: ExperimentConfig, post: (m: FromWorker) => void): Promise<Run> {
  const change = configChange(r.currentConfig, config);
  if (change.kind === 'same') return r;
  const inPlace = change.fields.every((f) => f === 'lr') && r.state !== 'diverged';
  const next = inPlace ? r : await Run.continued(r, config);
  if (next !== r) r.dispose();
  next.setLearningRate(config.lr);
  next.state = next.done ? 'finished' : 'active';
  post({ type: 'continued', run: next.index, config, step: next.step, fields: change.fields });
  return next;
}

/** The `started` message of a fresh run. */
export function startedMessage(r: Run): FromWorker {
  const t = r.trainer;
  return { type: 'started', run: r.index, config: t.config, paramCount: t.paramCount, terms: t.termNames };
}
