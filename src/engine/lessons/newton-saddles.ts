import type { ConfigInput } from '../config';
import type { MetricsRow } from '../metrics';
import { lastRowWith, stepOf } from './measure';
import type { Lesson, RunData } from './types';

/** The newton study's tiny PINN: 1-D Poisson, C = 4, one layer of 10 tanh units (31 parameters). */
const tiny: ConfigInput = {
  pde: 'poisson1d',
  params: { C: 4 },
  arch: 'mlp',
  archOptions: { depth: 1, width: 10, activation: 'tanh' },
  optimizer: 'newton',
  balancing: { method: 'fixed' },
  batch: 64,
  steps: 600,
  seed: 3,
  logEvery: 5,
  diagnostics: { every: 0 },
};

/** Metric names under which a run may stream the Hessian's smallest eigenvalue (the Newton optimizer's). */
const lambdaMinKeys = ['newton.lambdaMin', 'lambdaMin', 'hess.min'];

/** The row `lag` steps or more before the latest row, or null. */
function rowBefore(run: RunData | null, lag: number): MetricsRow | null {
  const last = run?.rows.at(-1);
  if (!run || !last) return null;
  for (let i = run.rows.length - 1; i >= 0; i--) if (run.rows[i].step <= last.step - lag) return run.rows[i];
  return null;
}

/** Rowan (2025): exact-Hessian Newton is attracted to saddle points of PINN losses. */
export const newtonSaddles: Lesson = {
  id: 'newton-saddles',
  title: 'Newton stalls at saddles',
  goal:
    'Train a tiny PINN with exact-Hessian Newton and with Adam from the same weights: Newton goes straight to a ' +
    'stationary point — often a saddle, where the Hessian has negative eigenvalues — and stays there, while Adam ' +
    'goes on down.',
  steps: [
    {
      title: 'Newton against Adam',
      experiment: { config: tiny, compare: { optimizer: 'adam', lr: 1e-2 } },
      todo:
        'Compare is on: run A takes undamped Newton steps −H⁻¹∇L with the exact Hessian of the 31 weights, run B ' +
        'is Adam. Press Start.',
      watch: { panel: 'loss', text: "Newton's loss drops in a few steps and then goes flat." },
      check: {
        until: "Newton's loss has changed by less than 1% over its last 20 steps",
        test: ([a]) => {
          const now = lastRowWith(a, 'loss');
          const before = rowBefore(a, 20);
          if (!now || !before || !(Math.abs(now.loss - before.loss) <= 0.01 * Math.abs(before.loss))) return null;
          return { step: now.step, newtonLoss: now.loss };
        },
        report: 'Newton has stalled: from step {step} its loss stays at {newtonLoss}.',
      },
    },
    {
      title: 'Adam goes on',
      todo: 'Keep it running.',
      watch: { panel: 'loss', text: "Adam's loss keeps falling below Newton's plateau." },
      check: {
        until: 'Adam has trained 300 steps',
        test: ([a, b]) => {
          const na = lastRowWith(a, 'loss');
          const nb = lastRowWith(b, 'loss');
          if (!na || !nb || stepOf(b) < 300) return null;
          const key = lambdaMinKeys.find((k) => lastRowWith(a, k));
          const out = {
            newtonLoss: na.loss,
            adamLoss: nb.loss,
            factor: na.loss / nb.loss,
            lower: nb.loss < na.loss ? 'below' : 'not below',
          };
          return key ? { ...out, lambdaMin: lastRowWith(a, key)![key] } : out;
        },
        report: "Loss now: Newton {newtonLoss}, Adam {adamLoss} — Adam is {lower} Newton's plateau ({factor}× lower).",
      },
    },
    {
      title: 'What the paper found',
      todo: "Read. `npm run reproduce -- newton` measures the Hessian's eigenvalues where Newton stops.",
      watch: { panel: 'loss', text: 'A flat loss with a non-zero error is a stationary point that is not a minimum.' },
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
