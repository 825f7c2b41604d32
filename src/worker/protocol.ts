/**
 * The typed message protocol between the UI thread and the training worker. Both sides switch
 * exhaustively over these unions; only `import type` crosses into the engine, so the UI bundle
 * never pulls in tfjs. Big arrays (solution grids, histograms, weights) are transferred.
 */
import type { BackendId } from '../engine/backend';
import type { ConfigInput, ExperimentConfig } from '../engine/config';
import type { LayerHistogram } from '../engine/diagnostics/histogram';
import type { LandscapeView } from '../engine/diagnostics/landscape';
import type { ExportFile } from '../engine/export/bundle';
import type { NamedArray } from '../engine/io/safetensors';
import type { MetricsRow } from '../engine/metrics';
import type { PdeId, ParamSpec } from '../engine/pdes';
import type { Experiment, ResolvedExperiment } from '../engine/presets';
import type { ArchId, ArchOptions } from '../engine/nets';
import type { OptimizerId, OptimizerOptions } from '../engine/optim';
import type { BalancingMethod, BalancingOptions } from '../engine/balancing/methods';
import type { SamplingMethod, SamplingOptions } from '../engine/sampling-methods';
import type { OptionSchema } from '../engine/schema/option';

/** Which run a message is about: 0 = run A, 1 = run B (compare mode). */
export type RunIndex = 0 | 1;

/** What the UI needs to know about a PDE to build its menus and plots (no tensors, no code). */
export interface PdeInfo {
  id: PdeId;
  label: string;
  equation: string;
  axes: string[];
  outputs: string[];
  terms: string[];
  params: Record<string, ParamSpec>;
  domain: Record<string, [number, number]>;
  /** Whether evaluation uses a numerical reference computed when a run prepares (slow once). */
  hasReference: boolean;
  /** Whether causal weighting is on by default (it applies to time-dependent PDEs only). */
  causalByDefault: boolean;
  /** The quantities the evaluation compares (the outputs, or observables such as velocity). */
  quantities: string[];
  /** The output transform that imposes some terms exactly (config `hardConstraints`), if the PDE has one. */
  hardConstraint?: { terms: string[]; form: string };
}

/** An architecture, optimizer or balancing method: its id, label, option schema and defaults. */
export interface OptionsInfo<Id extends string = string, Options extends object = object> {
  id: Id;
  label: string;
  schema: OptionSchema;
  defaults: Options;
  /** Options the entry accepts (shared, kept across a switch) but does not use: no field for them. */
  unused?: string[];
}

/** The schemas of the config's own records (everything but the per-choice options). */
export interface ConfigSchemas {
  training: OptionSchema;
  schedule: OptionSchema;
  diagnostics: OptionSchema;
  causal: OptionSchema;
  lbfgs: OptionSchema;
}

/** A preset as the menu shows it (overrides of the base config, maybe a compare run). */
export interface PresetInfo extends Experiment {
  id: string;
  label: string;
}

/** Everything the controls are built from, sent once by the worker (the engine owns it). */
export interface Catalog {
  /** The base config: every field's default. */
  base: ExperimentConfig;
  pdes: PdeInfo[];
  architectures: OptionsInfo<ArchId, ArchOptions[ArchId]>[];
  optimizers: OptionsInfo<OptimizerId, OptimizerOptions[OptimizerId]>[];
  /** Balancing methods, each with its own option defaults. */
  balancing: OptionsInfo<BalancingMethod, BalancingOptions>[];
  /** Residual sampling methods, each with its own option defaults. */
  sampling: OptionsInfo<SamplingMethod, SamplingOptions>[];
  /** Schemas of the records that do not depend on a choice. */
  schemas: ConfigSchemas;
  /** The diagnostics kinds and their labels. */
  diagnosticKinds: { id: string; label: string }[];
  presets: PresetInfo[];
  backends: readonly BackendId[];
}

/** Where an experiment to load comes from. */
export type LoadRequest =
  { source: 'hash'; hash: string } | { source: 'file'; name: string; text: string } | { source: 'preset'; id: string };

/** UI → worker. */
export type ToWorker =
  /**
   * Pick a tfjs backend (`backends` first, then the rest of webgpu → webgl → wasm → cpu as fallbacks);
   * again later to switch backend (the runs are reset). `stream: false` posts no snapshots
   * at all (used to measure what streaming costs); `budget` overrides the share of wall time
   * solution evaluations may take (the stale-plot guarantee holds whatever it is). Without
   * `backends` (or with wasm first and no `threads`) the worker times the candidates on the
   * experiment of `hash` (the page's link; the defaults without one) and takes the fastest;
   * `threads` fixes wasm's thread count (the page's `?threads=`).
   */
  | { type: 'init'; backends?: string[]; stream?: boolean; budget?: number; threads?: number; hash?: string }
  /**
   * Train runs A (and B): resume when the configs equal the current runs', continue from the
   * current weights when only continuable settings changed (see continuable.ts), else begin anew.
   */
  | { type: 'start'; configs: ConfigInput[] }
  /** Stop after the current chunk of steps; the runs stay and can resume. */
  | { type: 'pause' }
  /** Exactly one optimisation step of every run, then progress and an evaluation. */
  | { type: 'step'; configs: ConfigInput[] }
  /** Stop and forget the runs (the next start begins from fresh weights). */
  | { type: 'reset' }
  /** Change the base learning rate of one run while it trains. */
  | { type: 'setLr'; run: RunIndex; lr: number }
  /** Check an edited experiment; answered by `validated` with the same id. */
  | { type: 'validate'; id: number; experiment: Experiment }
  /** Resolve an experiment from a link, a config file or a preset; answered by `experiment`/`loadError`. */
  | { type: 'load'; request: LoadRequest }
  /** Send run `run`'s current weights (answered by `weights`). */
  | { type: 'exportWeights'; run: RunIndex }
  /** Send run `run`'s full export (answered by `bundle`): weights, config, predictions, PyTorch package. */
  | { type: 'exportBundle'; run: RunIndex }
  /**
   * An imported file's bytes (transferred; the page reads nothing but its size): the worker
   * parses it — a config loads like a config file (`experiment`/`loadError`), weights go into
   * run `run` of the runs `configs` describe — and answers `imported` or `importError`.
   */
  | { type: 'importFile'; run: RunIndex; configs: ConfigInput[]; name: string; bytes: ArrayBuffer }
  /** Loss-landscape slices of run `run` at its current weights (answered by `landscape`). */
  | { type: 'landscape'; run: RunIndex }
  /** Test hook: destroy the WebGPU device, as a driver reset would. */
  | { type: 'loseDevice' };

/** Worker → UI. */
export type FromWorker =
  /** The engine's PDEs, architectures, optimizers and presets, sent once before `ready`. */
  | { type: 'catalog'; catalog: Catalog }
  /** The backend is up; `threads` it computes on (wasm's pthreads, else 1); `reason` says why this one. */
  | { type: 'ready'; backend: BackendId; reason: string; threads: number }
  /** The backend changed under a run (e.g. the WebGPU device was lost); `reason` says why. */
  | { type: 'backend'; backend: BackendId; reason: string; threads: number }
  /** A new run began with this (resolved) config. */
  | { type: 'started'; run: RunIndex; config: ExperimentConfig; paramCount: number; terms: string[] }
  /**
   * A paused (or diverged) run continues from its weights at `step` under `config`, whose
   * `fields` changed (history after `step` is void: a diverged run went back to its last good step).
   */
  | { type: 'continued'; run: RunIndex; config: ExperimentConfig; step: number; fields: string[] }
  /** A run was rebuilt on another backend from its weights saved at `step` (later history is void). */
  | { type: 'resumed'; run: RunIndex; step: number }
  /** Something slow is happening (empty text: it is over). */
  | { type: 'notice'; run: RunIndex; text: string }
  /** Logged steps (`metricsRow` records), batched: at most one message per ~100 ms per run. */
  | { type: 'progress'; run: RunIndex; rows: MetricsRow[] }
  /**
   * The solution on a display grid (row-major, first axis slowest, at most a few hundred ticks
   * per axis): `pred` and `exact` are [points × names.length] (`exact` empty when the PDE has no
   * known solution; then `residual`, |PDE residual| per point, may be given). `relL2` is measured
   * on the full evaluation grid (NaN without a known solution). Arrays are transferred.
   */
  | {
      type: 'evaluation';
      run: RunIndex;
      step: number;
      relL2: number;
      names: string[];
      pred: Float32Array;
      exact: Float32Array;
      residual?: Float32Array;
      ticks: number[][];
      axes: string[];
      collocation?: CollocationSnapshot;
    }
  /** Loss-landscape slices along the Hessian's extreme eigenvectors (see diagnostics/landscape.ts). */
  | { type: 'landscape'; run: RunIndex; landscape: LandscapeView }
  /** Per-layer, per-term gradient histograms of a diagnostics step (typed arrays, transferred). */
  | { type: 'diagnostics'; run: RunIndex; step: number; histograms: LayerHistogram[] }
  | { type: 'weights'; run: RunIndex; step: number; config: ExperimentConfig; tensors: NamedArray[] }
  /** Run `run`'s export files (see `exportBundle`; metrics.csv empty: the UI holds the rows). */
  | { type: 'bundle'; run: RunIndex; step: number; config: ExperimentConfig; files: ExportFile[] }
  | { type: 'imported'; run: RunIndex; step: number; name: string }
  /** An imported file was refused (unreadable, too big, or not fitting the run); nothing changed. */
  | { type: 'importError'; name: string; message: string }
  | { type: 'validated'; id: number; error: string | null }
  | { type: 'experiment'; source: LoadRequest['source']; experiment: ResolvedExperiment; backend?: string }
  | { type: 'loadError'; source: LoadRequest['source']; message: string }
  | { type: 'error'; message: string }
  | { type: 'diverged'; run: RunIndex; message: string; step: number }
  /**
   * Training is not running any more. `steps` per run; `wall` is the wall time and run A's
   * step count since the last start (the step rate a user sees, streaming included), and the
   * time the worker spent on evaluations for the UI.
   */
  | { type: 'stopped'; steps: number[]; reason: StopReason; wall?: WallClock };

/**
 * The collocation points of a run's last step, a subsample per loss term: `points[k]` is
 * [n × axes.length] row-major for `terms[k]` (with the adaptive sampler, where `res` gathers).
 */
export interface CollocationSnapshot {
  step: number;
  terms: string[];
  points: Float32Array[];
}

/** Run A's step count and wall time since Start (and from the end of the first chunk). */
export interface WallClock {
  steps: number;
  ms: number;
  /** Time the worker spent evaluating for the UI. */
  streamMs: number;
  steady: { steps: number; ms: number };
}

/** Why training stopped. */
export type StopReason = 'paused' | 'finished' | 'diverged' | 'reset' | 'stepped' | 'error';

/** Compile-time exhaustiveness check for switches over the unions above. */
export function assertNever(x: never): never {
  throw new Error(`unhandled message ${JSON.stringify(x)}`);
}
