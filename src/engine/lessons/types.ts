/**
 * What a lesson is: plain data plus condition functions over the metrics the training worker
 * streams (no DOM, no tfjs). A lesson has a title, a goal, 3–8 steps and the paper it follows;
 * each step sets (part of) the experiment, says what to do and what to watch in which panel,
 * and may check the live run: a condition on the streamed metrics that marks the step done
 * and fills the step's report with numbers measured on the run (never written in the text).
 */
import type { ConfigInput } from '../config';
import type { MetricsRow } from '../metrics';

/** Mean and max |∂L_term/∂W| of one term in one layer (the streamed histograms' summary). */
export interface TermGradientSummary {
  meanAbs: number;
  maxAbs: number;
}

/** One diagnostics step's per-layer gradient summaries (structurally a HistogramSnapshot). */
export interface HistogramStep {
  step: number;
  layers: readonly { layer: string; terms: Readonly<Record<string, TermGradientSummary>> }[];
}

/** What a check sees of one run: every logged row and the histogram steps, oldest first. */
export interface RunData {
  rows: readonly MetricsRow[];
  histograms: readonly HistogramStep[];
}

/** Measured values by name: numbers from the run, or words chosen from them (e.g. "SOAP"). */
export type Values = Record<string, number | string>;

/** A live check of a step. */
export interface Check {
  /** What the run must show before the step counts as done, in words. */
  until: string;
  /**
   * The measured values once the condition holds, else null. `runs[0]` is run A, `runs[1]`
   * run B in compare mode (null when absent); `memory` holds the values of earlier steps of
   * the lesson that were already done (a step may compare against them).
   */
  test(runs: readonly (RunData | null)[], memory: Readonly<Values>): Values | null;
  /** Shown once done: text with `{name}` placeholders for the measured values. */
  report: string;
}

/** The panels a step can point at (their `data-panel` names in the UI). */
export type PanelName = 'solution' | 'loss' | 'histograms' | 'alignment' | 'weights' | 'hessian' | 'speed' | 'flow';

/** One step of a lesson. */
export interface LessonStep {
  title: string;
  /**
   * Overrides of the lesson's experiment so far (applied with `withOverrides` on top of the
   * previous steps'); `compare: null` turns compare mode off. Absent: the run goes on as is.
   */
  experiment?: { config?: ConfigInput; compare?: ConfigInput | null };
  /** What to do: press Start, change one control, switch compare on, … */
  todo: string;
  /** Which panel to watch, and what to look for there. */
  watch: { panel: PanelName; text: string };
  check?: Check;
}

/** The paper a lesson follows: what it found, and where to read it. */
export interface PaperRef {
  cite: string;
  url: string;
  finding: string;
}

/** A lesson: a guided path through one finding of a paper. */
export interface Lesson {
  id: string;
  title: string;
  goal: string;
  steps: readonly LessonStep[];
  paper: PaperRef;
}
