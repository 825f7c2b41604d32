/**
 * Messages between the bench page and its worker, and the row the browser bench reports:
 * the engine's BenchRow plus where it ran.
 */
import type { BenchRow } from '../engine/bench/run-case';

/** Time one case (by name, from `benchCases`) on one backend, with no fallback. */
export interface BenchRequest {
  caseName: string;
  backend: 'webgpu' | 'webgl' | 'wasm';
  steps: number;
  runs: number;
  /** wasm threads asked for (1 = single-threaded); the row says how many it got. */
  threads: number;
}

/** A BenchRow measured in a browser. */
export interface BrowserBenchRow extends BenchRow {
  env: 'chromium';
  /** Where the work ran: "swiftshader" (software GPU) for the GPU backends when detected, "cpu" for wasm. */
  device: string;
  /** The adapter / renderer string the device label was read from. */
  adapter: string;
  /** Threads the backend computed on: wasm's thread count, 1 for the GPU backends' JS side. */
  threads: number;
  /** The training step runs in a dedicated Worker, as in the app. */
  thread: 'worker';
}

/** The worker's one reply per request. */
export type BenchReply = { type: 'row'; row: BrowserBenchRow } | { type: 'error'; message: string };
