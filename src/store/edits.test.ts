import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../engine/config';
import { customExamples } from '../engine/custom/examples';
import { validateCustomSpec } from '../engine/custom/spec';
import { buildCatalog } from '../worker/catalog';
import {
  applyCustomPde,
  browserDefaults,
  carryOptions,
  compareConfig,
  defaultOverrides,
  editOverrides,
  setField,
  setOption,
  switchArch,
  switchOptimizer,
  switchPde,
} from './edits';

const catalog = buildCatalog();
const a = browserDefaults(catalog.base);

describe('config edits', () => {
  it('switching the architecture keeps shared options and takes the new defaults for the rest', () => {
    const wide = setOption('archOptions', 'width', 20)(a, catalog);
    const p = switchArch('pirate_net')(wide, catalog);
    expect(p.archOptions).toEqual({ ...resolveConfig({ arch: 'pirate_net' }).archOptions, width: 20 });
    expect(resolveConfig(p).archOptions).toEqual(p.archOptions);
    expect(
      carryOptions({ width: 3, depth: 'x', rwf: false }, { width: 1, rwf: false }, { width: 1, depth: 2, rwf: true }),
    ).toEqual({ width: 3, depth: 2, rwf: true });
  });

  it('switching the PDE resets its parameters, loss weights and causal default; every edit resolves', () => {
    const ac = switchPde('allen_cahn')(setOption('lossWeights', 'bc', 5)(a, catalog), catalog);
    expect(ac.params).toEqual(resolveConfig({ pde: 'allen_cahn' }).params);
    expect(ac.lossWeights).toEqual({});
    expect(ac.causal.enabled).toBe(true);
    const back = switchPde('helmholtz')(ac, catalog);
    expect(back.causal.enabled).toBe(false);
    for (const c of [ac, back, switchOptimizer('soap')(a, catalog), setField('seed', 9)(a, catalog)])
      expect(resolveConfig(c)).toEqual(c);
  });

  it('applying a typed PDE takes its parameters, resets loss weights and causal weighting, and resolves', () => {
    const spec = validateCustomSpec({ ...customExamples.burgers, params: { nu: 0.02 } });
    const c = applyCustomPde(spec)(
      setOption('lossWeights', 'bc', 5)(setOption('causal', 'enabled', true)(a, catalog), catalog),
      catalog,
    );
    expect(c).toMatchObject({
      pde: 'custom',
      custom: spec,
      params: { nu: 0.02 },
      lossWeights: {},
      causal: { enabled: false },
    });
    expect(resolveConfig(c)).toEqual(c);
    // Causal weighting survives a re-apply to a time-dependent PDE, not to a steady one.
    const causal = setOption('causal', 'enabled', true)(c, catalog);
    expect(applyCustomPde(spec)(causal, catalog).causal.enabled).toBe(true);
    const steady = applyCustomPde(validateCustomSpec(customExamples.helmholtz))(causal, catalog);
    expect(resolveConfig(steady)).toEqual(steady);
    expect(switchPde('wave')(steady, catalog)).not.toHaveProperty('custom');
  });

  it("run B's edits become overrides of run A; the default second run is SOAP", () => {
    const o = defaultOverrides(a, catalog);
    expect(o.optimizer).toBe('soap');
    expect(compareConfig(a, o)).toEqual(resolveConfig({ ...a, optimizer: 'soap', optimizerOptions: undefined }));
    const o2 = editOverrides(a, o, setField('lr', 1e-4), catalog);
    expect(o2).toEqual({ ...o, lr: 1e-4 });
    // Run A's later edits carry over to B except where B overrides them.
    const a2 = setField('seed', 4)(a, catalog);
    expect(compareConfig(a2, o2)).toMatchObject({ seed: 4, optimizer: 'soap', lr: 1e-4 });
    expect(defaultOverrides(switchOptimizer('soap')(a, catalog), catalog).optimizer).toBe('adam');
  });
});
