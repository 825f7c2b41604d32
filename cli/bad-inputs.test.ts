/**
 * Every bad input of issue 15's review, each a clean error naming the field (and, for the CLI,
 * the error classes `train.ts` maps to exit 2): config fields, CLI flags, links and typed PDEs
 * (weight files: src/ui/io/bad-weights.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig, type ConfigInput } from '../src/engine/config';
import { CustomPdeError, validateCustomSpec } from '../src/engine/custom';
import { customExamples } from '../src/engine/custom/examples';
import { decodeExperiment, encodeExperiment, UrlError } from '../src/engine/io/url';
import { parseExpression } from '../src/engine/custom/parser';
import { draftFromSpec, draftToSpec } from '../src/ui/controls/customDraft';
import { UsageError } from './args';
import { configFromArgs } from './train-config';

const flags: [string, string[], RegExp][] = [
  [
    'inherited option name',
    ['--arch-opt', 'constructor=1'],
    /^archOptions\.constructor: unknown option \(allowed: depth, width/,
  ],
  ['inherited optimizer option', ['--opt', 'toString=1'], /^optimizerOptions\.toString: unknown option/],
  ['__proto__ as an option', ['--opt', '__proto__=1'], /^optimizerOptions\.__proto__: unknown option/],
  ['inherited preset name', ['--preset', 'constructor'], /^--preset: unknown preset 'constructor' \(allowed: poisson/],
  [
    'unchecked string option',
    ['--optimizer', 'soap', '--opt', 'solver=bogus'],
    /^optimizerOptions\.solver: unknown value "bogus" \(allowed: auto, host, device, async\)/,
  ],
  [
    'a boolean that is not one',
    ['--optimizer', 'sgd', '--opt', 'nesterov=yes'],
    /^optimizerOptions\.nesterov: "yes" is not true or false/,
  ],
  ['lr below the range the UI used to send live', ['--lr', '5e-9'], /^lr: "5e-9" is not a number in \[1e-8, 10\]/],
  ['lr far out of range', ['--lr', '1e9'], /^lr: "1e9" is not a number in \[1e-8, 10\]/],
  ['width −3', ['--arch-opt', 'width=-3'], /^archOptions\.width: "-3" is not an integer in \[1, 512\]/],
  ['depth 1000', ['--arch-opt', 'depth=1000'], /^archOptions\.depth: "1000" is not an integer in \[1, 16\]/],
  ['--set of an unknown field', ['--set', 'nonsense=1'], /^unknown config field 'nonsense'/],
  ['--set through an inherited name', ['--set', 'constructor.name=1'], /^unknown config field 'constructor'/],
  ['--set of a malformed path', ['--set', 'a.b.c=1'], /^--set: 'a\.b\.c' is not an option path/],
  [
    '--set of a value out of range',
    ['--set', 'schedule.cosineSteps=-1'],
    /^schedule\.cosineSteps: "-1" is not an integer in \[0, 1000000000\]/,
  ],
  [
    'PirateNet 16 × 512 on KS (died at 4.4 GB)',
    ['--pde', 'ks', '--arch', 'pirate_net', '--arch-opt', 'width=512', '--arch-opt', 'blocks=16'],
    new RegExp(
      String.raw`^batch: this experiment needs about [\d.]+ GiB per step \(limit 3\.0 GiB on this backend\): ` +
        String.raw`shrink the batch \(now 256\) or the network \(blocks 16, width 512`,
    ),
  ],
  [
    'MLP 16 × 512 at batch 65,536 (~160 GiB)',
    ['--arch-opt', 'depth=16', '--arch-opt', 'width=512', '--batch', '65536'],
    /^batch: this experiment needs about \d+\.\d GiB/,
  ],
  [
    'odd PirateNet width (threw in the Trainer)',
    ['--arch', 'pirate_net', '--arch-opt', 'width=33'],
    /^archOptions\.width: 33 is odd/,
  ],
  [
    'causal weighting without time',
    ['--pde', 'helmholtz', '--causal', 'on'],
    /^causal\.enabled: helmholtz has no time axis/,
  ],
];

describe('bad CLI input: a clean UsageError/ConfigError (exit 2) naming the field', () => {
  it.each(flags)('%s', (_what, argv, message) => {
    let error: unknown;
    try {
      configFromArgs(argv);
    } catch (e) {
      error = e;
    }
    expect(error instanceof UsageError || error instanceof ConfigError, String(error)).toBe(true);
    expect((error as Error).message).toMatch(message);
  });

  it('the CLI itself exits 2 with the message and no stack trace', () => {
    const r = spawnSync('npx', ['tsx', 'cli/train.ts', '--arch-opt', 'constructor=1'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: archOptions\.constructor: unknown option/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

const configs: [string, unknown, RegExp][] = [
  [
    '__proto__ in archOptions (from JSON)',
    JSON.parse('{"archOptions": {"__proto__": {}}}'),
    /^archOptions\.__proto__: unknown option/,
  ],
  ['inherited schedule name', { schedule: { valueOf: 1 } }, /^schedule\.valueOf: unknown option/],
  [
    'inherited parameter name',
    { params: { constructor: 1 } },
    /^params\.constructor: helmholtz has no parameter 'constructor' \(has: a1, a2, k\)/,
  ],
  [
    'inherited loss-term name',
    { lossWeights: { constructor: 1 } },
    /^lossWeights\.constructor: helmholtz has no loss term/,
  ],
  ['a config that is not an object', [1, 2], /^config: expected an object/],
  ['NaN', { batch: Number.NaN }, /^batch: NaN is not an integer/],
  ['Infinity as text', { steps: 'Infinity' }, /^steps: "Infinity" is not an integer/],
  [
    'a repeated diagnostic',
    { diagnostics: { kinds: ['align', 'align'] } },
    /^diagnostics\.kinds: .* names a diagnostic twice/,
  ],
  [
    'inherited diagnostic kind',
    { diagnostics: { kinds: ['constructor'] } },
    /^diagnostics\.kinds\[0\]: unknown value "constructor"/,
  ],
  ['inherited balancing method', { balancing: { method: 'toString' } }, /^balancing\.method: unknown value "toString"/],
];

const typed = (over: object) => ({ ...customExamples.burgers, ...over });
const customs: [string, unknown, RegExp][] = [
  [
    'a residual naming an inherited constant',
    typed({ residual: 'u_t + constructor' }),
    /^residual: unknown symbol 'constructor' \(the residual may use t, x, u, u_…, nu, pi, e\) at 6$/,
  ],
  ['ic: 1/0', typed({ ic: '1/0' }), /^ic: this constant part evaluates to Infinity, not a finite number at 0/],
  [
    'log(0)',
    typed({ ic: '-sin(pi*x) + log(0)' }),
    /^ic: this constant part evaluates to -Infinity, not a finite number at 13/,
  ],
  [
    'sqrt(-1)',
    typed({ residual: 'u_t + u*u_x - sqrt(-1)*u_xx' }),
    /^residual: this constant part evaluates to NaN, not a finite number at 14/,
  ],
  [
    'a domain of ±1e308',
    typed({ domain: { t: [0, 1], x: [-1e308, 1e308] } }),
    /^domain\.x: expected \[lo, hi\] with finite lo < hi/,
  ],
  [
    '900 nested parentheses',
    typed({ residual: `u_t + ${'('.repeat(900)}u${')'.repeat(900)}` }),
    /^residual: expression nested more than 200 levels deep at 206$/,
  ],
  [
    'a parameter replaced by an inherited name',
    typed({ params: { toString: 1 } }),
    /^residual: unknown symbol 'nu' \(the residual may use t, x, u, u_…, toString, pi, e\)/,
  ],
];

describe('bad config, link and typed-PDE input: a clean error naming the field', () => {
  it.each(configs)('config: %s', (_what, input, message) => {
    expect(() => resolveConfig(input as ConfigInput)).toThrow(ConfigError);
    expect(() => resolveConfig(input as ConfigInput)).toThrow(message);
  });

  it.each(customs)('typed PDE: %s', (_what, spec, message) => {
    expect(() => validateCustomSpec(spec)).toThrow(CustomPdeError);
    expect(() => validateCustomSpec(spec)).toThrow(message);
  });

  it('the parser: 10,000 nested parentheses are its positioned error, not a RangeError (was at ~1,368)', () => {
    const scope = { axes: ['x'], vars: ['x'], params: [], outputs: ['u'], fields: true, where: 'the residual' };
    expect(() => parseExpression(`${'('.repeat(10_000)}u${')'.repeat(10_000)}`, scope)).toThrow(
      /^expression nested more than 200 levels deep at 200$/,
    );
    expect(() => parseExpression(`${'-'.repeat(10_000)}u`, scope)).toThrow(CustomPdeError);
    expect(() => parseExpression(`${'2^'.repeat(5000)}u`, scope)).toThrow(/nested more than 200 levels/);
    expect(parseExpression(`${'('.repeat(150)}u${')'.repeat(150)}`, scope)).toMatchObject({ kind: 'field', name: 'u' });
  });

  it('the editor: `constructor` as an axis, overlong fields: errors at the field (was a TypeError)', () => {
    const d = draftFromSpec(customExamples.burgers);
    expect(() => validateCustomSpec(draftToSpec({ ...d, axes: 'constructor' }))).toThrow(
      /^axes\[0\]: 'constructor' is not a single lowercase letter/,
    );
    expect(() => draftToSpec({ ...d, params: 'nu = 1'.padEnd(5000, ' ') })).toThrow(
      /^params: longer than 2000 characters/,
    );
    expect(() => draftToSpec({ ...d, domain: { ...d.domain, x: ['0'.repeat(300), '1'] } })).toThrow(
      /^domain\.x\.lo: longer than 200 characters/,
    );
  });

  it.each([
    ['schedule.valueOf=1', /schedule\.valueOf: unknown option/],
    ['params.constructor=1', /params\.constructor: helmholtz has no parameter 'constructor'/],
    ['lbfgs.batch=1024?backend=wasm', /lbfgs\.batch: "1024\?backend=wasm" is not an integer/],
    ['compare=yes', /the link's "compare" is "yes"/],
  ])('link %s', (hash, message) => {
    expect(() => decodeExperiment(hash, resolveConfig)).toThrow(UrlError);
    expect(() => decodeExperiment(hash, resolveConfig)).toThrow(message);
  });

  it('a parameter named like an inherited member is an ordinary own name, and its link loads again', () => {
    const custom = typed({ params: { nu: 0.01, constructor: 2 }, residual: 'u_t + u*u_x - nu*constructor*u_xx' });
    const config = resolveConfig({ pde: 'custom', custom, params: { constructor: 3 } });
    expect(config.params).toEqual({ nu: 0.01, constructor: 3 });
    const back = decodeExperiment(encodeExperiment({ config: config as ConfigInput }), resolveConfig)!;
    expect(back.config).toEqual(config);
  });

  it('a link whose run B equals run A keeps compare mode on through its own link', () => {
    const first = decodeExperiment('pde=wave&compare.seed=0', resolveConfig)!;
    expect(first.compare).toEqual({});
    const again = decodeExperiment(encodeExperiment({ config: first.config, compare: first.compare }), resolveConfig)!;
    expect(again.compare).toEqual({});
    expect(again.compareConfig).toEqual(first.config);
  });
});
