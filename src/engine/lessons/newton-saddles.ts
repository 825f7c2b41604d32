import type { ConfigInput } from '../config';
import { lastRowWith, minOf } from './measure';
import type { Lesson, RunData } from './types';

/** The newton study's tiny PINN: 1-D Poisson, C = 4, one layer of 10 tanh units (31 parameters). */
const tiny: ConfigInput = {
  pde: 'poisson1d',
  params: { C: 4 },
  arch: 'mlp',
  archOptions: { depth: 1, width: 10, activation: 'tanh' },
  optimizer: 'newton',
  optimizerOptions: { damped: false },
  balancing: { method: 'fixed' },
  batch: 64,
  steps: 200,
  seed: 3,
  logEvery: 5,
  diagnostics: { every: 0 },
};

/** Steps without a new lowest loss that count as stalled. */
const patience = 20;

/**
 * The run's lowest loss so far and whether it has stalled: trained `from` steps or more and
 * no new lowest loss in the last `patience` steps.
 */
function stall(
  run: RunData | null,
  from: number,
): { best: number; bestStep: number; now: number; step: number } | null {
  const best = minOf(run, 'loss');
  const now = lastRowWith(run, 'loss');
  if (!best || !now || now.step < from || now.step - best.step < patience) return null;
  return { best: best.loss, bestStep: best.step, now: now.loss, step: now.step };
}

/** Rowan (2025): exact-Hessian Newton is attracted to stationary points of PINN losses, saddles included. */
export const newtonSaddles: Lesson = {
  id: 'newton-saddles',
  title: 'Newton stalls, Adam goes on',
  goal:
    'Train a tiny PINN with exact-Hessian Newton and with Adam from the same weights: the undamped Newton step ' +
    '−H⁻¹∇L heads for any stationary point of the loss, saddles included, and stops improving; Adam goes on down. ' +
    'Damping the step (Levenberg–Marquardt) changes the picture.',
  steps: [
    {
      title: 'Newton against Adam',
      experiment: { config: tiny, compare: { optimizer: 'adam', lr: 1e-2 } },
      todo:
        'Compare is on: run A takes undamped Newton steps with the exact Hessian of the 31 weights (by differences ' +
        'of exact gradients, on one fixed batch), run B is Adam. Press Start; a Newton step takes a while.',
      watch: { panel: 'loss', text: "Newton's loss jumps and then stops getting lower." },
      check: {
        until: `Newton's loss has not reached a new low for ${patience} steps (from step 40 on)`,
        test: ([a, b]) => {
          const s = stall(a, 40);
          const adam = lastRowWith(b, 'loss');
          return s && adam ? { ...s, adam: adam.loss } : null;
        },
        report:
          "Newton's lowest loss was {best} at step {bestStep}; at step {step} it is {now} and has not improved " +
          'since. Adam, from the same start, is at {adam}.',
      },
    },
    {
      title: 'Adam goes on',
      todo: 'Keep it running (the two runs train in lockstep, so Adam waits for each Newton step).',
      watch: { panel: 'loss', text: "Adam's loss keeps falling below anything Newton reached." },
      check: {
        until: "Adam's loss is below Newton's best (from step 50 on), or 120 steps have passed",
        test: ([a, b]) => {
          const na = minOf(a, 'loss');
          const nb = lastRowWith(b, 'loss');
          if (!na || !nb || nb.step < 50 || (nb.loss >= na.loss && nb.step < 120)) return null;
          const [newtonBest, adamLoss] = [na.loss, nb.loss];
          return {
            step: nb.step,
            newtonBest,
            adamLoss,
            factor: newtonBest / adamLoss,
            lower: adamLoss < newtonBest ? 'below' : 'not below',
          };
        },
        report:
          "At step {step} Adam's loss is {adamLoss}, {lower} Newton's best {newtonBest} " +
          "(Newton's / Adam's = {factor}).",
      },
    },
    {
      title: 'Damp the Newton step',
      experiment: { config: { optimizerOptions: { damped: true } } },
      todo:
        'Run A now uses Levenberg–Marquardt damping, (H + μI)⁻¹∇L with μ adapted each step: where H has negative ' +
        'eigenvalues the damped step no longer heads for the saddle. Press Start.',
      watch: { panel: 'loss', text: 'The damped Newton loss goes down steadily.' },
      check: {
        until: 'damped Newton has trained 40 steps',
        test: ([a, b]) => {
          const na = lastRowWith(a, 'loss');
          const nb = lastRowWith(b, 'loss');
          return na && nb && na.step >= 40 ? { step: na.step, damped: na.loss, adam: nb.loss } : null;
        },
        report: 'After {step} steps damped Newton is at loss {damped}; Adam is at {adam}.',
      },
    },
    {
      title: 'What the paper found',
      todo: "Read. `npm run reproduce -- newton` measures the Hessian's eigenvalues where undamped Newton stops.",
      watch: { panel: 'loss', text: 'A flat loss far above zero is a stationary point that is not a minimum.' },
    },
  ],
  paper: {
    cite: "Rowan (2025), on Newton's method for PINN losses, arXiv:2510.11987",
    url: 'https://arxiv.org/abs/2510.11987',
    finding:
      "Newton's method with the exact Hessian is attracted to stationary points of the PINN loss whatever their " +
      'type, saddle points (negative Hessian eigenvalues) included, and stalls there, where first-order methods ' +
      'such as Adam keep descending.',
  },
};
