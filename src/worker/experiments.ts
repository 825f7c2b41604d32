/**
 * Experiments arriving from outside — a link's hash, a config file, a preset, or the UI's
 * edits — validated with the engine's `resolveConfig` so the UI shows a readable reason and
 * keeps its current experiment when something is wrong.
 */
import { pdeOf, resolveConfig, type ConfigInput } from '../engine/config';
import { configOfFile } from '../engine/export/spec';
import { decodeExperiment } from '../engine/io/url';
import { presets, resolveExperiment, type Experiment, type ResolvedExperiment } from '../engine/presets';
import { checkBackendLimits, type BackendLimits } from '../engine/tensor-limits';
import type { FromWorker, LoadRequest } from './protocol';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A config file as an experiment: either `{config, compare?}` (the playground's export with
 * compare on) or a bare config (the playground's and the CLI's `config.json`).
 */
export function experimentFromFile(name: string, text: string): Experiment {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${name} is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (Array.isArray(data) || (isRecord(data) && 'tensors' in data))
    throw new Error(`${name} holds weights, not a config`);
  if (!isRecord(data)) throw new Error(`${name} does not hold a config object`);
  if (isRecord(data.config))
    return { config: data.config as ConfigInput, compare: (data.compare ?? null) as ConfigInput | null };
  return { config: configOfFile(data) as ConfigInput }; // an export's config.json: its `export` section is derived
}

/** Resolve a load request into a validated experiment (throws a readable Error). */
export function loadExperiment(req: LoadRequest): { experiment: ResolvedExperiment; backend?: string } {
  switch (req.source) {
    case 'hash': {
      const d = decodeExperiment(req.hash, resolveConfig);
      if (!d) throw new Error('the link has no experiment in its hash');
      const { backend, ...experiment } = d;
      return { experiment, backend };
    }
    case 'file':
      try {
        return { experiment: resolveExperiment(experimentFromFile(req.name, req.text), resolveConfig) };
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        throw new Error(msg.startsWith(req.name) ? msg : `${req.name}: ${msg}`);
      }
    case 'preset': {
      const p = presets[req.id];
      if (!p) throw new Error(`unknown preset '${req.id}'`);
      return { experiment: resolveExperiment(p, resolveConfig) };
    }
  }
}

/** The answer to a load request: `experiment`, or `loadError` with the reason. */
export function loadAnswer(request: LoadRequest): FromWorker {
  try {
    const { experiment, backend } = loadExperiment(request);
    return { type: 'experiment', source: request.source, experiment, backend };
  } catch (e) {
    return { type: 'loadError', source: request.source, message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * Null when the experiment resolves (and, given the backend's `limits`, fits it: memory and
 * largest tensor), else the reason it does not, starting with the field's name.
 */
export function validateExperiment(e: Experiment, limits?: BackendLimits): string | null {
  try {
    const r = resolveExperiment(e, resolveConfig);
    if (limits) for (const c of [r.config, r.compareConfig]) if (c) checkBackendLimits(c, pdeOf(c), limits);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
