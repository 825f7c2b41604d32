/**
 * Typed-PDE constants must be finite: any part of an expression that depends on no axis and
 * no output (a number, a parameter, `pi`, and what is built from them alone) is evaluated in
 * float64 while the spec is checked, and a non-finite value (`1/0`, `log(0)`, `sqrt(-1)`,
 * `exp(1000)`) is refused at the position of the smallest such part, instead of training on
 * Inf/NaN targets.
 */
import { CustomPdeError, type Expr } from './ast';
import { evaluate, mathFunctions, type Ops } from './evaluate';
import { hasOwn } from '../schema/option';

/** A node's value when it is a constant, else null (it depends on a variable). */
type Maybe = number | null;

const lift =
  (f: (...xs: number[]) => number) =>
  (...xs: Maybe[]): Maybe =>
    xs.some((x) => x === null) ? null : f(...(xs as number[]));

/**
 * Throw `CustomPdeError` (at the offending sub-expression) when a constant part of `e` is not
 * finite with parameter values `params`.
 */
export function checkFiniteConstants(e: Expr, params: Readonly<Record<string, number>>): void {
  const check = (node: Expr, v: Maybe): Maybe => {
    if (v !== null && !Number.isFinite(v))
      throw new CustomPdeError(`this constant part evaluates to ${v}, not a finite number`, node.pos);
    return v;
  };
  const ops: Ops<Maybe> = {
    num: (v) => v,
    neg: lift((a) => -a),
    add: lift((a, b) => a + b),
    sub: lift((a, b) => a - b),
    mul: lift((a, b) => a * b),
    div: lift((a, b) => a / b),
    pow: lift((a, b) => Math.pow(a, b)),
    call: (fn, a) => (a === null ? null : mathFunctions[fn](a)),
  };
  const walk = (node: Expr): Maybe => {
    switch (node.kind) {
      case 'neg':
      case 'call':
        walk(node.arg);
        break;
      case 'binary':
        walk(node.left);
        walk(node.right);
        break;
      default:
        break;
    }
    const v = evaluate(node, ops, {
      axis: () => null,
      field: () => null,
      aux: () => null,
      param: (name) => (hasOwn(params, name) ? params[name] : null),
    });
    return check(node, v);
  };
  walk(e);
}
