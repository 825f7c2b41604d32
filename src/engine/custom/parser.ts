import { hasOwn } from '../schema/option';
import { CONSTANTS, CustomPdeError, FUNCTION_NAMES, MAX_ORDER, type Expr, type FnName } from './ast';
import { tokenize, type Token } from './lexer';

/** Deepest nesting of parentheses, signs and powers accepted (far below the JS stack's limit). */
export const MAX_DEPTH = 200;

/**
 * What names an expression may use. `axes` are the problem's input axes (the letters a
 * derivative may name); `vars` those usable as variables here (an initial condition omits
 * t); `fields` says whether outputs and their derivatives may appear (only in residuals);
 * `where` names the expression in messages ("ic", "the residual").
 */
export interface Scope {
  axes: readonly string[];
  vars: readonly string[];
  params: readonly string[];
  outputs: readonly string[];
  fields: boolean;
  where: string;
}

/**
 * Parse one expression by recursive descent into a resolved, typed tree:
 *
 *   expr    := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary)*
 *   unary   := ('-' | '+') unary | power
 *   power   := atom ('^' unary)?             right-associative: 2^3^2 = 2^9, -x^2 = -(x^2)
 *   atom    := number | name | fn '(' expr ')' | '(' expr ')'
 *   name    := axis | param | pi | e | output | output '_' axis-letters   (u_xt = ∂²u/∂x∂t)
 *
 * No implicit multiplication. Nesting deeper than `MAX_DEPTH` is refused at its position (so
 * 10,000 parentheses are an error message, not a stack overflow). Throws `CustomPdeError` (and
 * nothing else) with the 0-based position of the offending text.
 */
export function parseExpression(src: string, scope: Scope): Expr {
  return new Parser(tokenize(src), scope).parse();
}

const STARTS = ['num', 'ident', '(', '-', '+'];

class Parser {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly toks: Token[],
    private readonly scope: Scope,
  ) {}

  parse(): Expr {
    if (this.peek().kind === 'end') throw new CustomPdeError(`${this.scope.where} is empty`, 0);
    const e = this.expr();
    if (this.peek().kind !== 'end') throw this.unexpected(this.peek());
    return e;
  }

  private peek(): Token {
    return this.toks[this.i];
  }

  private next(): Token {
    return this.toks[this.i++];
  }

  private at(...texts: string[]): boolean {
    return this.peek().kind === 'op' && texts.includes(this.peek().text);
  }

  private expr(): Expr {
    let left = this.product();
    while (this.at('+', '-')) {
      const op = this.next();
      left = { kind: 'binary', op: op.text as '+', left, right: this.operand(op, () => this.product()), pos: left.pos };
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    while (this.at('*', '/')) {
      const op = this.next();
      if (op.text === '*' && this.at('*'))
        throw new CustomPdeError("'**' is not an operator; write powers with '^'", op.pos);
      left = { kind: 'binary', op: op.text as '*', left, right: this.operand(op, () => this.unary()), pos: left.pos };
    }
    return left;
  }

  private unary(): Expr {
    if (++this.depth > MAX_DEPTH) {
      throw new CustomPdeError(`expression nested more than ${MAX_DEPTH} levels deep`, this.peek().pos);
    }
    try {
      return this.signedPower();
    } finally {
      this.depth--;
    }
  }

  private signedPower(): Expr {
    if (this.at('-', '+')) {
      const op = this.next();
      const arg = this.operand(op, () => this.unary());
      return op.text === '-' ? { kind: 'neg', arg, pos: op.pos } : arg;
    }
    const base = this.atom();
    if (!this.at('^')) return base;
    const op = this.next();
    return { kind: 'binary', op: '^', left: base, right: this.operand(op, () => this.unary()), pos: base.pos };
  }

  /** Parse what follows operator `op`, or say that an expression was expected there. */
  private operand(op: Token, parse: () => Expr): Expr {
    const t = this.peek();
    if (!STARTS.includes(t.kind === 'op' ? t.text : t.kind)) {
      const found = t.kind === 'end' ? 'end of input' : `'${t.text}'`;
      throw new CustomPdeError(`expected an expression after '${op.text}', found ${found}`, t.pos);
    }
    return parse();
  }

  private atom(): Expr {
    const t = this.next();
    if (t.kind === 'num') return { kind: 'num', value: t.value, pos: t.pos };
    if (t.kind === 'ident') return this.name(t);
    if (t.kind === 'op' && t.text === '(')
      return this.closed(
        t,
        this.operand(t, () => this.expr()),
      );
    this.i--;
    throw this.unexpected(t);
  }

  /** Consume the ')' matching `open` and return `inner`. */
  private closed(open: Token, inner: Expr): Expr {
    if (this.at(')')) {
      this.next();
      return inner;
    }
    if (this.peek().kind === 'end') throw new CustomPdeError("'(' is never closed", open.pos);
    throw this.unexpected(this.peek());
  }

  /** The error for a token that cannot continue the expression. */
  private unexpected(t: Token): CustomPdeError {
    if (t.kind === 'num' || t.kind === 'ident' || t.text === '(') {
      return new CustomPdeError(`missing operator before '${t.text}' (write products with '*')`, t.pos);
    }
    if (t.text === ',') return new CustomPdeError("unexpected ',' (functions take one argument)", t.pos);
    if (t.text === ')') return new CustomPdeError("unexpected ')'", t.pos);
    return new CustomPdeError(`unexpected '${t.text}'`, t.pos);
  }

  private name(t: Token): Expr {
    const { text, pos } = t;
    const called = this.at('(');
    if ((FUNCTION_NAMES as readonly string[]).includes(text)) {
      if (!called) throw new CustomPdeError(`function ${text} needs an argument: ${text}(…)`, pos);
      const open = this.next();
      return {
        kind: 'call',
        fn: text as FnName,
        arg: this.closed(
          open,
          this.operand(open, () => this.expr()),
        ),
        pos,
      };
    }
    const e = this.symbol(text, pos);
    if (called) throw new CustomPdeError(`'${text}' is not a function (write products with '*')`, pos);
    return e;
  }

  private symbol(text: string, pos: number): Expr {
    const s = this.scope;
    if (hasOwn(CONSTANTS, text)) return { kind: 'num', value: CONSTANTS[text], pos };
    if (text.includes('_')) return this.derivative(text, pos);
    const output = s.outputs.indexOf(text);
    if (output >= 0) {
      if (!s.fields) throw this.noFields(text, pos);
      return { kind: 'field', output, name: text, deriv: '', pos };
    }
    const axis = s.axes.indexOf(text);
    if (axis >= 0) {
      if (!s.vars.includes(text))
        throw new CustomPdeError(`'${text}' cannot be used in ${s.where} (it may use ${this.allowed()})`, pos);
      return { kind: 'axis', name: text, index: axis, pos };
    }
    if (s.params.includes(text)) return { kind: 'param', name: text, pos };
    if (this.at('('))
      throw new CustomPdeError(`function ${text} is not known (known: ${FUNCTION_NAMES.join(', ')})`, pos);
    throw new CustomPdeError(`unknown symbol '${text}' (${s.where} may use ${this.allowed()})`, pos);
  }

  /** `out_letters`: a derivative of an output, each letter an axis, orders within MAX_ORDER. */
  private derivative(text: string, pos: number): Expr {
    const s = this.scope;
    const cut = text.indexOf('_');
    const base = text.slice(0, cut);
    const letters = text.slice(cut + 1);
    const output = s.outputs.indexOf(base);
    if (output < 0) {
      const what = s.axes.includes(base) ? 'an axis' : s.params.includes(base) ? 'a parameter' : 'not an output';
      throw new CustomPdeError(
        `derivative ${text}: '${base}' is ${what}; only outputs (${s.outputs.join(', ')}) have derivatives`,
        pos,
      );
    }
    if (!letters)
      throw new CustomPdeError(`derivative ${text}: no axis letters after '_' (e.g. ${base}_${s.axes[0]})`, pos);
    [...letters].forEach((c, k) => {
      if (!s.axes.includes(c))
        throw new CustomPdeError(
          `derivative ${text}: '${c}' is not an axis (axes: ${s.axes.join(', ')})`,
          pos + cut + 1 + k,
        );
    });
    for (const a of s.axes) {
      const n = [...letters].filter((c) => c === a).length;
      if (n > MAX_ORDER)
        throw new CustomPdeError(`${text}: order ${n} exceeds the supported ${MAX_ORDER} per axis`, pos);
    }
    if (letters.length > MAX_ORDER)
      throw new CustomPdeError(`${text}: total order ${letters.length} exceeds the supported ${MAX_ORDER}`, pos);
    if (!s.fields) throw this.noFields(text, pos);
    const deriv = [...letters].sort((a, b) => s.axes.indexOf(a) - s.axes.indexOf(b)).join('');
    return { kind: 'field', output, name: text, deriv, pos };
  }

  private noFields(text: string, pos: number): CustomPdeError {
    return new CustomPdeError(`'${text}' cannot be used in ${this.scope.where} (it may use ${this.allowed()})`, pos);
  }

  /** The names usable here, for messages. */
  private allowed(): string {
    const s = this.scope;
    const names = [...s.vars, ...(s.fields ? s.outputs.map((o) => `${o}, ${o}_…`) : []), ...s.params, 'pi', 'e'];
    return names.join(', ');
  }
}
