import type { ConfigInput } from '../../src/engine/config';
import { histogramChart, logLineChart } from '../svg';
import { markdownTable } from './run';
import type { Study } from './types';

/**
 * Gradient-pathologies paper (Wang, Teng, Perdikaris 2021), Table 2, 50 units × 3 layers:
 * M1 MLP + Adam, M2 MLP + learning-rate annealing, M3 modified MLP, M4 modified MLP +
 * annealing, 40,000 Adam steps (lr 1e-3, decayed ×0.9 every 1,000 steps), batch 128, and the
 * per-layer histograms of ∇L_res vs ∇L_bc at the end (their Fig. 2).
 */
const paper: Record<string, number> = { M1: 1.06e-1, M2: 1.12e-2, M3: 2.46e-2, M4: 3.87e-3 };

const base = (steps: number): ConfigInput => ({
  pde: 'helmholtz',
  batch: 128,
  lr: 1e-3,
  steps,
  seed: 0,
  logEvery: 100,
  lossWeights: { bc: 4 }, // the paper sums four edge losses, each a mean: 4 × our mean over the boundary
  schedule: { warmupSteps: 0, decayRate: 0.9, decaySteps: 1000 },
  archOptions: { depth: 3, width: 50, activation: 'tanh' },
  diagnostics: { every: steps, kinds: ['align', 'hist'], bins: 40 },
});

const annealing = { method: 'annealing', alpha: 0.1, every: 10 };

export const helmholtzStudy: Study = {
  id: 'helmholtz',
  title: 'Helmholtz: MLP vs modified MLP, with and without learning-rate annealing',
  paper: 'Wang, Teng & Perdikaris 2021, Table 2 (50 units / 3 layers) and Fig. 2',
  runs(quick, steps) {
    const n = steps ?? (quick ? 5000 : 40000);
    return [
      { label: 'M1', config: { ...base(n), arch: 'mlp' } },
      { label: 'M2', config: { ...base(n), arch: 'mlp', balancing: annealing } },
      { label: 'M3', config: { ...base(n), arch: 'modified_mlp' } },
      { label: 'M4', config: { ...base(n), arch: 'modified_mlp', balancing: annealing } },
    ];
  },
  report(results) {
    const rows = results.map((r) => [
      r.spec.label,
      r.steps,
      r.relL2,
      paper[r.spec.label],
      r.diag?.metrics['gradNorm.res'] ?? NaN,
      r.diag?.metrics['gradNorm.bc'] ?? NaN,
      r.diag?.metrics['align.intra'] ?? NaN,
      r.msPerStep.toFixed(1),
    ]);
    const rel = Object.fromEntries(results.map((r) => [r.spec.label, r.relL2]));
    const holds = rel.M4 < rel.M1;
    return {
      table: markdownTable(
        [
          'model',
          'steps',
          'relL2 (ours)',
          'relL2 (paper, 40k)',
          'grad norm res',
          'grad norm bc',
          'align res/bc',
          'ms/step',
        ],
        rows,
      ),
      verdict:
        `M4 < M1: ${holds ? 'holds' : 'does NOT hold'} (${rel.M4?.toExponential(2)} vs ${rel.M1?.toExponential(2)}); ` +
        `full ordering ours: ${Object.entries(rel)
          .sort((a, b) => a[1] - b[1])
          .map(([k]) => k)
          .join(' < ')}; paper: M4 < M2 < M3 < M1.`,
    };
  },
  figures(results) {
    const figs = [
      {
        file: 'helmholtz_relL2.svg',
        caption: 'Relative L2 error during training',
        svg: logLineChart(
          'Helmholtz: relative L2 error',
          'step',
          'relL2',
          results.map((r) => {
            const pts = r.curve.filter((c) => c.relL2 !== undefined);
            return { name: r.spec.label, x: pts.map((c) => c.step), y: pts.map((c) => c.relL2!) };
          }),
        ),
      },
    ];
    const m1 = results.find((r) => r.spec.label === 'M1');
    for (const h of m1?.diag?.histograms ?? []) {
      figs.push({
        file: `helmholtz_M1_hist_${h.layer}.svg`,
        caption: `M1, ${h.layer}: distribution of ∂L_res/∂W vs ∂L_bc/∂W at the end of training`,
        svg: histogramChart(
          `M1 ${h.layer}: gradients of L_res and L_bc`,
          '∂L/∂W',
          h.edges,
          Object.entries(h.terms).map(([t, v]) => ({ name: `∇L_${t}`, counts: v.counts })),
        ),
      });
    }
    return figs;
  },
};
