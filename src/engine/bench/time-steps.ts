/**
 * The bench's timing loop, shared by the Node CLI (`npm run bench`) and the browser bench page
 * (`npm run bench -- --browser`), so both measure exactly the same thing. DOM-free.
 */
import * as tf from '@tensorflow/tfjs';

/** The part of a Trainer the timing loop drives. */
export interface Steppable {
  /** Queue one training step (no device read). */
  step(): void;
  /** The optimizer's work between steps (as the training loop does it). */
  settle?(): Promise<void>;
  /** Read from the device, which waits for all queued work to finish. */
  checkpoint(): Promise<unknown>;
}

/** How long to time: `warmup` untimed steps, then `runs` runs of `steps` steps each. */
export interface TimingPlan {
  steps: number;
  runs: number;
  /** Untimed steps first (kernel compilation, shader caches, first allocations). Default 3. */
  warmup?: number;
}

/** What one timed case measured. */
export interface StepTiming {
  /** Median over the runs of (run wall time / steps), in milliseconds. */
  msPerStep: number;
  /** 1000 / msPerStep. */
  stepsPerSec: number;
  /** ms/step of every run, in order. */
  runMs: number[];
  /** tf.memory().numTensors after warm-up and after the last run: a leak shows as a difference. */
  tensorsBefore: number;
  tensorsAfter: number;
}

/** The median of `xs` (the upper one of the middle two for an even count); NaN when empty. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Time `trainer`: warm up, then `runs` runs of `steps` steps, each closed by a checkpoint so
 * the queued device work is inside the run's wall time (tfjs ops are asynchronous on
 * WebGPU/WebGL). Wall time from `performance.now()` (Node and browsers alike).
 */
export async function timeSteps(trainer: Steppable, plan: TimingPlan): Promise<StepTiming> {
  if (!(plan.steps >= 1 && plan.runs >= 1))
    throw new Error(`timeSteps: steps and runs must be ≥ 1 (got ${plan.steps}, ${plan.runs})`);
  const step = async () => {
    await trainer.settle?.();
    trainer.step();
  };
  for (let i = 0; i < (plan.warmup ?? 3); i++) await step();
  await trainer.checkpoint();
  const tensorsBefore = tf.memory().numTensors;
  const runMs: number[] = [];
  for (let r = 0; r < plan.runs; r++) {
    const t0 = performance.now();
    for (let i = 0; i < plan.steps; i++) await step();
    await trainer.checkpoint();
    runMs.push((performance.now() - t0) / plan.steps);
  }
  const tensorsAfter = tf.memory().numTensors;
  const msPerStep = median(runMs);
  return { msPerStep, stepsPerSec: 1000 / msPerStep, runMs, tensorsBefore, tensorsAfter };
}
