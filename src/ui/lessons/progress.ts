/**
 * A lesson in progress as pure data, and how it moves: which step is shown, each step's
 * measured values once its check was met, and which runs a step's check may look at (a step
 * that sets an experiment waits for runs started after it was entered, so a finished run of
 * the previous step cannot mark it done). No React, no DOM: unit-tested.
 */
import type { Lesson, RunData, Values } from '../../engine/lessons';
import { checkStep, experimentStep } from '../../engine/lessons/runner';

/** Something that identifies a run's history (the store's RunView.version). */
export type RunStamp = number | null;

/** An open lesson. */
export interface Progress {
  lesson: Lesson;
  /** 0-based step shown. */
  step: number;
  /** Per step: the measured values once done, else null. */
  values: (Values | null)[];
  /** The runs' stamps when the current step was entered, or null when any run counts. */
  baseline: RunStamp[] | null;
}

/** A run as the store holds it, reduced to what the checks need. */
export interface RunLike extends RunData {
  version: number;
}

const stamps = (runs: readonly (RunLike | null)[]): RunStamp[] => [0, 1].map((i) => runs[i]?.version ?? null);

/** Open `lesson` at step `k` (0-based) with the runs as they are now. */
export function openLesson(lesson: Lesson, k: number, runs: readonly (RunLike | null)[]): Progress {
  return enter({ lesson, step: k, values: lesson.steps.map(() => null), baseline: null }, k, runs);
}

/** Move to step `k`: keep what earlier visits measured; a step that sets an experiment waits for fresh runs. */
export function enter(p: Progress, k: number, runs: readonly (RunLike | null)[]): Progress {
  const step = Math.max(0, Math.min(p.lesson.steps.length - 1, k));
  return { ...p, step, baseline: p.lesson.steps[step].experiment ? stamps(runs) : null };
}

/**
 * Whether moving from step `from` to step `to` must load an experiment: the target sets one,
 * or it trains a different step's experiment than the one shown.
 */
export function needsLoad(lesson: Lesson, from: number | null, to: number): boolean {
  return from === null || !!lesson.steps[to].experiment || experimentStep(lesson, to) !== experimentStep(lesson, from);
}

/** The values of every done step merged in step order (what later steps may compare against). */
export function memoryOf(p: Progress): Values {
  return Object.assign({}, ...p.values.filter((v): v is Values => v !== null));
}

/** The runs the current step's check may look at: fresh ones when it waits for them. */
export function visibleRuns(p: Progress, runs: readonly (RunLike | null)[]): (RunLike | null)[] {
  return [0, 1].map((i) => {
    const r = runs[i] ?? null;
    return r && p.baseline && p.baseline[i] === r.version ? null : r;
  });
}

/** Run the current step's check; returns a new Progress when it was just met, else the same one. */
export function advance(p: Progress, runs: readonly (RunLike | null)[]): Progress {
  if (p.values[p.step]) return p;
  const v = checkStep(p.lesson, p.step, visibleRuns(p, runs), memoryOf(p));
  if (!v) return p;
  const values = p.values.slice();
  values[p.step] = v;
  return { ...p, values };
}
