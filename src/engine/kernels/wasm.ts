/**
 * Faster kernels for tfjs-backend-wasm, registered over the stock ones (tfjs allows this
 * through `registerKernel`). Importing this module registers them.
 *
 * - Slice, SplitV: the stock Slice starts with `backend.readSync(x)`, which copies the whole
 *   input out of the wasm heap before copying the slice, so splitting a [4096, 64] tensor four
 *   ways took 2.6 ms, 25× a concat of the same parts (0.5 ms here). This one reads the input
 *   through a heap view taken after the output is allocated (allocation may grow, and so
 *   detach, the heap). Ranks above 2 and strings go to the stock kernel; the stock SplitV
 *   calls the stock slice directly, so it is replaced too.
 * - Transpose of a matrix: the stock kernel's generic n-d loop took 370 µs on [1024, 32] and
 *   5.9 ms on [4096, 128]; this one (`transposeInto`) is several times faster. The dense
 *   layer's backward pass transposes its streams. Other permutations, ranks and dtypes go
 *   to the stock kernel.
 * - Identity, same-dtype Cast: share the input's buffer (reference counted), as the cpu and
 *   webgl backends do, instead of copying it. tfjs clones every tensor it saves for the
 *   backward pass and its Multiply gradient casts float32 to float32, so a training step made
 *   ~180 full-size copies.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

interface WasmHeapBackend {
  incRef(dataId: tf.DataId): void;
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(t: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

interface SliceArgs {
  inputs: { x: tf.TensorInfo };
  attrs: { begin: number | number[]; size: number | number[] };
  backend: WasmHeapBackend;
}

/** Copy x[begin : begin + size] of a row-major [rows, cols] tensor into `out`. */
export function copySlice2d(
  x: ArrayLike<number> & { subarray(a: number, b: number): ArrayLike<number> },
  cols: number,
  out: { set(a: ArrayLike<number>, offset: number): void },
  begin: [number, number],
  size: [number, number],
): void {
  if (size[1] === cols) {
    out.set(x.subarray(begin[0] * cols, (begin[0] + size[0]) * cols), 0);
    return;
  }
  for (let i = 0; i < size[0]; i++) {
    const from = (begin[0] + i) * cols + begin[1];
    out.set(x.subarray(from, from + size[1]), i * size[1]);
  }
}

/**
 * The transpose of the row-major [rows, cols] matrix `x` into columns top … top + rows − 1
 * of the row-major [cols, stride] matrix `out` (stride = rows, top = 0: a plain transpose).
 * Eight rows at a time, so each column writes eight neighbouring outputs: 0.75–0.95 ns per
 * element here against 2.1–2.4 for 16 × 16 tiles and 11 for the stock kernel.
 */
export function transposeInto(
  x: ArrayLike<number>,
  rows: number,
  cols: number,
  out: { [i: number]: number },
  stride = rows,
  top = 0,
): void {
  let i = 0;
  for (; i + 8 <= rows; i += 8) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const o = j * stride + top + i;
      const s = base + j;
      out[o] = x[s];
      out[o + 1] = x[s + cols];
      out[o + 2] = x[s + 2 * cols];
      out[o + 3] = x[s + 3 * cols];
      out[o + 4] = x[s + 4 * cols];
      out[o + 5] = x[s + 5 * cols];
      out[o + 6] = x[s + 6 * cols];
      out[o + 7] = x[s + 7 * cols];
    }
  }
  for (; i < rows; i++) for (let j = 0; j < cols; j++) out[j * stride + top + i] = x[i * cols + j];
}

interface TransposeArgs {
  inputs: { x: tf.TensorInfo };
  attrs: { perm: number[] };
  backend: WasmHeapBackend;
}

interface SplitArgs {
  inputs: { x: tf.TensorInfo };
  attrs: { numOrSizeSplits: number | number[]; axis: number };
  backend: WasmHeapBackend;
}

function register(): void {
  const stockSlice = tf.getKernel('Slice', 'wasm');
  const stockSplit = tf.getKernel('SplitV', 'wasm');
  if (!stockSlice || !stockSplit) return;
  const slice = (args: SliceArgs): tf.TensorInfo => {
    const { x } = args.inputs;
    if (x.shape.length > 2 || x.dtype === 'string') return stockSlice.kernelFunc(args as never) as tf.TensorInfo;
    const [begin, size] = tf.slice_util.parseSliceParams(x as tf.Tensor, args.attrs.begin, args.attrs.size);
    const out = args.backend.makeOutput(size, x.dtype);
    const xv = args.backend.typedArrayFromHeap(x);
    const ov = args.backend.typedArrayFromHeap(out);
    if (x.shape.length === 1) ov.set(xv.subarray(begin[0], begin[0] + size[0]));
    else copySlice2d(xv, x.shape[1], ov, begin as [number, number], size as [number, number]);
    return out;
  };
  const splitV = (args: SplitArgs): tf.TensorInfo[] => {
    const { x } = args.inputs;
    if (x.shape.length > 2 || x.dtype === 'string') return stockSplit.kernelFunc(args as never) as tf.TensorInfo[];
    const axis = tf.util.parseAxisParam(args.attrs.axis, x.shape)[0];
    const sizes = tf.backend_util.prepareSplitSize(x as tf.Tensor, args.attrs.numOrSizeSplits, axis);
    const begin = x.shape.map(() => 0);
    return sizes.map((s) => {
      const size = [...x.shape];
      size[axis] = s;
      const part = slice({ inputs: { x }, attrs: { begin: [...begin], size }, backend: args.backend });
      begin[axis] += s;
      return part;
    });
  };
  const stockTranspose = tf.getKernel('Transpose', 'wasm');
  const transpose = (args: TransposeArgs): tf.TensorInfo => {
    const { x } = args.inputs;
    const { perm } = args.attrs;
    if (x.shape.length !== 2 || perm[0] !== 1 || x.dtype !== 'float32')
      return stockTranspose!.kernelFunc(args as never) as tf.TensorInfo;
    const [rows, cols] = x.shape;
    const out = args.backend.makeOutput([cols, rows], x.dtype);
    transposeInto(args.backend.typedArrayFromHeap(x), rows, cols, args.backend.typedArrayFromHeap(out));
    return out;
  };
  const stockCast = tf.getKernel('Cast', 'wasm');
  // Identity and a same-dtype Cast share the input's buffer (reference counted), as on the cpu
  // and webgl backends, instead of copying it: tfjs clones every tensor it saves for the
  // backward pass, and its Multiply gradient casts float32 to float32.
  const identity = (args: { inputs: { x: tf.TensorInfo }; backend: WasmHeapBackend }): tf.TensorInfo => {
    const { x } = args.inputs;
    args.backend.incRef(x.dataId);
    return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
  };
  const cast = (args: {
    inputs: { x: tf.TensorInfo };
    attrs: { dtype: tf.DataType };
    backend: WasmHeapBackend;
  }): tf.TensorInfo =>
    args.attrs.dtype === args.inputs.x.dtype && args.inputs.x.dtype !== 'string'
      ? identity(args)
      : (stockCast!.kernelFunc(args as never) as tf.TensorInfo);
  const kernels: [string, unknown][] = [
    ['Slice', slice],
    ['SplitV', splitV],
    ['Identity', identity],
  ];
  if (stockCast) kernels.push(['Cast', cast]);
  if (stockTranspose) kernels.push(['Transpose', transpose]);
  for (const [name, kernelFunc] of kernels) {
    // The stock kernel's setup (Transpose binds its wasm function there) still runs: other
    // stock kernels, e.g. Sum over axis 0, call the stock implementation directly.
    const { setupFunc } = tf.getKernel(name, 'wasm')!;
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({
      kernelName: name,
      backendName: 'wasm',
      setupFunc,
      kernelFunc: kernelFunc as unknown as tf.KernelFunc,
    });
  }
}

register();
