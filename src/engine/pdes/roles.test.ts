import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config';
import { buildCustomPde } from '../custom';
import { residualTerms } from '../optim/residual-moments';
import { Trainer } from '../trainer';
import { initialValueTerm, pdeIds, pdes, primaryResidual, termsWithRole } from './index';

/** A typed wave system with two equations: its residual terms are res1 and res2 (not `res`). */
const system = {
  axes: ['t', 'x'],
  domain: { t: [0, 1], x: [0, 1] },
  outputs: ['u', 'v'],
  residual: ['u_t - v_x', 'v_t - u_x'],
  ic: ['sin(pi*x)', '0'],
  bcs: [{ kind: 'dirichlet', axis: 'x', value: ['0', null] }],
};

describe('loss terms declare their role', () => {
  it.each(pdeIds)('%s: every term has the role its region implies', (id) => {
    for (const [name, t] of Object.entries(pdes[id].terms)) {
      const implied = t.region.kind === 'interior' ? 'residual' : t.region.kind === 'boundary' ? 'boundary' : 'initial';
      expect(t.role, name).toBe(implied);
    }
    expect(primaryResidual(pdes[id])).toBe(id.startsWith('ldc') ? 'res_u' : 'res');
  });

  it('a typed system with several equations: every consumer finds res1..resN by role', () => {
    const pde = buildCustomPde(system as never);
    expect(termsWithRole(pde, 'residual')).toEqual(['res1', 'res2']);
    expect(residualTerms(pde)).toEqual(['res1', 'res2']); // the PDE-aware optimizer's per-sample terms
    expect(primaryResidual(pde)).toBe('res1');
    expect(initialValueTerm(pde)).toBe('ic');
    expect(termsWithRole(pde, 'boundary')).toEqual(['bc']);
    expect(initialValueTerm(pdes.wave)).toBe('ic'); // not ic_t, the initial velocity
  });

  it('causal weighting reaches a typed system (was: only a term named `res`)', async () => {
    const t = new Trainer(
      resolveConfig({
        pde: 'custom',
        custom: system,
        causal: { enabled: true, chunks: 4 },
        batch: 32,
        archOptions: { depth: 1, width: 8 },
        optimizer: 'pde_aware',
      }),
    );
    await t.prepare();
    for (let i = 0; i < 3; i++) t.step();
    const c = await t.checkpoint();
    t.dispose();
    expect(c.causal).toHaveLength(4);
    expect(c.causal![0]).toBe(1);
    expect(Object.keys(c.losses)).toEqual(['res1', 'res2', 'ic', 'bc']);
  });
});
