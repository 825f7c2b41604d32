import { describe, expect, it } from 'vitest';
import { configFromArgs } from './train-config';

describe('npm run train flags', () => {
  it('build a config from a preset and flags on top', () => {
    const { config, args } = configFromArgs([
      '--preset',
      'poisson_stiff',
      '--steps=10',
      '--param',
      'C=4',
      '--arch-opt',
      'width=20',
      '--json',
    ]);
    expect(config.pde).toBe('poisson1d');
    expect(config.params.C).toBe(4);
    expect(config.steps).toBe(10);
    expect(config.archOptions).toMatchObject({ width: 20, depth: 3 });
    expect(args.switches.has('json')).toBe(true);
  });
  it('set adaptive sampling, hard constraints and Newton', () => {
    const { config } = configFromArgs([
      '--pde',
      'burgers',
      '--sampling',
      'rar',
      '--sampling-add',
      '8',
      '--sampling-candidates=1000',
      '--hard',
      'on',
    ]);
    expect(config.sampling).toEqual({ method: 'rar', every: 100, power: 2, c: 0, candidates: 1000, add: 8 });
    expect(config.hardConstraints).toBe(true);
    expect(configFromArgs(['--optimizer', 'newton', '--opt', 'damped=true']).config.optimizerOptions).toMatchObject({
      damped: true,
      maxParams: 1000,
    });
  });
  it.each([
    [['--pde', 'nope'], /pde: unknown value "nope" \(allowed: poisson1d, helmholtz/],
    [['--pde', 'poisson1d', '--param', 'C=1000'], /params.C: "1000" is not a number in \[0.1, 32\]/],
    [['--pde', 'poisson1d', '--param', 'k=1'], /poisson1d has no parameter 'k' \(has: C\)/],
    [['--steps', 'ten'], /steps: "ten" is not an integer/],
    [['--bogus', '1'], /unknown flag --bogus \(allowed: --preset/],
    [['--param', 'C'], /--param expects key=value, got 'C'/],
    [['--steps'], /--steps needs a value/],
    [['--preset', 'zzz'], /unknown preset 'zzz' \(allowed: poisson/],
    [['--arch-opt', 'activation=relu'], /archOptions.activation: unknown value "relu" \(allowed: tanh, sin, swish\)/],
    [['--weight', 'ic=2'], /helmholtz has no loss term 'ic' \(has: res, bc\)/],
    [['--sampling', 'lhs'], /sampling.method: unknown value "lhs" \(allowed: uniform, rad, rar\)/],
    [['--sampling', 'rad', '--sampling-every', '0'], /sampling.every: "0" is not an integer in \[1/],
    [['--hard', 'yes'], /--hard: expected on or off, got 'yes'/],
    [['--pde', 'ldc', '--hard', 'on'], /hardConstraints: not available for ldc/],
  ])('reject %j with a message naming the bad value', (argv, msg) => {
    expect(() => configFromArgs(argv)).toThrow(msg);
  });
});
