/**
 * Elementwise arithmetic recorded as an expression graph instead of run: `ExprBuilder` is the
 * activations' and the chain rule's `ElementOps` over node numbers, so the same code that the
 * taped and the fused paths run (`derivativesOn`, `chainForward`, `jetBackwardSums`) also
 * writes one GPU program per output stream (`toWgsl`, used by activation-jet-webgpu.ts).
 * `evaluate` computes the graph on numbers, which the tests compare with the cpu kernels.
 */
import type { ElementOps } from '../activations/ops';

type Unary = 'square' | 'sigmoid' | 'tanh' | 'sin' | 'cos';
type Binary = 'mul' | 'add' | 'sub';

/** One node: an input, a number, or an operation on earlier nodes. */
type Node =
  | { op: 'input'; index: number }
  | { op: 'const'; value: number }
  | { op: Unary; args: [number] }
  | { op: Binary; args: [number, number] };

/** The expression graph of one elementwise kernel; handles are node numbers. */
export class ExprBuilder implements ElementOps<number> {
  readonly nodes: Node[] = [];

  /** `target`: the backend name the activations see (e.g. tanh picks its formula by it). */
  constructor(private readonly target: string) {}

  /** The kernel's input number `index` (one element of it). */
  input(index: number): number {
    return this.push({ op: 'input', index });
  }

  private push(n: Node): number {
    this.nodes.push(n);
    return this.nodes.length - 1;
  }

  private constant(value: number): number {
    return this.push({ op: 'const', value });
  }

  mul = (a: number, b: number) => this.push({ op: 'mul', args: [a, b] });
  add = (a: number, b: number) => this.push({ op: 'add', args: [a, b] });
  sub = (a: number, b: number) => this.push({ op: 'sub', args: [a, b] });
  scale = (a: number, c: number) => (c === 1 ? a : this.mul(a, this.constant(c)));
  shift = (a: number, c: number) => (c === 0 ? a : this.add(a, this.constant(c)));
  square = (a: number) => this.push({ op: 'square', args: [a] });
  sigmoid = (a: number) => this.push({ op: 'sigmoid', args: [a] });
  tanh = (a: number) => this.push({ op: 'tanh', args: [a] });
  sin = (a: number) => this.push({ op: 'sin', args: [a] });
  cos = (a: number) => this.push({ op: 'cos', args: [a] });
  backend = () => this.target;

  /** The nodes `root` depends on, in order (what one output's program must compute). */
  private reach(root: number): number[] {
    const seen = new Set<number>();
    const visit = (i: number) => {
      if (seen.has(i)) return;
      seen.add(i);
      const n = this.nodes[i];
      if ('args' in n) n.args.forEach(visit);
    };
    visit(root);
    return [...seen].sort((a, b) => a - b);
  }

  /** The input numbers node `root` reads, ascending (a GPU program binds exactly these). */
  inputsOf(root: number): number[] {
    return this.reach(root).flatMap((i) => {
      const n = this.nodes[i];
      return n.op === 'input' ? [n.index] : [];
    });
  }

  /**
   * WGSL statements computing node `root` as `v<root>`, given `inputName(k)` for input k:
   * one `let` per node it depends on.
   */
  toWgsl(root: number, inputName: (k: number) => string): string {
    return this.reach(root)
      .map((i) => `let v${i} = ${wgslOf(this.nodes[i], inputName)};`)
      .join('\n');
  }

  /** Every node's value for the given input values (float64; for tests). */
  evaluate(inputs: readonly number[]): number[] {
    const v: number[] = [];
    this.nodes.forEach((n, i) => (v[i] = valueOf(n, inputs, v)));
    return v;
  }
}

/** A WGSL float literal (always with a decimal point or an exponent, so it is f32 not an integer). */
export function wgslFloat(c: number): string {
  if (!Number.isFinite(c)) throw new Error(`wgslFloat: ${c} is not finite`);
  const s = String(c);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

function wgslOf(n: Node, inputName: (k: number) => string): string {
  switch (n.op) {
    case 'input':
      return inputName(n.index);
    case 'const':
      return `f32(${wgslFloat(n.value)})`;
    case 'mul':
      return `v${n.args[0]} * v${n.args[1]}`;
    case 'add':
      return `v${n.args[0]} + v${n.args[1]}`;
    case 'sub':
      return `v${n.args[0]} - v${n.args[1]}`;
    case 'square':
      return `v${n.args[0]} * v${n.args[0]}`;
    case 'sigmoid':
      return `1.0 / (1.0 + exp(-v${n.args[0]}))`;
    case 'tanh':
      // as tfjs-webgpu's own tanh: exp of −2|a| never overflows (WGSL's tanh may, for large |a|)
      return `sign(v${n.args[0]}) * (1.0 - exp(-2.0 * abs(v${n.args[0]}))) / (1.0 + exp(-2.0 * abs(v${n.args[0]})))`;
    case 'sin':
    case 'cos':
      return `${n.op}(v${n.args[0]})`;
  }
}

function valueOf(n: Node, inputs: readonly number[], v: readonly number[]): number {
  switch (n.op) {
    case 'input':
      return inputs[n.index];
    case 'const':
      return n.value;
    case 'mul':
      return v[n.args[0]] * v[n.args[1]];
    case 'add':
      return v[n.args[0]] + v[n.args[1]];
    case 'sub':
      return v[n.args[0]] - v[n.args[1]];
    case 'square':
      return v[n.args[0]] ** 2;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-v[n.args[0]]));
    case 'tanh':
      return Math.tanh(v[n.args[0]]);
    case 'sin':
      return Math.sin(v[n.args[0]]);
    case 'cos':
      return Math.cos(v[n.args[0]]);
  }
}
