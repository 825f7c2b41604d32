import type { ConfigInput } from '../config';
import { lastRowWith, minOf, stepOf } from './measure';
import type { Lesson } from './types';

const chunks = 16;

/** Burgers on a 2 × 24 MLP; run B adds causal weighting over 16 time chunks (ε = 5). */
const burgers: ConfigInput = {
  pde: 'burgers',
  arch: 'mlp',
  archOptions: { depth: 2, width: 24, activation: 'tanh' },
  optimizer: 'adam',
  lr: 1e-3,
  balancing: { method: 'fixed' },
  batch: 64,
  steps: 1500,
  seed: 0,
  logEvery: 10,
  causal: { enabled: false, eps: 5, chunks },
  diagnostics: { every: 0 },
};

/** Wang, Sankaran & Perdikaris (2024): respect causality — train later times only once earlier ones are resolved. */
export const causality: Lesson = {
  id: 'causality',
  title: 'Causal training: time goes forward',
  goal:
    'Train Burgers with and without causal weighting: the residual at later times only counts once earlier times ' +
    'are fit, so the weights open up forward in time.',
  steps: [
    {
      title: 'Switch causality on in run B',
      experiment: { config: burgers, compare: { causal: { enabled: true } } },
      todo:
        `Compare is on: run A weighs all times alike, run B weighs time chunk i by w_i = exp(−ε Σ_{j<i} L_j) ` +
        `(${chunks} chunks, ε = 5). Press Start.`,
      watch: {
        panel: 'loss',
        text: "Run B's residual loss is the causally weighted one: it stays small while late chunks are switched off.",
      },
      check: {
        until: "run B's last time chunk is switched off (weight below 0.05) after step 100",
        test: ([, b]) => {
          const r = b?.rows.find((x) => x.step >= 100 && x['causal.last'] < 0.05); // past the start's transient
          return r ? { step: r.step, last: r['causal.last'], on: r['causal.mean'] * chunks } : null;
        },
        report:
          `At step {step} the last chunk's weight is {last}: only about {on} of ${chunks} chunks carry weight ` +
          '— the residual at late times does not count until the earlier times are resolved.',
      },
    },
    {
      title: 'Watch the weights move',
      todo: 'Keep it running to step 600.',
      watch: { panel: 'solution', text: 'Time runs left to right: run B fits the early times first.' },
      check: {
        until: 'both runs past step 600 and evaluated',
        test: ([a, b]) => {
          const ea = lastRowWith(a, 'relL2');
          const eb = lastRowWith(b, 'relL2');
          const low = minOf(b, 'causal.mean');
          const now = lastRowWith(b, 'causal.mean');
          if (!ea || !eb || !low || !now || Math.min(stepOf(a), stepOf(b)) < 600 || ea.step < 600 || eb.step < 600)
            return null;
          const rose = now['causal.mean'] > 1.2 * low['causal.mean'];
          return {
            lowStep: low.step,
            low: low['causal.mean'],
            now: now['causal.mean'],
            moved: rose ? 'has risen' : 'has not risen yet',
            eA: ea.relL2,
            eB: eb.relL2,
            better: eb.relL2 < ea.relL2 ? 'lower' : 'not lower',
          };
        },
        report:
          "Run B's mean causal weight fell to {low} (step {lowStep}) and {moved}: it is {now} now. Relative L2 " +
          'error: without causality {eA}, with {eB} — {better} with causal weighting.',
      },
    },
    {
      title: 'What the paper found',
      todo: "Read. Try a larger ε (stricter) or more chunks in run B's Training section.",
      watch: {
        panel: 'solution',
        text:
          'A PINN without causality can fit the residual at late times with a wrong solution that never saw the ' +
          'initial condition.',
      },
    },
  ],
  paper: {
    cite:
      'S. Wang, S. Sankaran, P. Perdikaris, "Respecting causality for training physics-informed neural ' +
      'networks", Comput. Methods Appl. Mech. Eng. 421 (2024)',
    url: 'https://arxiv.org/abs/2203.07404',
    finding:
      'Plain PINNs violate causality: they minimise the residual at later times before the solution at earlier times ' +
      "is right. Weighting each time chunk by exp(−ε × the earlier chunks' residual) makes training respect " +
      "time's arrow and lets PINNs solve chaotic problems (Lorenz, Kuramoto–Sivashinsky, Navier–Stokes) they " +
      'otherwise fail on.',
  },
};
