import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { CustomPdeError, derivsOf } from './ast';
import { evalNumber } from './evaluate';
import { parseExpression, type Scope } from './parser';

/** A 1-D time-dependent problem: axes t, x; parameters nu, k; one output u. */
const res: Scope = {
  axes: ['t', 'x'],
  vars: ['t', 'x'],
  params: ['nu', 'k'],
  outputs: ['u'],
  fields: true,
  where: 'the residual',
};
/** Its initial condition: x and the parameters only. */
const ic: Scope = { ...res, vars: ['x'], fields: false, where: 'ic' };
/** Field-free, every axis (for the arithmetic checks). */
const data: Scope = { ...res, fields: false, where: 'data' };

describe('parser: valid input', () => {
  const cases: [string, number][] = [
    ['2^3^2', 512],
    ['-2^2', -4],
    ['2^-1', 0.5],
    ['(-2)^2', 4],
    ['1 - 2 - 3', -4],
    ['8/4/2', 1],
    ['2*3+4*5', 26],
    ['-(1+2)*3', -9],
    ['--2', 2],
    ['+2', 2],
    ['2 ^ 2 * 3', 12],
    ['2*3^2', 18],
    ['e', Math.E],
    ['pi', Math.PI],
    ['1e-3', 0.001],
    ['.5', 0.5],
    ['5.', 5],
    ['2E+2', 200],
    ['1.5e1', 15],
    ['−1', -1],
    ['2·3', 6],
    ['2×3', 6],
    ['sin(pi/2)', 1],
    ['exp(log(3))', 3],
    ['sqrt(16)/abs(-2)', 2],
    ['  1 +\t2\n', 3],
    ['cosh(0) + sinh(0) + tanh(0) + tan(0) + cos(0)', 2],
  ];
  it.each(cases)('%s = %d', (src, want) => {
    expect(evalNumber(parseExpression(src, data), [0, 0], {})).toBeCloseTo(want, 12);
  });

  it('resolves axes, parameters and constants by name', () => {
    expect(evalNumber(parseExpression('t + 10*x + 100*nu + 1000*k', data), [1, 2], { nu: 3, k: 4 })).toBe(4321);
  });

  it('reads derivatives in any letter order, canonical by axis order, up to 4th order', () => {
    const e = parseExpression('u_t + u*u_x - nu*u_xx + u_xt + u_tx + u_xxxx + u_ttxx', res);
    expect(derivsOf([e]).sort()).toEqual(['t', 'ttxx', 'tx', 'x', 'xx', 'xxxx']);
    const two: Scope = { ...res, axes: ['x', 'y'], vars: ['x', 'y'], outputs: ['psi', 'p'] };
    const f = parseExpression('psi_yx + p_y + psi', two);
    expect(derivsOf([f]).sort()).toEqual(['xy', 'y']);
    expect(f.kind === 'binary' && f.right.kind === 'field' && f.right.output).toBe(0);
  });
});

/** [source, scope, position, message fragment]: each must fail at exactly that position. */
const bad: [string, Scope, number, RegExp][] = [
  ['', res, 0, /the residual is empty/],
  ['   ', res, 0, /is empty/],
  ['u_t + w', res, 6, /unknown symbol 'w'/],
  ['u_t + u_z', res, 8, /derivative u_z: 'z' is not an axis \(axes: t, x\)/],
  ['u_t + u_yy', res, 8, /'y' is not an axis/],
  ['u_t + (u*u_x))', res, 13, /unexpected '\)'/],
  [')', res, 0, /unexpected '\)'/],
  ['u_xxxxx', res, 0, /u_xxxxx: order 5 exceeds the supported 4 per axis/],
  ['u_xxtxx', res, 0, /total order 5 exceeds the supported 4/],
  ['u_t + u*', res, 8, /expected an expression after '\*', found end of input/],
  ['u_t * )', res, 6, /expected an expression after '\*', found '\)'/],
  ['u_t +* u', res, 5, /expected an expression after '\+', found '\*'/],
  ['u^', res, 2, /after '\^'/],
  ['-', res, 1, /after '-'/],
  ['(', res, 1, /after '\('/],
  ['sinn(x)', res, 0, /function sinn is not known \(known: sin, cos, tan/],
  ['sin x', res, 0, /function sin needs an argument/],
  ['u + sin', res, 4, /function sin needs an argument/],
  ['sin()', res, 4, /expected an expression after '\('/],
  ['sin(x, 2)', res, 5, /unexpected ',' \(functions take one argument\)/],
  ['u,', res, 1, /unexpected ','/],
  ['2x', res, 1, /missing operator before 'x'/],
  ['u x', res, 2, /missing operator before 'x'/],
  ['1 2', res, 2, /missing operator before '2'/],
  ['u (x)', res, 0, /'u' is not a function/],
  ['x**2', res, 1, /'\*\*' is not an operator; write powers with '\^'/],
  ['(u_t + u', res, 0, /'\(' is never closed/],
  ['sin(u', res, 3, /'\(' is never closed/],
  ['u_t + @', res, 6, /unexpected character '@'/],
  ['ν*u_xx', res, 0, /unexpected character 'ν'/],
  ['u + 1.2.3', res, 4, /malformed number '1.2.3'/],
  ['1e * u', res, 0, /malformed number '1e' \(the exponent needs digits\)/],
  ['1e999*u', res, 0, /out of range/],
  ['u_', res, 0, /no axis letters after '_'/],
  ['u_xt_x', res, 4, /'_' is not an axis/],
  ['nu_x', res, 0, /'nu' is a parameter; only outputs \(u\) have derivatives/],
  ['x_t', res, 0, /'x' is an axis/],
  ['v_x', res, 0, /derivative v_x: 'v' is not an output/],
  ['u(0, x)', res, 0, /'u' is not a function/],
  ['pi(2)', res, 0, /'pi' is not a function/],
  ['u + x', ic, 0, /'u' cannot be used in ic \(it may use x, nu, k, pi, e\)/],
  ['u_x', ic, 0, /'u_x' cannot be used in ic/],
  ['sin(pi*t)', ic, 7, /'t' cannot be used in ic/],
  ['-sin(pi*y)', ic, 8, /unknown symbol 'y' \(ic may use x, nu, k, pi, e\)/],
];

describe('parser: malformed input', () => {
  it.each(bad)('%j fails with a positioned CustomPdeError', (src, scope, pos, msg) => {
    let err: unknown;
    try {
      parseExpression(src, scope);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CustomPdeError);
    const e = err as CustomPdeError;
    expect(e.message).toMatch(msg);
    expect(e.pos).toBe(pos);
    expect(e.message.endsWith(` at ${pos}`)).toBe(true);
    expect(e.pointer(src).split('\n')[1]).toBe(`${' '.repeat(pos)}^`);
  });

  it('throws only CustomPdeError, positioned inside the text, on 3000 random token soups', () => {
    const rng = createRng(5);
    const parts = [
      'u',
      'u_x',
      'u_xx',
      'u_t',
      'x',
      't',
      'nu',
      '(',
      ')',
      '+',
      '-',
      '*',
      '/',
      '^',
      'sin',
      'exp(',
      '2',
      '1e-3',
      '.',
      ',',
      ' ',
      'w',
      '_',
      'e',
      'pi',
      '3.5',
      'u_q',
      '**',
      '$',
    ];
    let parsed = 0;
    for (let n = 0; n < 3000; n++) {
      const src = Array.from(
        { length: 1 + Math.floor(rng.next() * 8) },
        () => parts[Math.floor(rng.next() * parts.length)],
      ).join('');
      try {
        parseExpression(src, res);
        parsed++;
      } catch (e) {
        expect(e, src).toBeInstanceOf(CustomPdeError);
        const p = (e as CustomPdeError).pos!;
        expect(p >= 0 && p <= src.length, `${src}: ${p}`).toBe(true);
      }
    }
    expect(parsed).toBeGreaterThan(50);
  });
});
