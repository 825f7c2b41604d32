import { markdownTable } from './run';
import type { Study } from './types';

/**
 * Gradient-pathologies paper §2.4 (1-D Poisson, u = sin(Cx)): as C grows, the residual's
 * gradients dwarf the boundary's and the Hessian's top eigenvalue (stiffness) grows like C⁴
 * for the residual term. We measure both on the same network and seed for C ∈ {1, 2, 4, 8}.
 */
export const poissonCStudy: Study = {
  id: 'poisson_c',
  title: '1-D Poisson stiffness as the frequency C grows',
  paper: 'Wang, Teng & Perdikaris 2021, §2.4 (gradient imbalance and Hessian eigenvalues grow with C)',
  runs(quick, steps) {
    const n = steps ?? (quick ? 500 : 5000);
    return [1, 2, 4, 8].map((C) => ({
      label: `C = ${C}`,
      config: {
        pde: 'poisson1d',
        params: { C },
        steps: n,
        batch: 128,
        seed: 0,
        logEvery: 50,
        archOptions: { depth: 2, width: 50, activation: 'tanh' },
        diagnostics: {
          every: Math.max(10, Math.round(n / 10)),
          kinds: ['align', 'hist', 'hess'],
          hessIters: quick ? 15 : 40,
        },
      },
    }));
  },
  report(results) {
    type R = (typeof results)[number];
    type D = NonNullable<R['diag']>;
    const ratio = (d?: D) => (d?.metrics['gradNorm.res'] ?? NaN) / (d?.metrics['gradNorm.bc'] ?? NaN);
    const maxMean = (d?: D) => {
      const hs = d?.histograms ?? [];
      const res = Math.max(...hs.map((h) => h.terms.res?.maxAbs ?? 0));
      const bc = hs.reduce((s, h) => s + (h.terms.bc?.meanAbs ?? 0), 0) / Math.max(hs.length, 1);
      return res / bc;
    };
    const rows = results.map((r) => [
      r.spec.label,
      r.firstDiag?.step ?? NaN,
      ratio(r.firstDiag),
      maxMean(r.firstDiag),
      r.firstDiag?.metrics['hess.top.res'] ?? NaN,
      r.steps,
      ratio(r.diag),
      r.diag?.metrics['hess.top.res'] ?? NaN,
      r.diag?.metrics['hess.top.bc'] ?? NaN,
      r.relL2,
    ]);
    const early = results.map((r) => ratio(r.firstDiag));
    const hess = results.map((r) => r.firstDiag?.metrics['hess.top.res'] ?? NaN);
    const grows = (xs: number[]) => xs.every((v, i) => i === 0 || v > xs[i - 1]);
    return {
      table: markdownTable(
        [
          'C',
          'early step',
          'grad-norm ratio res/bc',
          'max abs res / mean abs bc',
          'λmax(H_res)',
          'final step',
          'grad-norm ratio',
          'λmax(H_res)',
          'λmax(H_bc)',
          'relL2',
        ],
        rows,
      ),
      verdict:
        'early in training, the residual/boundary gradient ratio grows with C: ' +
        `${grows(early) ? 'holds' : 'does NOT hold strictly'}; ` +
        `the residual Hessian's top eigenvalue grows with C: ${grows(hess) ? 'holds' : 'does NOT hold strictly'}.`,
    };
  },
};
