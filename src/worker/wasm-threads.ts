/**
 * Makes tfjs-backend-wasm's threaded build survive bundling. Its pthreads are classic workers
 * that run the Emscripten glue from a Blob tfjs writes as
 * `'var WasmBackendModuleThreadedSimd = ' + factory.toString()` (backend_wasm.js, `init`): the
 * source text of the factory function as the bundler left it. After Vite/Rolldown's CommonJS
 * wrapping and minification that text refers to names outside the function, so every pthread
 * died with "ReferenceError: e is not defined" and the backend never started.
 *
 * The fix gives the factory — the very function object tfjs's module holds, since both imports
 * resolve to the same module — a `toString` that returns the glue file as published (imported
 * `?raw`, a string the minifier cannot touch), evaluated to the same factory. The main thread
 * keeps running the bundled factory; the pthreads run the original text. Nothing is patched in
 * node_modules and no build setting changes.
 */
import * as glue from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js';
import glueSource from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js?raw';

type Factory = ((config: object) => Promise<unknown>) & { toString(): string };

const factory = ((glue as { default?: Factory }).default ?? glue) as unknown as Factory;

/** An expression that evaluates, in a pthread, to the factory the published glue defines. */
export const pthreadFactorySource = `(function () {\n${glueSource}\nreturn WasmBackendModuleThreadedSimd;\n})()`;

/** Whether the factory was found (a function) and now stringifies to the published glue. */
export const pthreadGlueFixed: boolean =
  typeof factory === 'function' && glueSource.includes('WasmBackendModuleThreadedSimd');

if (pthreadGlueFixed) factory.toString = () => pthreadFactorySource;
