import { describe, expect, it } from 'vitest';
import { resolveConfig, type ExperimentConfig } from './config';
import { diffConfig, presetIds, presets, resolveExperiment, withOverrides } from './presets';

describe('presets and compare overrides', () => {
  it('every preset (and its compare run) resolves', () => {
    for (const id of presetIds) {
      const e = resolveExperiment(presets[id], resolveConfig);
      expect(e.config.pde, id).toBeDefined();
      if (presets[id].compare) expect(e.compareConfig, id).not.toBeNull();
    }
  });

  it('merges nested records key by key and drops options that belonged to a replaced id', () => {
    const a = resolveConfig({ arch: 'mlp', archOptions: { depth: 5, width: 20 }, params: { k: 2 } });
    expect(withOverrides(a, { params: { a1: 3 } }).params).toEqual({ a1: 3, a2: 4, k: 2 });
    const b = resolveConfig(withOverrides(a, { arch: 'pirate_net' }));
    expect(b.archOptions).toEqual(resolveConfig({ arch: 'pirate_net' }).archOptions);
    expect(() => resolveConfig({ ...a, arch: 'pirate_net' })).toThrow(/archOptions\.depth: unknown option/);
    expect(resolveConfig(withOverrides(a, { pde: 'wave' })).params).toEqual({ c: 2 });
  });

  it('diffConfig gives the smallest overrides that reproduce the second config', () => {
    const a = resolveConfig({ pde: 'poisson1d', lossWeights: { bc: 10 } });
    const cases = [
      resolveConfig({ pde: 'poisson1d', lossWeights: { bc: 10 }, optimizer: 'soap' }),
      resolveConfig({ pde: 'poisson1d', lossWeights: { bc: 10 }, archOptions: { width: 7 }, seed: 3 }),
      resolveConfig({ pde: 'poisson1d' }),
      resolveConfig({ pde: 'helmholtz', arch: 'pirate_net' }),
    ];
    // A missing loss weight means 1, so {bc: 1} and {} are the same experiment.
    const norm = (c: ExperimentConfig) => ({
      ...c,
      lossWeights: Object.fromEntries(Object.entries(c.lossWeights).filter(([, w]) => w !== 1)),
    });
    for (const b of cases) expect(norm(resolveConfig(withOverrides(a, diffConfig(a, b))))).toEqual(norm(b));
    expect(diffConfig(a, a)).toEqual({});
    expect(diffConfig(a, cases[1])).toEqual({ archOptions: { width: 7 }, seed: 3 });
  });

  it('the gradient-pathology and optimizer presets keep the diagnostics their lesson is about', () => {
    const teaching = [
      'helmholtz_m1',
      'helmholtz_mlp_vs_modified',
      'helmholtz_annealing',
      'allen_cahn_adam_vs_soap',
      'burgers_adam_vs_soap',
      'burgers_adam_vs_pde_aware',
      'burgers_adam_vs_muon',
    ].filter((id) => id in presets);
    expect(teaching).toEqual(
      expect.arrayContaining(['helmholtz_m1', 'burgers_adam_vs_soap', 'allen_cahn_adam_vs_soap']),
    );
    for (const id of teaching) {
      const d = resolveConfig(presets[id].config).diagnostics;
      expect(d.every, id).toBeGreaterThan(0);
      expect(d.kinds, id).toContain('align');
    }
  });

  it('names run B when its overrides are invalid', () => {
    expect(() => resolveExperiment({ config: {}, compare: { lr: -1 } }, resolveConfig)).toThrow(
      /^compare: lr: -1 is not a number/,
    );
  });
});

describe('method-dependent defaults', () => {
  it("switching the balancing method in an override brings that method's defaults", () => {
    const r = resolveExperiment(presets.helmholtz_annealing, resolveConfig);
    expect(r.config.balancing).toEqual({ method: 'fixed', alpha: 0.1, every: 100 });
    expect(r.compareConfig!.balancing).toEqual({ method: 'annealing', alpha: 0.1, every: 10 });
    expect(resolveConfig({ balancing: { method: 'gradnorm' } }).balancing.every).toBe(100);
    // an explicit value still wins
    expect(
      resolveExperiment({ config: {}, compare: { balancing: { method: 'annealing', every: 7 } } }, resolveConfig)
        .compareConfig!.balancing.every,
    ).toBe(7);
  });
});
