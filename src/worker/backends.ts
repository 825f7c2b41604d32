/**
 * Registers the browser backends the worker may pick (tfjs itself brings webgl and cpu), points
 * tfjs-backend-wasm at its .wasm binaries as bundled by Vite (nothing loads from a CDN), and
 * makes its multi-threaded build work after bundling.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import '../engine/kernels/wasm';
import { pthreadGlueFixed } from './wasm-threads';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});

// By default tfjs-webgpu runs ops on the CPU when their inputs are small and CPU-resident
// (our freshly sampled collocation points are), then uploads the results. Keeping every op on
// the GPU measured 1.9× faster per training step (poisson1d, batch 128: 360 vs 690 ms/step on
// SwiftShader in headless Chromium).
tf.env().set('WEBGPU_CPU_FORWARD', false);

/** Logical cores of this machine, read before `useWasmThreads` shadows the value. */
export const machineCores: number = globalThis.navigator?.hardwareConcurrency ?? 1;

/** The thread count wasm uses unless told otherwise: the machine's cores, at most 8 (the glue's pthread pool). */
export function defaultWasmThreads(cores = machineCores): number {
  return Math.max(1, Math.min(cores, 8));
}

let threadsSet = false;

/**
 * Ask wasm for `threads` threads (the first call in a worker counts); call before the wasm
 * backend starts. 1 (or a page that is not cross-origin isolated, where tfjs finds no
 * SharedArrayBuffer) gives the single-threaded SIMD build; more gives the threaded SIMD build
 * on that many threads.
 */
export function useWasmThreads(threads: number): void {
  if (threadsSet) return; // the wasm module reads them once, when it starts
  threadsSet = true;
  if (threads <= 1 || !pthreadGlueFixed) return void tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setThreadsCount(threads);
  // tfjs-backend-wasm 4.22 caps its XNNPACK pool at hardwareConcurrency / 2 (it assumes two
  // hyperthreads per core) and silently ignores a larger setThreadsCount: on a 2-core machine
  // asking for 2 gave 1 (measured, unbundled tfjs too). The glue reads the value when the
  // backend starts, so this worker reports enough cores for the count asked for.
  const cores = Math.max(machineCores, 2 * threads);
  Object.defineProperty(globalThis.navigator, 'hardwareConcurrency', { configurable: true, get: () => cores });
}

/** Threads the active backend computes on: wasm's pthread count (1 when single-threaded), else 1. */
export function backendThreads(): number {
  return tf.getBackend() === 'wasm' ? getThreadsCount() : 1;
}
