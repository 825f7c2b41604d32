/**
 * How the store's state follows the worker's messages: one pure function per message kind,
 * dispatched by an exhaustive switch. Side effects (answering pending requests, writing the
 * URL) stay in the store; everything that changes state is here and unit-tested.
 */
import type { BackendId } from '../engine/backend';
import type { ConfigInput, ExperimentConfig } from '../engine/config';
import { assertNever, type Catalog, type FromWorker, type RunIndex, type StopReason } from '../worker/protocol';
import { browserDefaults } from './edits';
import { addHistograms, addRows, newRun, rewindTo, withEvaluation, type RunView } from './runs';

/** Where the playground is: waiting for the worker, idle, training, or stopped for a reason. */
export type Status = 'connecting' | 'idle' | 'running' | 'paused' | 'finished' | 'diverged';

/** The banner: an error, a divergence, or news (a fallback, a load). */
export interface Message {
  kind: 'error' | 'diverged' | 'info';
  text: string;
}

/** Beside the Import control: the file being read, or what came of the last import. */
export interface ImportNote {
  kind: 'busy' | 'info' | 'error';
  text: string;
}

/** The store's data (the actions live in playground.ts). */
export interface PlaygroundData {
  status: Status;
  backend: BackendId | null;
  backendReason: string;
  /** Threads the backend computes on (wasm's pthreads; 1 elsewhere). */
  backendThreads: number;
  catalog: Catalog | null;
  /** What Start sends for run A (null until the catalog arrives). */
  config: ExperimentConfig | null;
  /** Compare mode: run B = run A with `overrides`. */
  compare: boolean;
  overrides: ConfigInput;
  /** Which run the controls edit. */
  editing: RunIndex;
  /** Why the edited experiment is invalid (from the worker's validation), or null. */
  configError: string | null;
  runs: (RunView | null)[];
  message: Message | null;
  importNote: ImportNote | null;
  /** The last stop, with the wall-clock step count since the start before it. */
  lastStop: Extract<FromWorker, { type: 'stopped' }> | null;
}

/** The state before the worker has said anything. */
export const initialData: PlaygroundData = {
  status: 'connecting',
  backend: null,
  backendReason: '',
  backendThreads: 1,
  catalog: null,
  config: null,
  compare: false,
  overrides: {},
  editing: 0,
  configError: null,
  runs: [null, null],
  message: null,
  importNote: null,
  lastStop: null,
};

function statusAfter(reason: Exclude<StopReason, 'reset'>, hasRun: boolean): Status {
  switch (reason) {
    case 'paused':
    case 'stepped':
      return 'paused';
    case 'finished':
    case 'diverged':
      return reason;
    case 'error':
      return hasRun ? 'paused' : 'idle';
    default:
      return assertNever(reason);
  }
}

const loadFailed = {
  hash: 'This link could not be loaded',
  file: 'This config file could not be loaded',
  preset: 'This preset could not be loaded',
};

/** Update one run's view (a no-op for a run the UI does not know). */
function withRun(s: PlaygroundData, run: RunIndex, f: (r: RunView) => RunView): Partial<PlaygroundData> {
  const r = s.runs[run];
  if (!r) return {};
  const runs = s.runs.slice();
  runs[run] = f(r);
  return { runs };
}

/** The state change a worker message makes (requests answered elsewhere return {}). */
export function reduce(s: PlaygroundData, msg: FromWorker): Partial<PlaygroundData> {
  switch (msg.type) {
    case 'catalog':
      return { catalog: msg.catalog, config: s.config ?? browserDefaults(msg.catalog.base) };
    case 'ready':
      return {
        status: 'idle',
        backend: msg.backend,
        backendReason: msg.reason,
        backendThreads: msg.threads,
        runs: [null, null],
      };
    case 'backend':
      return {
        backend: msg.backend,
        backendReason: msg.reason,
        backendThreads: msg.threads,
        message: { kind: 'info', text: `Switched backend: ${msg.reason}.` },
      };
    case 'started': {
      const runs = s.runs.slice();
      runs[msg.run] = newRun(msg.config, msg.paramCount, msg.terms);
      if (msg.run === 0) runs[1] = null; // a new run A always comes with a new run B (or none)
      return { runs };
    }
    case 'resumed':
      return withRun(s, msg.run, (r) => rewindTo(r, msg.step));
    case 'continued':
      return withRun(s, msg.run, (r) => ({ ...rewindTo(r, msg.step), config: msg.config }));
    case 'notice':
      return withRun(s, msg.run, (r) => ({ ...r, notice: msg.text }));
    case 'progress':
      return withRun(s, msg.run, (r) => addRows(r, msg.rows));
    case 'evaluation': {
      const { step, relL2, names, pred, exact, residual, ticks, axes, collocation } = msg;
      return withRun(s, msg.run, (r) =>
        withEvaluation(r, { step, relL2, names, pred, exact, residual, ticks, axes, collocation }),
      );
    }
    case 'diagnostics':
      return withRun(s, msg.run, (r) => addHistograms(r, { step: msg.step, layers: msg.histograms }));
    case 'imported':
      return {
        importNote: {
          kind: 'info',
          text: `Loaded ${msg.name} into run ${'AB'[msg.run]}; press Start to continue training from these weights.`,
        },
      };
    case 'importError':
      return { importNote: { kind: 'error', text: `${msg.message}. The current experiment was kept.` } };
    case 'experiment': {
      const loaded = {
        kind: 'info' as const,
        text:
          `Loaded the experiment (${msg.experiment.config.pde}, ${msg.experiment.config.arch}, ` +
          `${msg.experiment.config.optimizer}${msg.experiment.compare ? ', compare on' : ''}).`,
      };
      return {
        config: msg.experiment.config,
        compare: msg.experiment.compare !== null,
        overrides: msg.experiment.compare ?? {},
        editing: 0,
        configError: null,
        // a config file came through the Import control: its news goes beside it
        ...(msg.source === 'file' ? { importNote: loaded } : { message: msg.source === 'hash' ? null : loaded }),
      };
    }
    case 'loadError': {
      const text = `${loadFailed[msg.source]}: ${msg.message}. The current experiment was kept.`;
      return msg.source === 'file' ? { importNote: { kind: 'error', text } } : { message: { kind: 'error', text } };
    }
    case 'error':
      return { message: { kind: 'error', text: msg.message } };
    case 'diverged':
      return {
        ...withRun(s, msg.run, (r) => ({ ...r, diverged: msg.message })),
        message: { kind: 'diverged', text: msg.message },
      };
    case 'stopped':
      if (msg.reason === 'reset') return { status: 'idle', runs: [null, null], lastStop: msg };
      return { status: statusAfter(msg.reason, s.runs[0] !== null), lastStop: msg };
    case 'landscape':
      return withRun(s, msg.run, (r) => ({ ...r, landscape: msg.landscape }));
    case 'weights':
    case 'bundle':
    case 'validated':
      return {};
    default:
      return assertNever(msg);
  }
}
