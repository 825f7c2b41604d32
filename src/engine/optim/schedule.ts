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
  /**
   * Cosine decay over this many steps after the warmup (0 = off): η·½(1 + cos(π k/T)),
   * staying at 0 after T (optax.cosine_decay_schedule with α = 0). Multiplies the
   * exponential factor when both are set.
   */
  cosineSteps: number;
}

/** No warmup, no decay. */
export const constantSchedule: ScheduleOptions = { warmupSteps: 0, decayRate: 1, decaySteps: 1000, cosineSteps: 0 };

/** η(step) for base rate `lr`: linear warmup, then smooth exponential and/or cosine decay (optax semantics). */
export function learningRate(lr: number, s: ScheduleOptions, step: number): number {
  if (s.warmupSteps > 0 && step < s.warmupSteps) return (lr * (step + 1)) / s.warmupSteps;
  const k = step - s.warmupSteps;
  const cosine = s.cosineSteps > 0 ? 0.5 * (1 + Math.cos((Math.PI * Math.min(k, s.cosineSteps)) / s.cosineSteps)) : 1;
  return lr * Math.pow(s.decayRate, k / s.decaySteps) * cosine;
}
