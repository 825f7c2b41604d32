import type { Expr, FnName } from './ast';

/**
 * The arithmetic an evaluation runs on: float64 numbers (`numberOps`, for initial and boundary
 * data and source terms) or tensors mixed with numbers (`tensorOps` in `tensor.ts`, for
 * residuals). `evaluate` walks the tree once for both, so the meaning of every operator and
 * function is written in one place per number type.
 */
export interface Ops<T> {
  num(v: number): T;
  neg(a: T): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  pow(a: T, b: T): T;
  call(fn: FnName, a: T): T;
}

/**
 * Values of the leaves: axis `index` of the point, a named parameter, output `output`'s
 * derivative `deriv` ('' = value) and precomputed column `index`.
 */
export interface Env<T> {
  axis(index: number): T;
  param(name: string): T;
  field(output: number, deriv: string): T;
  aux(index: number): T;
}

/** Evaluate `e` with the given arithmetic and leaf values. */
export function evaluate<T>(e: Expr, ops: Ops<T>, env: Env<T>): T {
  switch (e.kind) {
    case 'num':
      return ops.num(e.value);
    case 'axis':
      return env.axis(e.index);
    case 'param':
      return env.param(e.name);
    case 'field':
      return env.field(e.output, e.deriv);
    case 'aux':
      return env.aux(e.index);
    case 'neg':
      return ops.neg(evaluate(e.arg, ops, env));
    case 'call':
      return ops.call(e.fn, evaluate(e.arg, ops, env));
    case 'binary': {
      const a = evaluate(e.left, ops, env);
      const b = evaluate(e.right, ops, env);
      switch (e.op) {
        case '+':
          return ops.add(a, b);
        case '-':
          return ops.sub(a, b);
        case '*':
          return ops.mul(a, b);
        case '/':
          return ops.div(a, b);
        case '^':
          return ops.pow(a, b);
      }
    }
  }
}

/** The functions in float64 (`Math`). */
export const mathFunctions: Readonly<Record<FnName, (x: number) => number>> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  tanh: Math.tanh,
  sinh: Math.sinh,
  cosh: Math.cosh,
  abs: Math.abs,
};

/** IEEE float64 arithmetic; a^b is `Math.pow` (NaN for a negative base and fractional b). */
export const numberOps: Ops<number> = {
  num: (v) => v,
  neg: (a) => -a,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: (a, b) => Math.pow(a, b),
  call: (fn, a) => mathFunctions[fn](a),
};

/** A parameter's value, or an error naming it when the caller did not supply one. */
export function paramValue(params: Readonly<Record<string, number>>, name: string): number {
  const v = Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
  if (v === undefined) throw new Error(`custom PDE: no value for parameter '${name}'`);
  return v;
}

/**
 * Evaluate a field-free expression in float64 at point `p` (coordinates in axis order) with
 * parameter values `params`. Used for initial/boundary data and precomputed source terms.
 */
export function evalNumber(e: Expr, p: readonly number[], params: Readonly<Record<string, number>>): number {
  return evaluate(e, numberOps, {
    axis: (i) => p[i],
    param: (name) => paramValue(params, name),
    field: () => {
      throw new Error('custom PDE: an output cannot be evaluated in float64 data');
    },
    aux: () => {
      throw new Error('custom PDE: precomputed columns exist only in residuals');
    },
  });
}
