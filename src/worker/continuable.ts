/**
 * Which setting changes a paused run can take without starting over. A run is its network,
 * optimizer state and random streams; the fields below only change how later steps are taken
 * or logged, so a run continues from its current weights and optimizer state with them. Any
 * other change (PDE, architecture, optimizer, seed, …) needs fresh weights. Pure (no tfjs):
 * the worker decides with it and the UI says beforehand which of the two Start will do.
 */
import type { ExperimentConfig } from '../engine/config';

/** Fields a run can change and continue: step size, batch, loss weighting, diagnostics, length, logging. */
export const continuableFields = [
  'lr',
  'batch',
  'termBatch',
  'lossWeights',
  'balancing',
  'diagnostics',
  'steps',
  'logEvery',
] as const;

/** How a config differs from a run's: not at all, only in continuable fields, or in ones that need fresh weights. */
export interface ConfigChange {
  kind: 'same' | 'continue' | 'restart';
  /** The changed top-level fields (e.g. ["batch"], ["archOptions", "seed"]). */
  fields: string[];
}

/** JSON with object keys sorted, so that two configs built in different orders compare equal. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** How `next` differs from `current` (both resolved configs). */
export function configChange(current: ExperimentConfig, next: ExperimentConfig): ConfigChange {
  const keys = [...new Set([...Object.keys(current), ...Object.keys(next)])] as (keyof ExperimentConfig)[];
  const fields = keys.filter((k) => !same(current[k], next[k]));
  if (!fields.length) return { kind: 'same', fields };
  const ok = (f: string) => (continuableFields as readonly string[]).includes(f);
  return { kind: fields.every(ok) ? 'continue' : 'restart', fields };
}

/** The changes of several runs at once (compare mode): a restart of one restarts both. */
export function runsChange(current: readonly ExperimentConfig[], next: readonly ExperimentConfig[]): ConfigChange {
  if (current.length !== next.length) return { kind: 'restart', fields: ['compare'] };
  const each = current.map((c, i) => configChange(c, next[i]));
  const fields = [...new Set(each.flatMap((c) => c.fields))];
  const kind = each.some((c) => c.kind === 'restart')
    ? 'restart'
    : each.some((c) => c.kind === 'continue')
      ? 'continue'
      : 'same';
  return { kind, fields };
}
