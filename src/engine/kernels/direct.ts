/**
 * Calling a backend's own kernels directly, inside one registered kernel: the arithmetic is
 * the backend's (wasm SIMD, GPU programs), but tfjs's engine sees one kernel. Per engine
 * kernel tfjs creates a Tensor, records a tape node, tracks scopes and clones every tensor it
 * saves for the backward pass; at PINN sizes that bookkeeping cost about what the arithmetic
 * did. Temporaries are freed by `finish`; only the returned outputs survive.
 *
 * The engine's count of a fused kernel is 1, but on a GPU backend each direct call is still
 * one dispatch of its own: `dispatches()` counts them so the bench can report both.
 */
import * as tf from '@tensorflow/tfjs';
import type { ElementOps } from '../activations/ops';

let directCalls = 0;

/** Backend kernels called directly so far (all `DirectOps`), for the bench's dispatch count. */
export function directDispatches(): number {
  return directCalls;
}

/** A backend kernel call, ElementOps over TensorInfo, and the temporaries to free. */
export class DirectOps implements ElementOps<tf.TensorInfo> {
  private readonly temps: tf.TensorInfo[] = [];
  private readonly scalars = new Map<number, tf.TensorInfo>();

  constructor(
    readonly backendName: string,
    readonly kernelBackend: tf.KernelBackend,
  ) {}

  /** Run backend kernel `name` on `inputs`; its outputs are temporaries unless returned by `finish`. */
  run(name: string, inputs: Record<string, tf.TensorInfo>, attrs: tf.NamedAttrMap = {}): tf.TensorInfo {
    const k = tf.getKernel(name, this.backendName);
    if (!k) throw new Error(`fused kernel: backend '${this.backendName}' has no kernel '${name}'`);
    directCalls++;
    const args = { inputs: inputs as unknown as tf.NamedTensorInfoMap, attrs, backend: this.kernelBackend };
    const out = k.kernelFunc(args);
    const info = (Array.isArray(out) ? out[0] : out) as tf.TensorInfo;
    this.temps.push(info);
    return info;
  }

  /**
   * A program the caller runs on the backend itself (a WebGPU program of its own), counted as
   * one dispatch and freed with the other temporaries unless returned.
   */
  program(run: () => tf.TensorInfo): tf.TensorInfo {
    directCalls++;
    const info = run();
    this.temps.push(info);
    return info;
  }

  /** A float32 temporary holding `values` (wasm names it makeOutput, the others makeTensorInfo). */
  upload(shape: number[], values: Float32Array): tf.TensorInfo {
    const b = this.kernelBackend as unknown as {
      makeTensorInfo?(shape: number[], dtype: 'float32', values: Float32Array): tf.TensorInfo;
      makeOutput(shape: number[], dtype: 'float32', offset: undefined, values: Float32Array): tf.TensorInfo;
    };
    const info = b.makeTensorInfo
      ? b.makeTensorInfo(shape, 'float32', values)
      : b.makeOutput(shape, 'float32', undefined, values);
    this.temps.push(info);
    return info;
  }

  /** A float32 scalar constant (one upload per value per fused kernel). */
  constant(c: number): tf.TensorInfo {
    const hit = this.scalars.get(c);
    if (hit) return hit;
    const s = this.upload([], Float32Array.of(c));
    this.scalars.set(c, s);
    return s;
  }

  mul = (a: tf.TensorInfo, b: tf.TensorInfo) => this.run('Multiply', { a, b });
  add = (a: tf.TensorInfo, b: tf.TensorInfo) => this.run('Add', { a, b });
  sub = (a: tf.TensorInfo, b: tf.TensorInfo) => this.run('Sub', { a, b });
  scale = (a: tf.TensorInfo, c: number) => (c === 1 ? a : this.mul(a, this.constant(c)));
  shift = (a: tf.TensorInfo, c: number) => (c === 0 ? a : this.add(a, this.constant(c)));
  square = (a: tf.TensorInfo) => this.run('Square', { x: a });
  sigmoid = (a: tf.TensorInfo) => this.run('Sigmoid', { x: a });
  tanh = (a: tf.TensorInfo) => this.run('Tanh', { x: a });
  sin = (a: tf.TensorInfo) => this.run('Sin', { x: a });
  cos = (a: tf.TensorInfo) => this.run('Cos', { x: a });
  backend = () => this.backendName;

  /** A · B with optional transposes (wasm: explicit Transpose, its transposed BatchMatMul is slow). */
  matMul(a: tf.TensorInfo, b: tf.TensorInfo, transposeA = false, transposeB = false): tf.TensorInfo {
    if (this.backendName === 'wasm') {
      const ta = transposeA ? this.transpose(a) : a;
      const tb = transposeB ? this.transpose(b) : b;
      return this.run('BatchMatMul', { a: ta, b: tb }, { transposeA: false, transposeB: false });
    }
    return this.run('BatchMatMul', { a, b }, { transposeA, transposeB });
  }

  /** The transpose of a matrix. */
  transpose(a: tf.TensorInfo): tf.TensorInfo {
    return this.run('Transpose', { x: a }, { perm: [1, 0] });
  }

  /** Σ over rows: [B, w] → [1, w] (as 1ᵀ·a elsewhere; wasm: a loop, see wasm-rows.ts). */
  sumRows(a: tf.TensorInfo): tf.TensorInfo {
    if (this.backendName === 'wasm') return this.run('PinnSumRows', { x: a });
    return this.matMul(this.upload([1, a.shape[0]], new Float32Array(a.shape[0]).fill(1)), a);
  }

  /** The matrices `parts` (equal widths) one under another. */
  concatRows(parts: tf.TensorInfo[]): tf.TensorInfo {
    return parts.length === 1 ? parts[0] : this.run('Concat', parts as never, { axis: 0 });
  }

  /** `a` cut into consecutive row blocks of the given heights (inverse of `concatRows`). */
  splitRows(a: tf.TensorInfo, heights: number[]): tf.TensorInfo[] {
    if (heights.length === 1) return [a];
    let top = 0;
    return heights.map((h) => {
      const part = this.run('Slice', { x: a }, { begin: [top, 0], size: [h, a.shape[1]] });
      top += h;
      return part;
    });
  }

  /** Reinterpret `a` with `shape` (same size). */
  reshape(a: tf.TensorInfo, shape: number[]): tf.TensorInfo {
    return this.run('Reshape', { x: a }, { shape });
  }

  /**
   * Free every temporary except `outputs`, which the kernel returns. An output that is one
   * of the kernel's own inputs is copied first (the engine would otherwise alias them).
   */
  finish(outputs: tf.TensorInfo[], inputs: readonly tf.TensorInfo[]): tf.TensorInfo[] {
    const own = outputs.map((o) =>
      inputs.includes(o) || outputs.indexOf(o) !== outputs.lastIndexOf(o) ? this.run('Identity', { x: o }) : o,
    );
    const keep = new Set(own);
    for (const t of this.temps) if (!keep.has(t)) this.kernelBackend.disposeData(t.dataId);
    this.temps.length = 0;
    return own;
  }
}

/** The backends the fused kernels are registered on. */
export const fusedBackends = ['cpu', 'wasm', 'webgl', 'webgpu'] as const;

/** A fused kernel's body: outputs from the inputs and attributes, by `d`'s direct calls. */
export type FusedBody<A> = (d: DirectOps, inputs: tf.TensorInfo[], attrs: A) => tf.TensorInfo[];

/**
 * Register `body` as kernel `name` on every fused backend: it receives a fresh `DirectOps`,
 * the inputs (passed to `runMulti` as an array) and the attributes, and returns its outputs;
 * everything else it made is freed.
 */
export function registerFused<A>(name: string, body: FusedBody<A>): void {
  fusedNames.add(name);
  for (const backendName of fusedBackends) {
    if (tf.getKernel(name, backendName)) tf.unregisterKernel(name, backendName);
    tf.registerKernel({
      kernelName: name,
      backendName,
      kernelFunc: ({ inputs, attrs, backend }) => {
        const d = new DirectOps(backendName, backend as tf.KernelBackend);
        const list = Object.values(inputs) as tf.TensorInfo[];
        return d.finish(body(d, list, attrs as unknown as A), list);
      },
    });
  }
}

/** Whether kernel `name` is one of ours (registered with `registerFused`). */
export function isFusedKernel(name: string): boolean {
  return fusedNames.has(name);
}

const fusedNames = new Set<string>();

/** Whether fused kernel `name` runs on the active backend. */
export function hasFused(name: string): boolean {
  return tf.getKernel(name, tf.getBackend()) !== undefined;
}

/** Run a registered multi-output kernel on an array of inputs. */
export function runMulti(name: string, inputs: tf.Tensor[], attrs: object): tf.Tensor[] {
  const out = tf.engine().runKernel(name, inputs as unknown as tf.NamedTensorMap, attrs as tf.NamedAttrMap);
  return Array.isArray(out) ? (out as tf.Tensor[]) : [out as tf.Tensor];
}

/**
 * Declare `backwardName` as the gradient of fused kernel `forwardName`: it receives the
 * forward inputs (saved) then the upstream gradients of every output (zeros for unused ones)
 * and returns one gradient per forward input, in order.
 */
export function registerFusedGradient(forwardName: string, backwardName: string): void {
  tf.registerGradient({
    kernelName: forwardName,
    saveAllInputs: true,
    gradFunc: (dy, saved, attrs) => {
      const dys = Array.isArray(dy) ? dy : [dy];
      const grads = runMulti(backwardName, [...saved, ...dys], attrs ?? {});
      return grads.map((g) => () => g) as unknown as Record<string, () => tf.Tensor>;
    },
  });
}
