/**
 * The typed message protocol between the UI thread and the training worker. Both sides switch
 * exhaustively over these unions; only `import type` crosses into the engine, so the UI bundle
 * never pulls in tfjs.
 */
import type { BackendId } from '../engine/backend';
import type { ConfigInput, ExperimentConfig } from '../engine/config';
import type { PdeId } from '../engine/pdes';

/** What the UI needs to know about a PDE to build its menus and plots (no tensors, no code). */
export interface PdeInfo {
  id: PdeId;
  label: string;
  equation: string;
  axes: string[];
  outputs: string[];
  terms: string[];
}

/** UI → worker. */
export type ToWorker =
  /** Pick a tfjs backend: `backends` first, then the rest of webgpu → webgl → wasm → cpu. */
  | { type: 'init'; backends?: BackendId[] }
  /** Train (resume when the config equals the current run's, otherwise begin a new run). */
  | { type: 'start'; config: ConfigInput }
  /** Stop after the current chunk of steps; the run stays and can resume. */
  | { type: 'pause' }
  /** Exactly one optimisation step, then a progress report and an evaluation. */
  | { type: 'step'; config: ConfigInput }
  /** Stop and forget the run (the next start begins from fresh weights). */
  | { type: 'reset' }
  /** Change the base learning rate of the current run. */
  | { type: 'setLr'; lr: number };

/** Worker → UI. */
export type FromWorker =
  /** The PDEs the engine knows, sent once before the backend is chosen. */
  | { type: 'catalog'; pdes: PdeInfo[] }
  | { type: 'ready'; backend: BackendId; reason: string }
  /** A new run began with this (resolved) config. */
  | { type: 'started'; config: ExperimentConfig; paramCount: number; terms: string[] }
  | { type: 'progress'; step: number; losses: Record<string, number>; loss: number; relL2?: number; stepsPerSec: number }
  /** The solution on the evaluation grid (row-major, first axis slowest); arrays are transferred. */
  | { type: 'evaluation'; step: number; relL2: number; pred: Float32Array; exact: Float32Array; ticks: number[][]; axes: string[]; outputs: string[] }
  | { type: 'error'; message: string }
  | { type: 'diverged'; message: string; step: number }
  /** Training is not running any more (paused, finished, diverged, reset or one step done). */
  | { type: 'stopped'; step: number; reason: 'paused' | 'finished' | 'diverged' | 'reset' | 'stepped' | 'error' };

/** Compile-time exhaustiveness check for switches over the unions above. */
export function assertNever(x: never): never {
  throw new Error(`unhandled message ${JSON.stringify(x)}`);
}
