import type { ConfigInput } from '../config';
import { lastRowWith } from './measure';
import type { Lesson, RunData } from './types';

/** Burgers on a 2 × 24 MLP, alignment diagnostics every 50 steps; run B = run A with SOAP. */
const burgers: ConfigInput = {
  pde: 'burgers',
  arch: 'mlp',
  archOptions: { depth: 2, width: 24, activation: 'tanh' },
  optimizer: 'adam',
  lr: 1e-3,
  balancing: { method: 'fixed' },
  batch: 64,
  steps: 1000,
  seed: 0,
  logEvery: 10,
  causal: { enabled: false },
  diagnostics: { every: 50, kinds: ['align'] },
};

/** `key` of both runs at their latest row having it, both from step `from` on, or null. */
function both(
  a: RunData | null,
  b: RunData | null,
  key: string,
  from: number,
): { a: number; b: number; step: number } | null {
  const ra = lastRowWith(a, key);
  const rb = lastRowWith(b, key);
  return ra && rb && ra.step >= from && rb.step >= from
    ? { a: ra[key], b: rb[key], step: Math.min(ra.step, rb.step) }
    : null;
}

/** Wang, Bhartari, Li & Perdikaris (2025): gradient alignment explains why SOAP trains PINNs better than Adam. */
export const alignmentSoap: Lesson = {
  id: 'alignment-soap',
  title: 'Adam vs SOAP: gradient alignment',
  goal:
    'Train Burgers with Adam and with SOAP side by side from the same weights and points, and read the alignment ' +
    'scores that explain who is ahead.',
  steps: [
    {
      title: 'Race Adam against SOAP',
      experiment: { config: burgers, compare: { optimizer: 'soap' } },
      todo:
        'Compare is on: run A is Adam, run B SOAP (Adam in the eigenbasis of a Shampoo preconditioner). Press ' +
        'Start.',
      watch: { panel: 'loss', text: "The two runs' losses and errors on one plot." },
      check: {
        until: 'both runs evaluated after step 500',
        test: ([a, b]) => {
          const e = both(a, b, 'relL2', 500);
          return e ? { step: e.step, eA: e.a, eB: e.b, ahead: e.b < e.a ? 'SOAP' : 'Adam' } : null;
        },
        report: 'Around step {step}: relative L2 error Adam {eA}, SOAP {eB} — {ahead} is ahead.',
      },
    },
    {
      title: 'Do the loss terms agree? (intra-step)',
      todo: 'Keep it running (alignment is measured every 50 steps).',
      watch: {
        panel: 'alignment',
        text: "Intra-step alignment: 1 when the terms' gradients point the same way, below 0 when they pull apart.",
      },
      check: {
        until: 'an intra-step alignment of both runs after step 500',
        test: ([a, b]) => {
          const e = both(a, b, 'align.intra', 500);
          return e ? { intraA: e.a, intraB: e.b } : null;
        },
        report:
          "Alignment of the terms' gradients: Adam {intraA}, SOAP {intraB}. Below 0 the terms compete: a step that " +
          'lowers one raises another.',
      },
    },
    {
      title: 'Does the direction hold? (inter-step)',
      todo: 'Keep it running.',
      watch: {
        panel: 'alignment',
        text: 'Inter-step alignment of consecutive updates: how steadily the optimizer keeps its direction.',
      },
      check: {
        until: 'an inter-step update alignment of both runs after step 500',
        test: ([a, b]) => {
          const e = both(a, b, 'align.interUpdate', 500);
          return e ? { updA: e.a, updB: e.b, steadier: e.b > e.a ? 'SOAP' : 'Adam' } : null;
        },
        report: 'Alignment of consecutive updates: Adam {updA}, SOAP {updB} — {steadier} keeps the steadier direction.',
      },
    },
    {
      title: 'What the paper found',
      todo: 'Read. Longer runs separate the two more clearly (npm run reproduce -- soap_vs_adam).',
      watch: { panel: 'alignment', text: 'Conflicting terms show up as low intra-step alignment.' },
    },
  ],
  paper: {
    cite:
      'S. Wang, A. K. Bhartari, B. Li, P. Perdikaris, "Gradient alignment in physics-informed neural networks: a ' +
      'second-order optimization perspective" (2025)',
    url: 'https://arxiv.org/abs/2502.00604',
    finding:
      "The loss terms' gradients of a PINN conflict; quasi second-order optimizers such as SOAP precondition them " +
      'into agreement (higher alignment within and between steps) and with SOAP the paper reports ' +
      'state-of-the-art results on 10 PDE benchmarks, 2–10× more accurate than existing methods.',
  },
};
