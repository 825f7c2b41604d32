import { defaultsOf, float, int, type SchemaOf } from '../schema/option';

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
  /** The cosine decay's floor as a fraction of the rate (optax.cosine_decay_schedule's α; 0 = decay to 0). */
  cosineAlpha: number;
}

/** The schedule's options; the defaults are the constant schedule (no warmup, no decay). */
export const scheduleSchema: SchemaOf<ScheduleOptions> = {
  warmupSteps: int('Warmup', 0, 0, 1e7, 'Linear warmup from 0 to the base rate over this many steps; 0 = none.', {
    unit: 'steps',
  }),
  decayRate: float('Decay factor', 1, 1e-6, 1, 'Multiply the rate by this every "Decay every" steps; 1 = no decay.'),
  decaySteps: int('Decay every', 1000, 1, 1e9, 'Steps over which the rate is multiplied once by the decay factor.', {
    unit: 'steps',
  }),
  cosineSteps: int('Cosine decay', 0, 0, 1e9, 'Cosine decay to 0 over this many steps after the warmup; 0 = off.', {
    unit: 'steps',
  }),
  cosineAlpha: float(
    'Cosine floor α',
    0,
    0,
    1,
    'The cosine decay ends at α times the rate instead of 0 (optax alpha).',
  ),
};

/** No warmup, no decay. */
export const constantSchedule: ScheduleOptions = defaultsOf(scheduleSchema);

/** η(step) for base rate `lr`: linear warmup, then smooth exponential and/or cosine decay (optax semantics). */
export function learningRate(lr: number, s: ScheduleOptions, step: number): number {
  if (s.warmupSteps > 0 && step < s.warmupSteps) return (lr * (step + 1)) / s.warmupSteps;
  const k = step - s.warmupSteps;
  const c = s.cosineSteps > 0 ? 0.5 * (1 + Math.cos((Math.PI * Math.min(k, s.cosineSteps)) / s.cosineSteps)) : 1;
  const cosine = s.cosineSteps > 0 ? (1 - s.cosineAlpha) * c + s.cosineAlpha : 1;
  return lr * Math.pow(s.decayRate, k / s.decaySteps) * cosine;
}
