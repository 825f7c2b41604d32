/**
 * What the UI keeps about each run (A, and B in compare mode): its resolved config, every
 * logged metrics row (the plots' and the CSV's data), the latest solution snapshot and the
 * history of gradient histograms. Pure updates; each returns a new RunView.
 */
import type { ExperimentConfig } from '../engine/config';
import type { LayerHistogram } from '../engine/diagnostics/histogram';
import type { Evaluation } from '../engine/evaluation';
import type { MetricsRow } from '../engine/metrics';
import type { LandscapeView } from '../engine/diagnostics/landscape';
import type { CollocationSnapshot } from '../worker/protocol';

/**
 * The latest solution on the display grid (the engine's Evaluation, subsampled by the
 * worker; see its `evaluation` message), with the PDE's input axes.
 */
export type EvaluationSnapshot = Pick<
  Evaluation,
  'step' | 'relL2' | 'names' | 'pred' | 'exact' | 'residual' | 'ticks'
> & {
  axes: string[];
  /** The last step's collocation points (subsampled), when the worker sent them. */
  collocation?: CollocationSnapshot;
};

/** Gradient histograms of one diagnostics step. */
export interface HistogramSnapshot {
  step: number;
  layers: LayerHistogram[];
}

/** How many diagnostics steps of histograms are kept per run (for the step slider). */
export const histogramHistory = 200;

/** One run as the UI sees it. */
export interface RunView {
  config: ExperimentConfig;
  paramCount: number;
  terms: string[];
  rows: MetricsRow[];
  evaluation: EvaluationSnapshot | null;
  histograms: HistogramSnapshot[];
  /** Something slow in progress (e.g. the reference solution), or ''. */
  notice: string;
  /** Why the run stopped diverging, or null. */
  diverged: string | null;
  /** Bumped when the run's history is replaced rather than extended (plots rebuild). */
  version: number;
  /** The last loss-landscape slices computed on request (null: none yet). */
  landscape?: LandscapeView | null;
}

let versions = 0;

/** A run that just started. */
export function newRun(config: ExperimentConfig, paramCount: number, terms: string[]): RunView {
  return {
    config,
    paramCount,
    terms,
    rows: [],
    evaluation: null,
    histograms: [],
    notice: '',
    diverged: null,
    version: ++versions,
  };
}

/** Append logged rows. */
export function addRows(r: RunView, rows: MetricsRow[]): RunView {
  return { ...r, rows: r.rows.concat(rows) };
}

/**
 * A new solution snapshot; its error also goes into the logged row of the same step when that
 * row has none (evaluations at Pause or at the end follow the row they belong to).
 */
export function withEvaluation(r: RunView, e: EvaluationSnapshot): RunView {
  const last = r.rows.at(-1);
  const rows =
    last && last.step === e.step && last.relL2 === undefined && Number.isFinite(e.relL2)
      ? [...r.rows.slice(0, -1), { ...last, relL2: e.relL2 }]
      : r.rows;
  return { ...r, rows, evaluation: e };
}

/** Add one diagnostics step's histograms (oldest dropped beyond `histogramHistory`). */
export function addHistograms(r: RunView, h: HistogramSnapshot): RunView {
  return { ...r, histograms: [...r.histograms, h].slice(-histogramHistory) };
}

/** The run was rebuilt from weights saved at `step`: history after it no longer happened. */
export function rewindTo(r: RunView, step: number): RunView {
  return {
    ...r,
    rows: r.rows.filter((x) => x.step <= step),
    histograms: r.histograms.filter((h) => h.step <= step),
    diverged: null,
    version: ++versions,
  };
}

/** The latest value of a metric (e.g. 'loss', 'relL2'), or null. */
export function latest(r: RunView | undefined, key: string): number | null {
  if (!r) return null;
  for (let i = r.rows.length - 1; i >= 0; i--) if (r.rows[i][key] !== undefined) return r.rows[i][key];
  return null;
}

/** The run's current step: its last row's, or its evaluation's when that is newer (imports). */
export function currentStep(r: RunView | undefined): number {
  if (!r) return 0;
  return Math.max(r.rows.at(-1)?.step ?? 0, r.evaluation?.step ?? 0);
}
