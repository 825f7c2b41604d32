import { describe, expect, it } from 'vitest';
import { ConfigError, baseConfig, resolveConfig, type ConfigInput } from './config';

describe('resolveConfig', () => {
  it('fills defaults, including the PDE parameters', () => {
    const c = resolveConfig({ pde: 'wave' });
    expect(c.params).toEqual({ c: 2 });
    expect(c.lr).toBe(baseConfig.lr);
    expect(c.archOptions).toMatchObject({ depth: 3, width: 50, activation: 'tanh', fourierSize: 0, rwf: false });
  });
  it('accepts numbers given as strings (URLs, CLI)', () => {
    expect(resolveConfig({ batch: '64', lr: '0.01' })).toMatchObject({ batch: 64, lr: 0.01 });
  });
  it.each([
    [{ nonsense: 1 }, /unknown config field 'nonsense'/],
    [{ lr: Number.NaN }, /lr: NaN is not a number/],
    [{ lr: -1 }, /lr: -1 is not a number in/],
    [{ batch: 1.5 }, /batch: 1.5 is not an integer/],
    [{ params: [1] }, /params: expected an object/],
    [
      { archOptions: { height: 3 } },
      /archOptions.height: unknown option \(allowed: depth, width, activation, fourierSize/,
    ],
    [{ optimizer: 'sgd2' }, /optimizer: unknown value "sgd2" \(allowed: adam/],
    [{ schedule: { decayRate: 2 } }, /schedule.decayRate: 2 is not a number in \[0.000001, 1\]/],
    [{ termBatch: { edge: 4 } }, /termBatch.edge: helmholtz has no loss term 'edge' \(has: res, bc\)/],
    [{ termBatch: { bc: 0 } }, /termBatch.bc: 0 is not an integer in \[1, 65536\]/],
    [{ termBatch: { bc: 2.5 } }, /termBatch.bc: 2.5 is not an integer/],
    [{ termBatch: { ['__proto__']: 4 } }, /termBatch.__proto__: helmholtz has no loss term/],
  ] as [ConfigInput, RegExp][])('rejects %j', (input, msg) => {
    expect(() => resolveConfig(input)).toThrow(ConfigError);
    expect(() => resolveConfig(input)).toThrow(msg);
  });

  it('is discriminated on arch and optimizer: each id narrows its options (checked by the typecheck)', () => {
    const c = resolveConfig({ arch: 'pirate_net', optimizer: 'newton', archOptions: { width: 8, blocks: 1 } });
    // @ts-expect-error blocks is PirateNet's option only: unknown until arch is narrowed
    expect(c.archOptions.blocks).toBe(1);
    if (c.arch !== 'pirate_net' || c.optimizer !== 'newton') throw new Error('not resolved as asked');
    expect([c.archOptions.blocks, c.archOptions.width, c.optimizerOptions.maxParams]).toEqual([1, 8, 1000]);
  });
});
