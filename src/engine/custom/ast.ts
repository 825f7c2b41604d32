/**
 * The typed syntax tree of a user-typed expression (see `parser.ts` for the grammar), the
 * error type every parse and validation failure uses, and small queries over trees.
 */

/** Elementary functions of one argument the grammar knows. */
export const FUNCTION_NAMES = ['sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'tanh', 'sinh', 'cosh', 'abs'] as const;
/** A known function name. */
export type FnName = (typeof FUNCTION_NAMES)[number];

/** Named constants, folded to numbers while parsing. */
export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

/**
 * Highest derivative order along one axis, and in total: the activations' Taylor jets go to
 * 4th order (`activations/tanh.ts`, `swish.ts`), so u_xxxx and u_xxyy are the limits.
 */
export const MAX_ORDER = 4;

/**
 * An expression node; `pos` is the 0-based offset of its first character in the source.
 * `field` is output number `output` differentiated along `deriv` (canonical axis order,
 * '' for the value); `aux` is a precomputed column (see `tensor.ts`), never produced by
 * the parser.
 */
export type Expr =
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'axis'; name: string; index: number; pos: number }
  | { kind: 'param'; name: string; pos: number }
  | { kind: 'field'; output: number; name: string; deriv: string; pos: number }
  | { kind: 'neg'; arg: Expr; pos: number }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/' | '^'; left: Expr; right: Expr; pos: number }
  | { kind: 'call'; fn: FnName; arg: Expr; pos: number }
  | { kind: 'aux'; index: number; pos: number };

/**
 * Why a custom PDE or one of its expressions was rejected. `detail` says what is wrong;
 * `pos` (0-based offset into the expression) is set for expression errors; `field` names the
 * spec field (e.g. 'residual[1]', 'bcs[0].value') once known. The message reads
 * "<field>: <detail> at <pos>".
 */
export class CustomPdeError extends Error {
  constructor(
    readonly detail: string,
    readonly pos?: number,
    readonly field?: string,
  ) {
    super(`${field ? `${field}: ` : ''}${detail}${pos === undefined ? '' : ` at ${pos}`}`);
    this.name = 'CustomPdeError';
  }

  /** The same error attributed to spec field `field`. */
  inField(field: string): CustomPdeError {
    return new CustomPdeError(this.detail, this.pos, field);
  }

  /** The source line with a caret under the offending position, for terminals and editors. */
  pointer(source: string): string {
    return this.pos === undefined ? source : `${source}\n${' '.repeat(this.pos)}^`;
  }
}

/** The direct sub-expressions of a node. */
export function children(e: Expr): Expr[] {
  if (e.kind === 'neg' || e.kind === 'call') return [e.arg];
  if (e.kind === 'binary') return [e.left, e.right];
  return [];
}

/** Whether any node of `e` satisfies `pred`. */
export function anyNode(e: Expr, pred: (n: Expr) => boolean): boolean {
  return pred(e) || children(e).some((c) => anyNode(c, pred));
}

/** Whether `e` reads a network output or one of its derivatives. */
export function usesFields(e: Expr): boolean {
  return anyNode(e, (n) => n.kind === 'field');
}

/** Whether `e` varies over the domain without reading an output (axes or precomputed columns). */
export function usesAxes(e: Expr): boolean {
  return anyNode(e, (n) => n.kind === 'axis' || n.kind === 'aux');
}

/** The derivative names (canonical, non-empty) that `exprs` read, each once, e.g. ['t', 'xx']. */
export function derivsOf(exprs: readonly Expr[]): string[] {
  const out = new Set<string>();
  const visit = (e: Expr): void => {
    if (e.kind === 'field' && e.deriv) out.add(e.deriv);
    children(e).forEach(visit);
  };
  exprs.forEach(visit);
  return [...out];
}
