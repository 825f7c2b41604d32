import type { ConfigInput } from '../config';
import { firstRowFrom } from './measure';
import type { Check, Lesson, LessonStep } from './types';

const cs = [1, 2, 4, 8] as const;

/** 1-D Poisson u'' = −C² sin(Cx), u = sin(Cx), on a 2 × 32 MLP with gradient and Hessian diagnostics. */
const poisson: ConfigInput = {
  pde: 'poisson1d',
  arch: 'mlp',
  archOptions: { depth: 2, width: 32, activation: 'tanh' },
  optimizer: 'adam',
  lr: 1e-3,
  balancing: { method: 'fixed' },
  batch: 64,
  steps: 400,
  seed: 0,
  logEvery: 10,
  diagnostics: { every: 50, kinds: ['align', 'hist', 'hess'], hessIters: 15 },
};

/** The step for one C: measure λmax(H) and ‖∇L_res‖ / ‖∇L_bc‖ at the first diagnostics step from 200 on. */
function stepFor(c: number, first: boolean): LessonStep {
  const check: Check = {
    until: `a Hessian reading after step 200 with C = ${c}`,
    test: ([a]) => {
      const r = firstRowFrom(a, 200, 'hess.top', 'gradNorm.res', 'gradNorm.bc');
      return r
        ? { [`step${c}`]: r.step, [`hess${c}`]: r['hess.top'], [`ratio${c}`]: r['gradNorm.res'] / r['gradNorm.bc'] }
        : null;
    },
    report: `C = ${c}, step {step${c}}: top Hessian eigenvalue λmax = {hess${c}}, ‖∇L_res‖ / ‖∇L_bc‖ = {ratio${c}}.`,
  };
  return {
    title: `C = ${c}`,
    experiment: { config: first ? { ...poisson, params: { C: c } } : { params: { C: c } }, compare: null },
    todo: first ? 'Press Start: u = sin(x) first.' : `C is now ${c} (u = sin(${c}x)): press Start again.`,
    watch: {
      panel: 'hessian',
      text: "The Hessian panel's top eigenvalue, and in the histograms how much wider res is than bc.",
    },
    check,
  };
}

/** Wang, Teng & Perdikaris (2021), §2: the stiffness of the gradient flow grows with the solution's frequency. */
export const stiffness: Lesson = {
  id: 'stiffness',
  title: 'Stiffness grows with the frequency',
  goal:
    'Train 1-D Poisson with u = sin(Cx) for C = 1, 2, 4, 8 and watch two measures of stiffness grow with C: the ' +
    "residual-to-boundary gradient ratio and the Hessian's top eigenvalue.",
  steps: [
    ...cs.map((c, i) => stepFor(c, i === 0)),
    {
      title: 'Compare the four',
      todo: 'Nothing to run: this step compares what steps 1–4 measured (do those first).',
      watch: {
        panel: 'hessian',
        text: 'A larger λmax needs a smaller learning rate for stable gradient descent (η < 2/λmax).',
      },
      check: {
        until: 'steps 1–4 measured',
        test: (_runs, m) => {
          const [h1, h8, r1, r8] = [m.hess1, m.hess8, m.ratio1, m.ratio8];
          if (typeof h1 !== 'number' || typeof h8 !== 'number' || typeof r1 !== 'number' || typeof r8 !== 'number')
            return null;
          return { hessGrowth: h8 / h1, ratioGrowth: r8 / r1, maxLr: 2 / h8 };
        },
        report:
          'From C = 1 to C = 8 the top eigenvalue grew {hessGrowth}× and the gradient ratio {ratioGrowth}×: at C = 8 ' +
          'gradient descent is stable only for η < 2/λmax = {maxLr}.',
      },
    },
  ],
  paper: {
    cite:
      'S. Wang, Y. Teng, P. Perdikaris, "Understanding and mitigating gradient flow pathologies in ' +
      'physics-informed neural networks", SIAM J. Sci. Comput. 43 (2021)',
    url: 'https://arxiv.org/abs/2001.04536',
    finding:
      "For u = sin(Cx) the residual's gradients grow like C² relative to the boundary's and the Hessian's largest " +
      'eigenvalue grows with C: the gradient flow becomes stiff, so a learning rate small enough for stability ' +
      'leaves the boundary term almost untrained.',
  },
};
