import { helmholtzSmall } from './gradient-pathology';
import { lastRowWith, stepOf } from './measure';
import type { Lesson, RunData } from './types';

/** Both runs' errors at their latest evaluation at or after `step`, or null. */
function errors(a: RunData | null, b: RunData | null, step: number): { eA: number; eB: number } | null {
  const ra = lastRowWith(a, 'relL2');
  const rb = lastRowWith(b, 'relL2');
  return ra && rb && ra.step >= step && rb.step >= step ? { eA: ra.relL2, eB: rb.relL2 } : null;
}

/** Wang, Teng & Perdikaris (2021): learning-rate annealing and the modified MLP cure the pathology. */
export const annealing: Lesson = {
  id: 'annealing',
  title: 'Learning-rate annealing and the modified MLP',
  goal:
    'Fix the Helmholtz failure of the gradient-pathology lesson: let learning-rate annealing re-weight the ' +
    'boundary term, then add the modified MLP, and compare with the plain PINN side by side.',
  steps: [
    {
      title: 'Fixed weights vs annealing',
      experiment: { config: { ...helmholtzSmall, steps: 1000 }, compare: { balancing: { method: 'annealing' } } },
      todo:
        'Compare is on: run A keeps fixed loss weights, run B uses learning-rate annealing (λ_bc ← 0.9 λ_bc + ' +
        '0.1 max|∇L_res| / mean|∇L_bc| every 10 steps). Press Start.',
      watch: { panel: 'weights', text: "Run B's boundary weight λ_bc climbs far above 1 while run A's stays at 1." },
      check: {
        until: 'both runs evaluated after step 600',
        test: ([a, b]) => {
          const e = errors(a, b, 600);
          const w = lastRowWith(b, 'weight.bc');
          return e && w ? { w: w['weight.bc'], ...e, better: e.eB < e.eA ? 'lower' : 'not lower' } : null;
        },
        report:
          'Annealing raised λ_bc to {w}. Relative L2 error: fixed weights {eA}, annealed {eB} — {better} with ' +
          'annealing.',
      },
    },
    {
      title: 'Add the modified MLP',
      experiment: { compare: { arch: 'modified_mlp', archOptions: { depth: 2, width: 32, activation: 'tanh' } } },
      todo:
        "Run B is now the modified MLP (two encoders gating every layer) with annealing: the paper's model M4. " +
        'Press Start.',
      watch: { panel: 'solution', text: "Run B's prediction shows the bands of sin(4πy); run A's does not." },
      check: {
        until: 'both runs evaluated after step 600',
        test: ([a, b]) => {
          const e = errors(a, b, 600);
          return e
            ? {
                ...e,
                step: Math.min(stepOf(a), stepOf(b)),
                factor: Math.max(e.eA, e.eB) / Math.min(e.eA, e.eB),
                better: e.eB < e.eA ? 'lower' : 'higher',
              }
            : null;
        },
        report:
          'Relative L2 error after {step} steps: plain MLP {eA}, modified MLP + annealing {eB} — {factor}× {better}.',
      },
    },
    {
      title: 'What the paper found',
      todo: 'Read. Try more steps, or run A with annealing too, to separate the two cures.',
      watch: { panel: 'loss', text: 'With annealing the residual loss falls too, not only the boundary loss.' },
    },
  ],
  paper: {
    cite:
      'S. Wang, Y. Teng, P. Perdikaris, "Understanding and mitigating gradient flow pathologies in ' +
      'physics-informed neural networks", SIAM J. Sci. Comput. 43 (2021)',
    url: 'https://arxiv.org/abs/2001.04536',
    finding:
      "Learning-rate annealing (Algorithm 1) balances the terms' gradients and the modified MLP makes the flow less " +
      'stiff; together (model M4) they cut the Helmholtz error by about 30× against the plain PINN (Table 2: ' +
      '3.9e-3 vs 1.1e-1 after 40,000 steps).',
  },
};
