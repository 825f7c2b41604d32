/**
 * The session's explanations to the user, worded in one place: why a run will not train, what a
 * divergence kept, and the text of any thrown value.
 */
import type { DivergenceError } from '../engine/trainer';
import type { Run } from './run';

/** Why Start or Step does nothing for run `r` (finished or diverged), and what would make it train. */
export function refusalText(r: Run): string {
  return r.state === 'diverged'
    ? 'This run diverged; lower the learning rate (or the loss weights) and press Start to continue ' +
        `from its last good weights (step ${r.step}), or press Reset to start over.`
    : `This run has finished its ${r.trainer.config.steps} steps; ` +
        'raise Steps to continue it, or press Reset to start over.';
}

/** `who` ("Training diverged", "Run B diverged") at the error's step, what is kept, and what to do. */
export function divergenceText(who: string, e: DivergenceError): string {
  const detail = /\(([^)]*)\)/.exec(e.message)?.[1] ?? 'a value is not finite';
  return (
    `${who} at step ${e.step} (${detail}) and stopped; ` +
    `its last good weights (step ${e.lastGoodStep}) are kept. ` +
    'Lower the learning rate (or the loss weights) and press Start to continue from them, ' +
    'or Reset to start over.'
  );
}

/** The message of a thrown value. */
export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
