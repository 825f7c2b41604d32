import type { ConfigInput } from '../../src/engine/config';
import type { DiagnosticsReport } from '../../src/engine/diagnostics/run';
import type { SeedSpread } from './seeds';

/** One training run of a study. */
export interface RunSpec {
  label: string;
  /** The seed (set by `--seeds`; the config carries it too). */
  seed?: number;
  config: ConfigInput;
}

/** What a run produced. */
export interface RunResult {
  spec: RunSpec;
  steps: number;
  relL2: number;
  loss: number;
  losses: Record<string, number>;
  msPerStep: number;
  /** Wall-clock seconds of the run (training, evaluations and diagnostics). */
  wallSeconds?: number;
  /** With several seeds: rel. L2 over them (this result then holds the means). */
  seeds?: SeedSpread;
  /** Logged curve: step, total loss and (where evaluated) relative L2. */
  curve: { step: number; loss: number; relL2?: number }[];
  /** The last diagnostics reading, when the run asked for diagnostics. */
  diag?: DiagnosticsReport;
  /** The first diagnostics reading (early training), when there were several. */
  firstDiag?: DiagnosticsReport;
  /** Every diagnostics reading, in order. */
  diags?: DiagnosticsReport[];
  /** Extra numbers a study computes itself (e.g. Newton's eigenvalues). */
  extra?: Record<string, number | string>;
  error?: string;
}

/** A figure written beside the report. */
export interface Figure {
  file: string;
  svg: string;
  caption: string;
}

/**
 * A reproduction study: the runs (full size or `quick`), how to tabulate them beside the
 * paper's numbers, and its figures. `execute` may replace the generic runner (Newton).
 */
export interface Study {
  id: string;
  title: string;
  paper: string;
  runs(quick: boolean, steps?: number): RunSpec[];
  report(results: RunResult[]): { table: string; verdict: string };
  figures?(results: RunResult[]): Figure[];
  execute?(quick: boolean, steps?: number): Promise<RunResult[]>;
  /** Markdown after the verdict: the setup, and where it differs from the paper's. */
  notes?: string;
}
