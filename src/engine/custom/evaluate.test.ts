import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../rng';
import { FUNCTION_NAMES } from './ast';
import { evalNumber, evaluate } from './evaluate';
import { parseExpression, type Scope } from './parser';
import { tensorOps, type Value } from './tensor';

const scope: Scope = {
  axes: ['x', 'y'],
  vars: ['x', 'y'],
  params: ['a', 'b'],
  outputs: [],
  fields: false,
  where: 'test',
};
type Fn = (x: number, y: number, a: number, b: number) => number;

/**
 * A random expression as text together with the same computation written directly with
 * JavaScript operators and `Math` (the independent reference). Operands are parenthesised,
 * so this checks evaluation, not precedence (parser.test.ts does that).
 */
function randomExpr(rng: Rng, depth: number): [string, Fn] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)];
  if (depth === 0 || rng.next() < 0.25) {
    const leaf = pick(['x', 'y', 'a', 'b', 'pi', 'e', 'num']);
    if (leaf === 'num') {
      const v = Number((rng.next() * 10).toPrecision(1 + Math.floor(rng.next() * 6)));
      return [String(v), () => v];
    }
    const f: Record<string, Fn> = {
      x: (x) => x,
      y: (_, y) => y,
      a: (_, __, a) => a,
      b: (_, __, ___, b) => b,
      pi: () => Math.PI,
      e: () => Math.E,
    };
    return [leaf, f[leaf]];
  }
  const kind = pick(['bin', 'bin', 'neg', 'fn']);
  if (kind === 'neg') {
    const [s, f] = randomExpr(rng, depth - 1);
    return [`-(${s})`, (...v) => -f(...v)];
  }
  if (kind === 'fn') {
    const name = pick(FUNCTION_NAMES);
    const [s, f] = randomExpr(rng, depth - 1);
    const m = Math[name];
    return [`${name}(${s})`, (...v) => m(f(...v))];
  }
  const op = pick(['+', '-', '*', '/', '^'] as const);
  const [ls, lf] = randomExpr(rng, depth - 1);
  const [rs, rf] = randomExpr(rng, depth - 1);
  const apply = {
    '+': (p: number, q: number) => p + q,
    '-': (p: number, q: number) => p - q,
    '*': (p: number, q: number) => p * q,
    '/': (p: number, q: number) => p / q,
    '^': (p: number, q: number) => Math.pow(p, q),
  }[op];
  return [`(${ls})${op}(${rs})`, (...v) => apply(lf(...v), rf(...v))];
}

describe('float64 evaluator', () => {
  it('agrees bit for bit with Math on 500 random expressions at random points', () => {
    const rng = createRng(21);
    let finite = 0;
    for (let n = 0; n < 500; n++) {
      const [src, ref] = randomExpr(rng, 4);
      const e = parseExpression(src, scope);
      for (let k = 0; k < 4; k++) {
        const [x, y, a, b] = [rng.uniform(-2, 2), rng.uniform(-2, 2), rng.uniform(-3, 3), rng.uniform(0, 5)];
        const got = evalNumber(e, [x, y], { a, b });
        const want = ref(x, y, a, b);
        expect(Object.is(got, want) || got === want, `${src} at ${[x, y, a, b]}: ${got} vs ${want}`).toBe(true);
        if (Number.isFinite(want)) finite++;
      }
    }
    expect(finite).toBeGreaterThan(1000);
  });
});

describe('tensor evaluator', () => {
  const cases = [
    'sin(pi*x)*cos(2*y) + a*x^2 - b/(1 + y^2)',
    'exp(-x^2) * tanh(3*y) + sinh(x)/cosh(y)',
    'sqrt(abs(x)) + log(1 + y^2) + tan(0.3*x)',
    'x^3 - y^4 + x^-1 + abs(y)^0.5 + (1 + x^2)^1.5 + 2^y',
    '-(a - b)^2 * x / (2 + sin(y)) + x^0 + e^x',
  ];
  it.each(cases)('%s matches float64 to float32 accuracy, constants stay numbers', async (src) => {
    const rng = createRng(4);
    const pts = Array.from({ length: 64 }, () => [rng.uniform(-1.5, 1.5), rng.uniform(-1.5, 1.5)]);
    const params = { a: 0.7, b: 2.5 };
    const e = parseExpression(src, scope);
    const before = tf.memory().numTensors;
    const t = tf.tidy(() => {
      const cols = [0, 1].map((k) => tf.tensor2d(pts.map((p) => [p[k]])));
      return evaluate<Value>(e, tensorOps, {
        axis: (i) => cols[i],
        param: (n) => params[n as 'a'],
        field: () => 0,
        aux: () => 0,
      }) as tf.Tensor;
    });
    const got = await t.data();
    t.dispose();
    expect(tf.memory().numTensors).toBe(before);
    pts.forEach((p, i) => {
      const want = evalNumber(e, p, params);
      expect(Math.abs(got[i] - want), `${src} at ${p}`).toBeLessThan(2e-5 * Math.max(1, Math.abs(want)));
    });
    // parameter-only sub-expressions fold to float64 numbers before reaching tfjs
    expect(
      evaluate<Value>(parseExpression('(a - b)^2 / pi', scope), tensorOps, {
        axis: () => 0,
        param: (n) => params[n as 'a'],
        field: () => 0,
        aux: () => 0,
      }),
    ).toBe((0.7 - 2.5) ** 2 / Math.PI);
  });
});
