/**
 * Two row operations of the dense layer's backward pass as plain loops over the wasm heap
 * (`PinnSumRows`, `PinnStackRows`), registered on wasm only.
 *
 * Why not a product with tfjs-wasm's BatchMatMul: it runs XNNPACK's fully-connected operator,
 * which packs its right operand anew for every tensor it has not seen (the operator is
 * cached per right-hand tensor). A gradient is always a fresh tensor, and packing it cost
 * 4–6 ns per element here: 1ᵀ·dY over [1024, 64] took 13 µs of arithmetic and 266 µs of
 * packing. So the bias gradient is a column sum, and the weight gradient Xᵀ·dY is arranged so
 * that the narrower of X and dY is the packed one, with the bias gradient folded in as one
 * more column of ones (see dense-jet.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { transposeInto } from './wasm';

interface HeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/** Σ over the rows of a row-major [rows, cols] matrix into `out` (length cols). */
export function sumRowsInto(x: ArrayLike<number>, rows: number, cols: number, out: { [i: number]: number }): void {
  const acc = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    for (let j = 0; j < cols; j++) acc[j] += x[o + j];
  }
  for (let j = 0; j < cols; j++) out[j] = acc[j];
}

/** Attributes of PinnStackRows. */
export interface StackAttrs {
  /** Append a column that is 1 on the first `ones` rows and 0 below (−1: no such column). */
  ones: number;
  /** Write the transpose: [cols (+1), Σ rows] instead of [Σ rows, cols (+1)]. */
  transpose: boolean;
}

/**
 * The row-major matrices `parts` (equal widths) one under another, with an optional column of
 * leading ones, optionally transposed, written into `out`.
 */
export function stackRowsInto(
  parts: { data: ArrayLike<number>; rows: number }[],
  cols: number,
  a: StackAttrs,
  out: { [i: number]: number },
): void {
  const rows = parts.reduce((n, p) => n + p.rows, 0);
  const width = cols + (a.ones < 0 ? 0 : 1);
  let top = 0;
  for (const p of parts) {
    if (a.transpose) transposeInto(p.data, p.rows, cols, out, rows, top);
    else {
      for (let i = 0; i < p.rows; i++) for (let j = 0; j < cols; j++) out[(top + i) * width + j] = p.data[i * cols + j];
    }
    top += p.rows;
  }
  if (a.ones < 0) return;
  for (let i = 0; i < rows; i++) {
    const v = i < a.ones ? 1 : 0;
    if (a.transpose) out[cols * rows + i] = v;
    else out[i * width + cols] = v;
  }
}

function register(): void {
  if (!tf.findBackendFactory('wasm')) return;
  tf.registerKernel({
    kernelName: 'PinnSumRows',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend }) => {
      const b = backend as unknown as HeapBackend;
      const x = (inputs as unknown as { x: tf.TensorInfo }).x;
      const [rows, cols] = x.shape;
      const out = b.makeOutput([1, cols], 'float32');
      sumRowsInto(b.typedArrayFromHeap(x), rows, cols, b.typedArrayFromHeap(out));
      return out;
    },
  });
  tf.registerKernel({
    kernelName: 'PinnStackRows',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const b = backend as unknown as HeapBackend;
      const list = Object.values(inputs) as tf.TensorInfo[];
      const a = attrs as unknown as StackAttrs;
      const cols = list[0].shape[1];
      const rows = list.reduce((n, t) => n + t.shape[0], 0);
      const width = cols + (a.ones < 0 ? 0 : 1);
      const out = b.makeOutput(a.transpose ? [width, rows] : [rows, width], 'float32');
      // Views taken after the output is allocated (allocation may grow, and detach, the heap).
      const parts = list.map((t) => ({ data: b.typedArrayFromHeap(t), rows: t.shape[0] }));
      stackRowsInto(parts, cols, a, b.typedArrayFromHeap(out));
      return out;
    },
  });
}

register();
