/**
 * Kernels launched by a piece of work (e.g. one steady training step), counted with
 * `tf.profile`. On a GPU backend every kernel is a dispatch with a fixed cost (tens of µs on a
 * real GPU, milliseconds on SwiftShader), so the count, not the arithmetic, sets the step time
 * of a small PINN; and unlike a time it is deterministic, so tests can pin it.
 */
import * as tf from '@tensorflow/tfjs';
import { directDispatches, isFusedKernel } from '../kernels/direct';

/** What `countKernels` found. */
export interface KernelCount {
  /** Kernels launched (tf.profile entries, without the `customGrad` scopes that wrap others). */
  kernels: number;
  /** The same without Identity, Reshape and same-dtype Cast (buffer bookkeeping, no arithmetic). */
  kernelsNonTrivial: number;
  /**
   * Backend kernels actually run: the engine's kernels with each fused kernel (`kernels/`)
   * replaced by the backend kernels it called. On a GPU backend this is the number of
   * program dispatches; on wasm and cpu the fused kernels save the engine's per-kernel
   * bookkeeping, not the backend calls.
   */
  dispatches: number;
  /** Launches per kernel name, most frequent first. */
  byName: [string, number][];
}

/** Profile entries that are not kernels: tfjs records a `customGrad` forward as a scope. */
const scopes = new Set(['forward', '']);
const trivial = new Set(['Identity', 'Reshape']);

interface CastArgs {
  inputs: { x: tf.TensorInfo };
  attrs: { dtype: tf.DataType };
}

/**
 * Run `f` once under `tf.profile` and count its kernels. Same-dtype casts are told apart by
 * wrapping the backend's Cast kernel for the duration (the profile records shapes, not dtypes).
 */
export async function countKernels(f: () => void | Promise<void>): Promise<KernelCount> {
  const backend = tf.getBackend();
  const stock = tf.getKernel('Cast', backend);
  let sameCasts = 0;
  if (stock) {
    tf.unregisterKernel('Cast', backend);
    tf.registerKernel({
      ...stock,
      kernelFunc: (args) => {
        const { inputs, attrs } = args as unknown as CastArgs;
        if (inputs.x.dtype === attrs.dtype) sameCasts++;
        return stock.kernelFunc(args);
      },
    });
  }
  try {
    const direct0 = directDispatches();
    const info = await tf.profile(async () => {
      await f();
      return [];
    });
    const byName = new Map<string, number>();
    for (const k of info.kernels) if (!scopes.has(k.name)) byName.set(k.name, (byName.get(k.name) ?? 0) + 1);
    const kernels = [...byName.values()].reduce((a, b) => a + b, 0);
    const bookkeeping = [...byName].filter(([n]) => trivial.has(n)).reduce((a, [, c]) => a + c, 0) + sameCasts;
    const fused = [...byName].filter(([n]) => isFusedKernel(n)).reduce((a, [, c]) => a + c, 0);
    const dispatches = kernels - fused + directDispatches() - direct0;
    const sorted = [...byName].sort((a, b) => b[1] - a[1]);
    return { kernels, kernelsNonTrivial: kernels - bookkeeping, dispatches, byName: sorted };
  } finally {
    if (stock) {
      tf.unregisterKernel('Cast', backend);
      tf.registerKernel(stock);
    }
  }
}
