import * as tf from '@tensorflow/tfjs';
import type { Field } from '../jet/jet';
import type { LossTerm, ParamValues, Region, TermRole } from '../pdes/types';
import { derivsOf, usesAxes, usesFields, type Expr, type FnName } from './ast';
import { evalNumber, evaluate, mathFunctions, numberOps, paramValue, type Env, type Ops } from './evaluate';

/** A residual value: a tensor [B, 1], or a plain number where nothing depends on the point. */
export type Value = number | tf.Tensor;

/** The functions on tensors (first-order gradients of all of them are correct in tfjs). */
const tensorFunctions: Readonly<Record<FnName, (x: tf.Tensor) => tf.Tensor>> = {
  sin: (x) => tf.sin(x),
  cos: (x) => tf.cos(x),
  tan: (x) => tf.tan(x),
  exp: (x) => tf.exp(x),
  log: (x) => tf.log(x),
  sqrt: (x) => tf.sqrt(x),
  tanh: (x) => tf.tanh(x),
  sinh: (x) => tf.sinh(x),
  cosh: (x) => tf.cosh(x),
  abs: (x) => tf.abs(x),
};

/** a^b for a tensor and a constant: small integer powers as products (exact, cheap), else tf.pow. */
function powConst(a: tf.Tensor, b: number): Value {
  if (b === 0) return 1;
  if (b === 1) return a;
  if (b === 2) return tf.square(a);
  if (b === 3) return tf.mul(tf.square(a), a);
  if (b === 4) return tf.square(tf.square(a));
  if (b === 0.5) return tf.sqrt(a);
  if (Number.isInteger(b) && b < 0 && b >= -4) return tf.div(1, powConst(a, -b) as tf.Tensor);
  return tf.pow(a, b);
}

/** Apply the float64 rule when both sides are numbers (constant folding), else the tensor op. */
function lift(f: (a: number, b: number) => number, g: (a: tf.Tensor | number, b: tf.Tensor | number) => tf.Tensor) {
  return (a: Value, b: Value): Value => (typeof a === 'number' && typeof b === 'number' ? f(a, b) : g(a, b));
}

/**
 * Arithmetic on tensors mixed with numbers: parameter and constant sub-expressions stay
 * float64 numbers (e.g. 0.01/pi, k^2) and enter the graph as scalars; the rest broadcasts.
 */
export const tensorOps: Ops<Value> = {
  num: (v) => v,
  neg: (a) => (typeof a === 'number' ? -a : tf.neg(a)),
  add: lift(numberOps.add, tf.add),
  sub: lift(numberOps.sub, tf.sub),
  mul: lift(numberOps.mul, tf.mul),
  div: lift(numberOps.div, tf.div),
  pow: (a, b) => (typeof b !== 'number' ? tf.pow(a, b) : typeof a === 'number' ? Math.pow(a, b) : powConst(a, b)),
  call: (fn, a) => (typeof a === 'number' ? mathFunctions[fn](a) : tensorFunctions[fn](a)),
};

/**
 * Replace every maximal sub-expression that depends on the point but not on the network
 * (a source term such as (k² − 17π²) sin(πx) sin(4πy), or a bare coordinate x) by an `aux`
 * node numbered `offset` + its index in `columns`, appending it there. Those columns are then computed per
 * point in float64 by the sampler, like the built-in PDEs' source terms, and the tensor
 * graph carries only what depends on the network.
 */
export function hoist(e: Expr, columns: Expr[], offset = 0): Expr {
  if (e.kind === 'aux') return e;
  if (!usesFields(e)) {
    if (!usesAxes(e)) return e;
    columns.push(e);
    return { kind: 'aux', index: offset + columns.length - 1, pos: e.pos };
  }
  switch (e.kind) {
    case 'neg':
    case 'call':
      return { ...e, arg: hoist(e.arg, columns, offset) };
    case 'binary':
      return { ...e, left: hoist(e.left, columns, offset), right: hoist(e.right, columns, offset) };
    default:
      return e;
  }
}

/** A value as a [B, 1] column. */
function column(v: Value, batch: number): tf.Tensor {
  return typeof v === 'number' ? tf.fill([batch, 1], v) : v.shape[0] === batch ? v : tf.tile(v, [batch, 1]);
}

/**
 * A loss term whose residual has one column per expression ([B, exprs.length]; the loss
 * mean(r²) then averages them). `data`, when given, supplies the first `nData` aux columns,
 * which the expressions reference as `aux` nodes 0..nData−1 (boundary masks and targets);
 * field-free sub-expressions are hoisted into further columns (see `hoist`).
 */
export function expressionTerm(
  region: Region,
  role: TermRole,
  exprs: readonly Expr[],
  data?: (p: number[], params: ParamValues) => number[],
  nData = 0,
): LossTerm {
  const hoisted: Expr[] = [];
  const bodies = exprs.map((e) => hoist(e, hoisted, nData));
  const aux =
    data || hoisted.length
      ? (p: number[], params: ParamValues) => [
          ...(data ? data(p, params) : []),
          ...hoisted.map((h) => evalNumber(h, p, params)),
        ]
      : undefined;
  return {
    region,
    role,
    derivs: derivsOf(exprs),
    ...(aux ? { aux } : {}),
    residual: (u: Field[], cols: tf.Tensor[], params: ParamValues) => {
      const batch = u[0].v.shape[0];
      const env: Env<Value> = {
        axis: () => {
          throw new Error('custom PDE: coordinates are hoisted into aux columns');
        },
        param: (name) => paramValue(params, name),
        field: (k, d) => (d ? u[k].d(d) : u[k].v),
        aux: (i) => cols[i],
      };
      const out = bodies.map((e) => column(evaluate(e, tensorOps, env), batch));
      return out.length === 1 ? out[0] : tf.concat(out, 1);
    },
  };
}
