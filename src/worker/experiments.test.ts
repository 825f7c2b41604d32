import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../engine/config';
import { encodeExperiment } from '../engine/io/url';
import { webglTensorCap, type BackendLimits } from '../engine/tensor-limits';
import { buildCatalog } from './catalog';
import { experimentFromFile, loadExperiment, validateExperiment } from './experiments';
import { Run } from './run';

describe('loading experiments in the worker', () => {
  const config = resolveConfig({ pde: 'wave', seed: 11 });

  it('reads links, config files (bare, wrapped with compare) and presets', () => {
    const hash = encodeExperiment({ config, compare: { optimizer: 'soap' }, backend: 'wasm' });
    const fromHash = loadExperiment({ source: 'hash', hash });
    expect(fromHash.experiment.config).toEqual(config);
    expect(fromHash.experiment.compareConfig!.optimizer).toBe('soap');
    expect(fromHash.backend).toBe('wasm');
    expect(loadExperiment({ source: 'file', name: 'c.json', text: JSON.stringify(config) }).experiment.config).toEqual(
      config,
    );
    const wrapped = loadExperiment({
      source: 'file',
      name: 'c.json',
      text: JSON.stringify({ config, compare: { lr: 1e-4 } }),
    });
    expect(wrapped.experiment.compare).toEqual({ lr: 1e-4 });
    const preset = loadExperiment({ source: 'preset', id: 'allen_cahn_adam_vs_soap' });
    expect(preset.experiment.config.pde).toBe('allen_cahn');
    expect(preset.experiment.compare).toMatchObject({ optimizer: 'soap' });
  });

  it.each([
    ['{"pde": "wave",', /^c\.json is not JSON/],
    ['[{"name": "layer0.weight", "shape": [1], "data": [0]}]', /^c\.json holds weights, not a config/],
    ['"hello"', /^c\.json does not hold a config object/],
    ['{"pde": "wave", "batch": 0}', /^c\.json: batch: 0 is not an integer in \[1, 65536\]/],
    ['{"config": {"pde": "wave"}, "compare": {"arch": "cnn"}}', /^c\.json: compare: arch: unknown value "cnn"/],
  ])('refuses the config file %s with a readable reason', (text, reason) => {
    expect(() => loadExperiment({ source: 'file', name: 'c.json', text })).toThrow(reason);
  });

  it('validates edits without throwing', () => {
    expect(validateExperiment({ config })).toBeNull();
    expect(validateExperiment({ config: { ...config, lr: 0 } })).toMatch(/^lr: 0 is not a number/);
    expect(experimentFromFile('x', '{"config": {"seed": 2}}')).toEqual({ config: { seed: 2 }, compare: null });
  });

  it("checks edits and new runs against the backend's limits (injected): the message names the field", () => {
    const big = { pde: 'poisson1d', archOptions: { depth: 1, width: 512 }, batch: 16384 };
    const tiny = webglTensorCap(1024); // 4 MiB textures
    const webgl: BackendLimits = { backend: 'webgl', memory: 2 ** 31, tensor: tiny };
    expect(validateExperiment({ config: big })).toBeNull();
    expect(validateExperiment({ config: big }, webgl)).toMatch(/^batch: too big for webgl: .*1024 × 1024/);
    // run B alone may be the one that does not fit
    expect(validateExperiment({ config: { ...big, batch: 64 }, compare: { batch: 16384 } }, webgl)).toMatch(/^batch:/);
    expect(() => Run.create(0, resolveConfig(big), webgl)).toThrow(/^batch: too big for webgl/);
    const before = tf.memory().numTensors;
    expect(() => Run.create(0, resolveConfig(big), webgl)).toThrow(ConfigError);
    expect(tf.memory().numTensors).toBe(before); // refused before anything was allocated
  });

  it('builds a structured-clone-safe catalog of every PDE, net, optimizer and preset', () => {
    const c = buildCatalog();
    expect(structuredClone(c)).toEqual(c);
    expect(c.pdes.map((p) => p.id)).toEqual(
      expect.arrayContaining(['poisson1d', 'helmholtz', 'burgers', 'allen_cahn', 'kdv', 'ks']),
    );
    expect(c.pdes.find((p) => p.id === 'burgers')!.hasReference).toBe(true);
    const pirate = c.architectures.find((a) => a.id === 'pirate_net')!;
    expect(pirate.defaults).toMatchObject({ blocks: 3 });
    // its embedding is always width/2 wide: no "Fourier features" field that it would ignore
    expect(pirate.unused).toEqual(['fourierSize']);
    for (const a of c.architectures) for (const k of a.unused ?? []) expect(a.schema).toHaveProperty(k);
    expect(c.optimizers.map((o) => o.id)).toEqual(expect.arrayContaining(['adam', 'soap']));
    expect(c.architectures.find((a) => a.id === 'mlp')!.schema.activation.choices).toContain('tanh');
    expect(c.balancing.find((m) => m.id === 'annealing')!.defaults.every).toBe(10);
    expect(c.balancing.find((m) => m.id === 'gradnorm')!.defaults.every).toBe(100);
    expect(c.schemas.schedule.cosineSteps).toMatchObject({ kind: 'int', label: 'Cosine decay', unit: 'steps' });
    expect(c.presets.find((p) => p.id === 'helmholtz_mlp_vs_modified')!.compare).toMatchObject({
      arch: 'modified_mlp',
    });
  });
});
