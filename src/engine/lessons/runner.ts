/**
 * The lesson runner's pure parts: the experiment a step sets (the lesson's overrides up to
 * that step, merged with the preset mechanism's `withOverrides`), the step's live check with
 * the memory of earlier steps, and the report text split into literal and measured parts so
 * that every number shown comes from the run.
 */
import type { ConfigInput } from '../config';
import { withOverrides, type Experiment } from '../presets';
import type { Lesson, RunData, Values } from './types';

/**
 * The experiment of step `k` (0-based): every earlier step's overrides and its own, in order,
 * on an empty config (the base config fills the rest); compare overrides likewise, where
 * `compare: null` turns compare mode off again. So a link to step k gives the same experiment
 * whichever way the student got there.
 */
export function stepExperiment(lesson: Lesson, k: number): Experiment {
  if (!Number.isInteger(k) || k < 0 || k >= lesson.steps.length)
    throw new RangeError(`${lesson.id}: no step ${k + 1} (has 1–${lesson.steps.length})`);
  let config: ConfigInput = {};
  let compare: ConfigInput | null = null;
  for (const s of lesson.steps.slice(0, k + 1)) {
    if (!s.experiment) continue;
    if (s.experiment.config) config = withOverrides(config, s.experiment.config);
    if (s.experiment.compare === null) compare = null;
    else if (s.experiment.compare) compare = withOverrides(compare ?? {}, s.experiment.compare);
  }
  return { config, compare };
}

/** The index of the step whose experiment step `k` trains (the latest one at or before k that sets one). */
export function experimentStep(lesson: Lesson, k: number): number {
  for (let i = k; i > 0; i--) if (lesson.steps[i].experiment) return i;
  return 0;
}

/**
 * Step `k`'s check on the runs: its measured values once met, else null. A step without a
 * check is done at once (with no values). A check that throws counts as not met.
 */
export function checkStep(
  lesson: Lesson,
  k: number,
  runs: readonly (RunData | null)[],
  memory: Readonly<Values>,
): Values | null {
  const check = lesson.steps[k]?.check;
  if (!check) return {};
  try {
    return check.test(runs, memory);
  } catch {
    return null;
  }
}

/** A piece of a report: literal text, or a measured value by name (undefined: not measured). */
export type ReportPart = { text: string } | { key: string; value: number | string | undefined };

const placeholder = /\{([A-Za-z_][\w]*)\}/g;

/** The names of the `{name}` placeholders in a report template, in order of appearance. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(placeholder)].map((m) => m[1]);
}

/** A report template split into literal text and measured values from `values`. */
export function reportParts(template: string, values: Readonly<Values>): ReportPart[] {
  const out: ReportPart[] = [];
  let at = 0;
  for (const m of template.matchAll(placeholder)) {
    if (m.index > at) out.push({ text: template.slice(at, m.index) });
    out.push({ key: m[1], value: values[m[1]] });
    at = m.index + m[0].length;
  }
  if (at < template.length) out.push({ text: template.slice(at) });
  return out;
}
