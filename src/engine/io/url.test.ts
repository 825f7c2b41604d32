import { describe, expect, it } from 'vitest';
import { baseConfig, resolveConfig } from '../config';
import { decodeExperiment, encodeExperiment, parseExperimentHash, UrlError } from './url';

describe('experiment in the URL hash', () => {
  const config = resolveConfig({
    pde: 'poisson1d',
    params: { C: 4.25 },
    arch: 'modified_mlp',
    archOptions: { width: 12, rwf: true },
    lr: 3e-4,
    seed: 4_000_000_123,
    lossWeights: { bc: 10 },
    diagnostics: { every: 5, kinds: ['align', 'hess'] },
    schedule: { warmupSteps: 100, decayRate: 0.9, decaySteps: 500 },
  });

  it('round-trips every field of a resolved config, seed and compare overrides included', () => {
    const hash = encodeExperiment({ config, compare: { optimizer: 'soap', lr: 1e-3 } });
    expect(hash).toMatch(/^v=1&pde=poisson1d&params\.C=4\.25&arch=modified_mlp&/);
    expect(hash).toContain('seed=4000000123');
    expect(hash).toContain('diagnostics.kinds=align,hess');
    expect(encodeExperiment({ config: { diagnostics: { kinds: ['hist'] } } })).toBe(
      'v=1&diagnostics.kinds=%5B%22hist%22%5D',
    );
    expect(hash).toContain('compare.optimizer=soap');
    const back = decodeExperiment(`#${hash}`, resolveConfig)!;
    expect(back.config).toEqual(config);
    expect(back.compare).toEqual({
      optimizer: 'soap',
      optimizerOptions: resolveConfig({ optimizer: 'soap' }).optimizerOptions,
      lr: 1e-3,
    });
    expect(back.compareConfig).toEqual({
      ...config,
      optimizer: 'soap',
      optimizerOptions: back.compare!.optimizerOptions,
      lr: 1e-3,
    });
    expect(back.backend).toBeUndefined();
  });

  it('carries Muon, NTK weighting and the NTK diagnostic', () => {
    const c = resolveConfig({
      optimizer: 'muon',
      optimizerOptions: { nsSteps: 7, cubic: 1 },
      balancing: { method: 'ntk', every: 50 },
      diagnostics: { every: 10, kinds: ['ntk', 'hess'], ntkPoints: 24 },
    });
    const hash = encodeExperiment({ config: c, compare: { balancing: { method: 'gradnorm' } } });
    expect(hash).toContain('optimizer=muon');
    expect(hash).toContain('balancing.method=ntk');
    const back = decodeExperiment(`#${hash}`, resolveConfig)!;
    expect(back.config).toEqual(c);
    expect(back.compareConfig?.balancing.method).toBe('gradnorm');
  });

  it('keeps doubles exact and carries the backend preference', () => {
    const c = { ...baseConfig, lr: 0.1 + 0.2, params: { ...baseConfig.params, a1: 4 / 3 } };
    const back = decodeExperiment(encodeExperiment({ config: c, backend: 'wasm,cpu' }), resolveConfig)!;
    expect(back.config.lr).toBe(0.1 + 0.2);
    expect(back.config.params.a1).toBe(4 / 3);
    expect(back.backend).toBe('wasm,cpu');
    expect(back.compare).toBeNull();
  });

  it('fills missing fields from the defaults and treats an empty hash as no experiment', () => {
    expect(decodeExperiment('#pde=wave', resolveConfig)!.config).toEqual(resolveConfig({ pde: 'wave' }));
    expect(decodeExperiment('', resolveConfig)).toBeNull();
    expect(decodeExperiment('#', resolveConfig)).toBeNull();
  });

  it.each([
    ['garbage', /"garbage" where a key=value pair belongs/],
    ['pde=%E0%A4%A', /not valid URL encoding/],
    ['pde=wave&pde=kdv', /sets "pde" twice/],
    ['params=1&params.c=2', /both as a value and as a group|twice/],
    ['__proto__.x=1', /malformed key/],
    ['archOptions.a.b=1', /nested too deeply/],
    ['v=7&pde=wave', /format version 7/],
    ['pde=navier', /not valid: pde: unknown value "navier" \(allowed: poisson1d, helmholtz/],
    ['pde=wave&params.c=99', /params\.c: 99 is not a number in \[0\.5, 4\]/],
    ['batch=abc', /batch: "abc" is not an integer/],
    ['colour=red', /unknown config field 'colour'/],
    ['pde=wave&compare.arch=transformer', /not valid: compare: arch: unknown value "transformer"/],
  ])('refuses %s with a readable reason', (hash, reason) => {
    expect(() => decodeExperiment(hash, resolveConfig)).toThrow(UrlError);
    expect(() => decodeExperiment(hash, resolveConfig)).toThrow(reason);
  });

  it('carries a custom PDE spec (nested lists and records) as JSON', () => {
    const custom = { axes: ['t', 'x'], domain: { t: [0, 1], x: [-1, 1] }, outputs: ['u'], nested: [{ a: 1 }] };
    const hash = encodeExperiment({ config: { pde: 'custom', custom: custom as unknown } });
    expect(hash).toContain('custom.axes=t,x');
    expect(parseExperimentHash(hash)!.config.custom).toEqual(custom);
    expect(() => parseExperimentHash('custom.axes=%5B1')).toThrow(/value of custom\.axes is not valid JSON/);
  });

  it('keeps text that would read as a number, a boolean, a list or JSON as text', () => {
    const custom = {
      ic_t: '0',
      ic: '-1e-3',
      label: 'true',
      residual: 'u_t,u_x',
      bcs: '[x]',
      note: '{"a": 1}',
      quoted: '"q"',
      plain: 'u_t + u',
    };
    const hash = encodeExperiment({ config: { pde: 'custom', custom: custom as unknown } });
    expect(hash).toContain('custom.ic_t=%220%22');
    expect(hash).toContain('custom.plain=u_t%20%2B%20u');
    expect(parseExperimentHash(hash)!.config.custom).toEqual(custom);
  });

  it('parses without validating (the UI side) and types numbers and booleans', () => {
    expect(parseExperimentHash('#v=1&seed=7&archOptions.rwf=true&pde=kdv&compare.lr=1e-4')).toEqual({
      config: { seed: 7, archOptions: { rwf: true }, pde: 'kdv' },
      compare: { lr: 1e-4 },
      backend: undefined,
    });
  });
});
