/**
 * Registers the browser backends the worker may pick (tfjs itself brings webgl and cpu) and
 * points tfjs-backend-wasm at its .wasm binaries as bundled by Vite, so nothing loads from a CDN.
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import '../engine/kernels/wasm';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});

// The threaded WASM build starts its pthreads from the Emscripten glue as blob workers, and
// that glue does not survive bundling (each pthread dies with "ReferenceError: e is not
// defined" and the backend never initialises). The single-threaded SIMD build works; the
// WASM backend is a fallback here, so it runs on one thread.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

// By default tfjs-webgpu runs ops on the CPU when their inputs are small and CPU-resident
// (our freshly sampled collocation points are), then uploads the results. Keeping every op on
// the GPU measured 1.9× faster per training step (poisson1d, batch 128: 360 vs 690 ms/step on
// SwiftShader in headless Chromium).
tf.env().set('WEBGPU_CPU_FORWARD', false);

/** Threads the active backend computes on: wasm's pthread count (1 when single-threaded), else 1. */
export function backendThreads(): number {
  return tf.getBackend() === 'wasm' ? getThreadsCount() : 1;
}
