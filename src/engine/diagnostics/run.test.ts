import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config';
import { trainFor } from '../loop';
import { Trainer } from '../trainer';
import type { DiagnosticsReport } from './run';

describe('diagnostics report', () => {
  it("reports no inter-update alignment at SOAP's step 2 (no update yet), a real one later", async () => {
    const t = new Trainer(
      resolveConfig({
        pde: 'poisson1d',
        optimizer: 'soap',
        batch: 16,
        archOptions: { depth: 1, width: 6, activation: 'tanh' },
        logEvery: 2,
        diagnostics: { every: 2, kinds: ['align'] },
      }),
    );
    const reports: DiagnosticsReport[] = [];
    await trainFor(t, 4, (_c, _ms, d) => {
      if (d) reports.push(d);
    });
    expect(reports.map((r) => r.step)).toEqual([2, 4]);
    expect('align.interUpdate' in reports[0].metrics).toBe(false); // was −0.5: a zero vector "normalised"
    expect(Number.isFinite(reports[0].metrics['align.interGrad'])).toBe(true);
    expect(Math.abs(reports[1].metrics['align.interUpdate'])).toBeLessThanOrEqual(1 + 1e-6);
    t.dispose();
  });
});
