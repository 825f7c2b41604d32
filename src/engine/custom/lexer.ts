import { CustomPdeError } from './ast';

/**
 * Tokens of the expression grammar: numbers (1, 0.5, .5, 1e-3), identifiers (letters, digits
 * and '_', starting with a letter: x, nu, a1, u_xx), the operators + - * / ^ and the
 * punctuation ( ) ,. `pos` is the 0-based offset of the token's first character; the list
 * always ends with one 'end' token at the source length.
 */
export type Token =
  | { kind: 'num'; text: string; value: number; pos: number }
  | { kind: 'ident'; text: string; pos: number }
  | { kind: 'op'; text: '+' | '-' | '*' | '/' | '^' | '(' | ')' | ','; pos: number }
  | { kind: 'end'; text: ''; pos: number };

/** Look-alike characters pasted from typeset text, read as their ASCII operator. */
const ALIASES: Readonly<Record<string, Token['text']>> = { '−': '-', '·': '*', '×': '*' };

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const IDENT = /^[A-Za-z][A-Za-z0-9_]*/;

/**
 * Split `src` into tokens. Throws `CustomPdeError` for a character outside the grammar, a
 * malformed number (1.2.3, 1e, 1e+) or one outside the float64 range (1e999).
 */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    const num = NUMBER.exec(rest);
    if (num) {
      out.push(number(num[0], rest, i));
      i += num[0].length;
      continue;
    }
    const id = IDENT.exec(rest);
    if (id) {
      out.push({ kind: 'ident', text: id[0], pos: i });
      i += id[0].length;
      continue;
    }
    const op = '+-*/^(),'.includes(c) ? (c as Token['text']) : ALIASES[c];
    if (op) {
      out.push({ kind: 'op', text: op as '+', pos: i });
      i++;
      continue;
    }
    throw new CustomPdeError(`unexpected character '${c}'`, i);
  }
  out.push({ kind: 'end', text: '', pos: src.length });
  return out;
}

/** A number token, rejecting a literal glued to more digits, dots or a dangling exponent. */
function number(text: string, rest: string, pos: number): Token {
  const after = rest.slice(text.length);
  const glued = /^[.\d]+|^[eE][+-]?(?![\w])/.exec(after);
  if (glued) {
    const bad = text + (/^[.\dA-Za-z+-]*/.exec(after)?.[0] ?? '');
    const why = glued[0][0].toLowerCase() === 'e' ? 'the exponent needs digits' : 'too many decimal points';
    throw new CustomPdeError(`malformed number '${bad}' (${why})`, pos);
  }
  const value = Number(text);
  if (!Number.isFinite(value)) throw new CustomPdeError(`number '${text}' is out of range`, pos);
  return { kind: 'num', text, value, pos };
}
