import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config';
import { trainFor } from './loop';
import { csvColumns, metricsRow, toCsv, type MetricsRow } from './metrics';
import { Trainer } from './trainer';

describe('metrics.csv columns', () => {
  const row = (step: number, extra: MetricsRow = {}): MetricsRow => ({
    step,
    loss: 1,
    lr: 1e-3,
    'loss.res': 1,
    'weight.res': 1,
    ...extra,
    msPerStep: 2,
  });
  it('has one fixed order whatever row first holds relL2 or a diagnostic', () => {
    const a = [row(10, { relL2: 0.5, 'align.cos': 0.1 }), row(20)];
    const b = [row(10), row(20, { 'align.cos': 0.2, relL2: 0.4 })];
    expect(csvColumns(a)).toEqual(csvColumns(b));
    expect(csvColumns(a)).toEqual(['step', 'loss', 'lr', 'relL2', 'msPerStep', 'loss.res', 'weight.res', 'align.cos']);
    // relL2 is a column even before any row has one
    expect(toCsv([row(10)]).split('\n')[0]).toBe('step,loss,lr,relL2,msPerStep,loss.res,weight.res');
    expect(toCsv([row(10)]).split('\n')[1]).toBe('10,1,0.001,,2,1,1');
  });
  it('keeps the PDE term order, groups weights and causal columns, sorts the rest', () => {
    const r = {
      step: 1,
      'hist.x': 0,
      'loss.res': 1,
      'loss.ic': 2,
      'causal.last': 0.1,
      'weight.res': 1,
      'weight.ic': 1,
      'causal.min': 0,
      'causal.mean': 0.5,
      'align.a': 3,
    };
    expect(csvColumns([r])).toEqual([
      'step',
      'loss',
      'lr',
      'relL2',
      'msPerStep',
      'loss.res',
      'loss.ic',
      'weight.res',
      'weight.ic',
      'causal.min',
      'causal.mean',
      'causal.last',
      'align.a',
      'hist.x',
    ]);
    expect(csvColumns([{ run: 0, ...r }])[0]).toBe('run');
  });
  it('logs the learning rate each step used (linear warmup, closed form)', async () => {
    const cfg = resolveConfig({
      pde: 'poisson1d',
      archOptions: { depth: 1, width: 4 },
      batch: 8,
      lr: 0.01,
      logEvery: 1,
      schedule: { warmupSteps: 4 },
    });
    const t = new Trainer(cfg);
    const lrs: number[] = [];
    await trainFor(t, 6, (c, ms) => {
      lrs.push(metricsRow(c, ms).lr);
    });
    // step s (0-based) uses lr·(s+1)/4 during the warmup, then lr
    expect(lrs.map((v) => +v.toPrecision(6))).toEqual([0.0025, 0.005, 0.0075, 0.01, 0.01, 0.01]);
    t.dispose();
  });
});
