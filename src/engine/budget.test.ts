import { describe, expect, it } from 'vitest';
import { estimateStepBytes, termStreams } from './budget';
import { ConfigError, resolveConfig, pdeOf, type ConfigInput } from './config';
import { countParams, withArch } from './nets';
import { presetIds, presets } from './presets';
import { createRng } from './rng';

const GiB = 2 ** 30;

describe('resource budget', () => {
  it('counts the jet streams a term carries, lower orders included', () => {
    expect(termStreams([])).toEqual({ streams: 1, order: 0 });
    expect(termStreams(['t', 'x', 'xx'])).toEqual({ streams: 4, order: 2 });
    expect(termStreams(['t', 'x', 'xx', 'xxxx'])).toEqual({ streams: 6, order: 4 });
  });
  it.each([
    ['mlp', {}, 0],
    ['modified_mlp', { fourierSize: 8 }, 0],
    ['pirate_net', { blocks: 2, width: 16 }, 0],
    ['mlp', { rwf: true, depth: 2 }, 0],
  ])('estimates the parameters of %s %j as the built network has them', (arch, archOptions, rel) => {
    const c = resolveConfig({ pde: 'ldc', arch, archOptions });
    const net = withArch(c, (entry, o) => entry.create(o, { axes: ['x', 'y'], outputDim: 3, rng: createRng(0) }));
    const built = countParams(net);
    net.dispose();
    expect(Math.abs(estimateStepBytes(c, pdeOf(c)).params - built)).toBeLessThanOrEqual(rel * built);
  });
  it.each([
    [{ arch: 'pirate_net', archOptions: { width: 512, blocks: 16 }, pde: 'ks' }, 3],
    [{ archOptions: { depth: 16, width: 512 }, batch: 65536, pde: 'burgers' }, 100],
  ] as [ConfigInput, number][])('refuses %j with a message saying what to shrink', (input, atLeastGiB) => {
    expect(() => resolveConfig(input)).toThrow(ConfigError);
    expect(() => resolveConfig(input)).toThrow(
      /batch: this experiment needs about .* GiB per step .*shrink the batch \(now \d+\) or the network/,
    );
    const c = resolveConfig({ ...input, batch: 1 });
    expect(estimateStepBytes({ ...c, batch: Number(input.batch ?? 256) }, pdeOf(c)).bytes).toBeGreaterThan(
      atLeastGiB * GiB,
    );
  });
  it('accepts every preset and the largest bench case (Burgers 4096, 4 × 128)', () => {
    for (const id of presetIds) expect(() => resolveConfig(presets[id].config)).not.toThrow();
    const big = resolveConfig({
      pde: 'burgers',
      batch: 4096,
      archOptions: { depth: 4, width: 128 },
      optimizer: 'soap',
    });
    expect(estimateStepBytes(big, pdeOf(big)).bytes).toBeLessThan(1 * GiB);
  });
});
