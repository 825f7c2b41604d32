import type { ConfigInput } from '../config';
import { firstRowFrom, lastRowWith, layerGradientRatio, stepOf } from './measure';
import type { Lesson } from './types';

/**
 * 2-D Helmholtz (a1 = 1, a2 = 4) on a small tanh MLP with Adam: small enough for a lecture on
 * wasm (2 × 32 units, 64 points per term, diagnostics every 50 steps), large enough to show the
 * pathology. Shared with the annealing lesson.
 */
export const helmholtzSmall: ConfigInput = {
  pde: 'helmholtz',
  arch: 'mlp',
  archOptions: { depth: 2, width: 32, activation: 'tanh' },
  optimizer: 'adam',
  lr: 1e-3,
  balancing: { method: 'fixed' },
  batch: 64,
  steps: 1500,
  seed: 0,
  logEvery: 10,
  diagnostics: { every: 50, kinds: ['align', 'hist'] },
};

/** Wang, Teng & Perdikaris (2021): the residual's gradients dwarf the boundary's, so the boundary is left unfit. */
export const gradientPathology: Lesson = {
  id: 'gradient-pathology',
  title: 'Gradient pathology: why a plain PINN misses Helmholtz',
  goal:
    'See an MLP trained with Adam miss the 2-D Helmholtz solution, and find the reason in the gradients: the PDE ' +
    "residual's gradients are far larger than the boundary term's, so the boundary barely moves the weights.",
  steps: [
    {
      title: 'Train a plain PINN',
      experiment: { config: helmholtzSmall, compare: null },
      todo:
        'Press Start. The network is a 2 × 32 tanh MLP trained with Adam on Δu + k²u = f with u = sin(πx) ' +
        'sin(4πy).',
      watch: {
        panel: 'solution',
        text: 'Compare the prediction with the exact solution: the four bands of sin(4πy) do not appear.',
      },
      check: {
        until: 'run A has trained 500 steps and been evaluated',
        test: ([a]) => {
          const r = firstRowFrom(a, 500, 'relL2');
          return r ? { step: r.step, relL2: r.relL2, verdict: r.relL2 > 0.3 ? 'far from' : 'close to' } : null;
        },
        report: 'After {step} steps the relative L2 error is {relL2}: the prediction is {verdict} the solution.',
      },
    },
    {
      title: 'Which loss term falls?',
      todo: 'Keep it running.',
      watch: {
        panel: 'loss',
        text: 'The boundary loss bc drops quickly while the residual res stays high: the optimizer fits what is easy.',
      },
      check: {
        until: 'run A has logged both loss terms after step 500',
        test: ([a]) => {
          const r = stepOf(a) >= 500 ? lastRowWith(a, 'loss.res', 'loss.bc') : null;
          return r ? { step: r.step, res: r['loss.res'], bc: r['loss.bc'], ratio: r['loss.res'] / r['loss.bc'] } : null;
        },
        report: 'At step {step}: L_res = {res}, L_bc = {bc} — the residual loss is {ratio}× the boundary loss.',
      },
    },
    {
      title: 'Look at the gradients',
      todo: 'Keep it running (histograms come every 50 steps).',
      watch: {
        panel: 'histograms',
        text: "Layer 0: the residual term's ∂L/∂W spreads far wider than the boundary term's.",
      },
      check: {
        until: 'a gradient histogram of layer 0 after step 500',
        test: ([a]) => {
          const g = layerGradientRatio(a, 'layer0', 'res', 'bc');
          return g && g.step >= 500 ? { step: g.step, ratio: g.ratio } : null;
        },
        report:
          'At step {step}, mean |∂L_res/∂W| is {ratio}× mean |∂L_bc/∂W| in layer 0 — the boundary term barely moves ' +
          'the weights.',
      },
    },
    {
      title: 'What the paper found',
      todo: 'Read, then go on to the "annealing" lesson for the cure.',
      watch: { panel: 'histograms', text: 'The same picture, layer after layer, is Fig. 2 of the paper.' },
    },
  ],
  paper: {
    cite:
      'S. Wang, Y. Teng, P. Perdikaris, "Understanding and mitigating gradient flow pathologies in ' +
      'physics-informed neural networks", SIAM J. Sci. Comput. 43 (2021)',
    url: 'https://arxiv.org/abs/2001.04536',
    finding:
      'Back-propagated gradients of the PDE residual are orders of magnitude larger than those of the boundary terms ' +
      '(the gradient flow is stiff), so gradient descent fits the residual and neglects the boundary conditions; ' +
      "this imbalance, not the network's capacity, makes the plain PINN fail on Helmholtz.",
  },
};
