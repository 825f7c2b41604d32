import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../engine/config';
import { addRows, newRun } from '../store/runs';
import { verdict, verdictText } from './verdict';

const run = (pde: string, rows: Record<string, number>[]) =>
  addRows(newRun({ pde } as ExperimentConfig, 10, ['res']), rows);

describe('the compare verdict', () => {
  it('compares the latest rel. L2 errors and names the leader and the factor', () => {
    const a = run('poisson1d', [
      { step: 10, loss: 1, relL2: 0.04 },
      { step: 20, loss: 0.5 },
    ]);
    const b = run('poisson1d', [
      { step: 10, loss: 2, relL2: 0.01 },
      { step: 20, loss: 0.9 },
    ]);
    const v = verdict(a, b)!;
    expect(v).toMatchObject({ metric: 'rel. L2', leader: 'B', a: 0.04, b: 0.01, steps: [20, 20] });
    expect(v.factor).toBeCloseTo(4, 12);
    expect(verdictText(v, String)).toBe('B leads on rel. L2 by 4.0× (A 0.04 vs B 0.01)');
  });

  it('falls back to the loss without an error (typed PDEs, before an evaluation) and calls near-ties level', () => {
    const a = run('custom', [{ step: 5, loss: 1e-3, relL2: NaN }]);
    const b = run('custom', [{ step: 5, loss: 1.02e-3, relL2: NaN }]);
    const v = verdict(a, b)!;
    expect(v).toMatchObject({ metric: 'loss', leader: null });
    expect(verdictText(v, String)).toMatch(/^Level on loss: within 5 %/);
    expect(
      verdict(run('poisson1d', [{ step: 1, loss: 3 }]), run('poisson1d', [{ step: 1, loss: 0.03 }])),
    ).toMatchObject({ metric: 'loss', leader: 'B', factor: 100 });
    expect(verdict(a, null)).toBeNull();
    expect(verdict(run('poisson1d', []), b)).toBeNull();
  });
});
