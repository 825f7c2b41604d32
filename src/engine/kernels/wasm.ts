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
  for (let i = 0; i < size[0]; i++) {
    const from = (begin[0] + i) * cols + begin[1];
    out.set(x.subarray(from, from + size[1]), i * size[1]);
  }
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
  for (const [name, kernelFunc] of kernels) {
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc: kernelFunc as unknown as tf.KernelFunc });
  }
}

register();
