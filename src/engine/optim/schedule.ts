/**
 * Learning-rate schedules η(step) (step counts from 0), composed as
 * η = base · warmup(step) · decay(step − warmupSteps).
 */
export interface ScheduleOptions {
  /** Linear warmup from 0 to the base rate over this many steps (0 = none). */
  warmupSteps: number;
  /** Exponential decay: multiply by `decayRate` every `decaySteps` steps (1 = none). */
  decayRate: number;
  decaySteps: number;
}

/** No warmup, no decay. */
export const constantSchedule: ScheduleOptions = { warmupSteps: 0, decayRate: 1, decaySteps: 1000 };

/** η(step) for base rate `lr`: linear warmup then smooth exponential decay (optax semantics). */
export function learningRate(lr: number, s: ScheduleOptions, step: number): number {
  if (s.warmupSteps > 0 && step < s.warmupSteps) return (lr * (step + 1)) / s.warmupSteps;
  const k = step - s.warmupSteps;
  return lr * Math.pow(s.decayRate, k / s.decaySteps);
}
