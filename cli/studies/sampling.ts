import { resolveConfig, type SamplingMethod } from '../../src/engine/config';
import { trainFor } from '../../src/engine/loop';
import type { PointBatch } from '../../src/engine/sampling';
import { Trainer } from '../../src/engine/trainer';
import { markdownTable } from './run';
import type { RunResult, Study } from './types';

/**
 * Wu, Zhu, Tan, Kartha, Lu 2023 (CMAME 403, "A comprehensive study of non-adaptive and
 * residual-based adaptive sampling for PINNs"): on Burgers, residual-based adaptive sampling
 * (RAD, RAR-D) moves the residual points to the shock at x = 0 and lowers the error at equal
 * budgets. We train uniform, RAD and RAR-D from the same seed with the same steps and report
 * the relative L2 error and how many of the training distribution's residual points with
 * t > 0.3 (after the shock forms) lie within |x| < 0.1 (10 % for uniform draws, 0.2 of x ∈ [−1, 1]).
 */
const methods: SamplingMethod[] = ['uniform', 'rad', 'rar'];

/** Share of points with t > 0.3 that lie within |x| < 0.1 (Burgers' shock at x = 0). */
export function shockShare(b: PointBatch): number {
  let near = 0,
    late = 0;
  for (let i = 0; i < b.n; i++) {
    if (b.x[2 * i] <= 0.3) continue;
    late++;
    if (Math.abs(b.x[2 * i + 1]) < 0.1) near++;
  }
  return near / Math.max(late, 1);
}

export const samplingStudy: Study = {
  id: 'sampling',
  title: 'Residual-based adaptive sampling (RAD, RAR-D) on Burgers',
  paper: 'Wu et al. 2023 (CMAME 403): RAD/RAR-D put points at the shock and lower the error at equal budgets',
  runs: () => [],
  async execute(quick, steps) {
    const n = steps ?? (quick ? 2000 : 10000);
    const out: RunResult[] = [];
    for (const method of methods) {
      const config = resolveConfig({ pde: 'burgers', sampling: { method }, steps: n, seed: 0 });
      const trainer = new Trainer(config);
      const r = await trainFor(trainer, n);
      await trainer.settle(); // the adaptive density at the final weights
      const share = shockShare(trainer.sample(undefined, 20000).res);
      const ev = await trainer.evaluate();
      out.push({
        spec: { label: method, config: { sampling: { method } } },
        steps: n,
        relL2: ev.relL2,
        loss: r.last.loss,
        losses: r.last.losses,
        msPerStep: r.msPerStep,
        curve: [],
        extra: { shockShare: share },
      });
      process.stdout.write(
        `  ${method.padEnd(8)} relL2 ${ev.relL2.toExponential(3)}  points at the shock ${(100 * share).toFixed(1)} %\n`,
      );
      trainer.dispose();
    }
    return out;
  },
  report(results) {
    const pct = (r: RunResult) => `${(100 * Number(r.extra?.shockShare)).toFixed(1)} %`;
    const rows = results.map((r) => [r.spec.label, r.steps, r.relL2, pct(r), r.msPerStep.toFixed(1)]);
    const [u, rad] = results;
    return {
      table: markdownTable(
        ['sampling', 'steps', 'relL2', 'residual points at the shock (t > 0.3, \\|x\\| < 0.1)', 'ms/step'],
        rows,
      ),
      verdict:
        `RAD puts ${pct(rad)} of its late residual points at the shock (uniform ${pct(u)}); ` +
        `relL2 ${rad.relL2.toExponential(2)} vs uniform ${u.relL2.toExponential(2)} ` +
        `(${rad.relL2 < u.relL2 ? 'lower' : 'not lower'} at ${u.steps} steps).`,
    };
  },
};
