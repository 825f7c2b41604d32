import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from './config';
import { customExamples } from './custom';
import { trainFor } from './loop';
import { Trainer } from './trainer';

describe('user-typed PDEs in the experiment config', () => {
  it('resolve, train, and evaluate with the residual map', async () => {
    const config = resolveConfig({
      pde: 'custom',
      custom: customExamples.burgers,
      batch: 32,
      archOptions: { depth: 1, width: 8, activation: 'tanh' },
    });
    expect(config.custom).toBeDefined();
    const round = resolveConfig(JSON.parse(JSON.stringify(config)));
    expect(round).toEqual(config);
    const t = new Trainer(config);
    const r = await trainFor(t, 20);
    expect(Object.keys(r.last.losses)).toContain('res');
    const ev = await t.evaluate();
    expect(Number.isNaN(ev.relL2)).toBe(true);
    expect(ev.residual!.length).toBe(ev.pred.length);
    t.dispose();
  });
  it('report spec errors under custom.', () => {
    const bad = { ...customExamples.burgers, residual: 'u_t + u*u_q' };
    expect(() => resolveConfig({ pde: 'custom', custom: bad })).toThrow(ConfigError);
    expect(() => resolveConfig({ pde: 'custom', custom: bad })).toThrow(/^custom\.residual/);
    expect(() => resolveConfig({ pde: 'custom' })).toThrow(/custom: pde 'custom' needs a spec/);
    expect(() => resolveConfig({ pde: 'wave', custom: customExamples.burgers })).toThrow(/only used with pde 'custom'/);
  });
});
