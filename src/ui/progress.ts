/**
 * Training progress for the run bar: how far the runs are towards their step targets and how
 * long the rest will take at the step rate seen over the last `windowMs` of wall time.
 */

/** A (wall time, step) reading taken while training. */
export interface StepSample {
  ms: number;
  step: number;
}

/** Readings older than this do not count towards the rate (it follows slowdowns, e.g. L-BFGS). */
export const rateWindowMs = 20_000;

/** `samples` with `s` added, dropping readings older than the window (and all after a rewind). */
export function addSample(samples: readonly StepSample[], s: StepSample, windowMs = rateWindowMs): StepSample[] {
  const kept = samples.filter((x) => x.step <= s.step && s.ms - x.ms <= windowMs);
  return [...kept, s];
}

/** Steps per second over the readings, or null with too little to go on. */
export function stepRate(samples: readonly StepSample[]): number | null {
  if (samples.length < 2) return null;
  const a = samples[0];
  const b = samples[samples.length - 1];
  const dt = b.ms - a.ms;
  return dt > 0 && b.step > a.step ? ((b.step - a.step) * 1000) / dt : null;
}

/** Seconds left to reach `target` from `step` at `rate` steps/s (null when unknown). */
export function secondsLeft(step: number, target: number, rate: number | null): number | null {
  if (rate === null || rate <= 0) return null;
  return Math.max(0, target - step) / rate;
}

export { formatDuration } from '../engine/duration';
