/**
 * One bench case on the current tfjs backend: build the case's Trainer through resolveConfig,
 * time it with `timeSteps`, dispose it, and return the row `npm run bench` prints. Node and
 * the browser bench page both call this; they differ only in how the backend was started.
 */
import * as tf from '@tensorflow/tfjs';
import { resolveConfig } from '../config';
import { Trainer } from '../trainer';
import type { BenchCase } from './cases';
import { countKernels } from './kernel-count';
import { timeSteps } from './time-steps';

/** One bench result (docs/ARCHITECTURE.md contract: case, backend, n, width, depth, optimizer, msPerStep). */
export interface BenchRow {
  case: string;
  backend: string;
  pde: string;
  /** Collocation points per loss term per step. */
  n: number;
  width: number;
  depth: number;
  optimizer: string;
  /** Median over runs of wall ms per training step. */
  msPerStep: number;
  stepsPerSec: number;
  /** Trainable scalars. */
  params: number;
  tensorsBefore: number;
  tensorsAfter: number;
  /** Kernels one steady training step launches (`countKernels`), and those doing arithmetic. */
  kernels: number;
  kernelsNonTrivial: number;
  /** Backend kernels that step ran, fused kernels counted by what they called (GPU: dispatches). */
  dispatches: number;
  runs: number;
  stepsPerRun: number;
}

/**
 * Time `c` on the backend tfjs is using now: `runs` runs of `steps` steps after one untimed
 * run of `steps` steps (V8 optimises the JS kernels and tfjs's bookkeeping only after some
 * steps: with 3 warm-up steps, 20-step runs of burgers 3×32 measured 16–17 ms/step against 12.5
 * at steady state); then count the kernels of one more step.
 */
export async function runCase(c: BenchCase, plan: { steps: number; runs: number }): Promise<BenchRow> {
  const trainer = new Trainer(
    resolveConfig({
      pde: c.pde,
      batch: c.batch,
      optimizer: c.optimizer,
      archOptions: { depth: c.depth, width: c.width, activation: 'tanh' },
      logEvery: plan.steps,
    }),
  );
  try {
    const t = await timeSteps(trainer, { ...plan, warmup: Math.max(3, plan.steps) });
    await trainer.settle();
    const k = await countKernels(() => trainer.step());
    await trainer.checkpoint();
    return {
      case: c.name,
      backend: tf.getBackend(),
      pde: c.pde,
      n: c.batch,
      width: c.width,
      depth: c.depth,
      optimizer: c.optimizer,
      msPerStep: Number(t.msPerStep.toFixed(3)),
      stepsPerSec: Number(t.stepsPerSec.toPrecision(3)),
      params: trainer.paramCount,
      tensorsBefore: t.tensorsBefore,
      tensorsAfter: t.tensorsAfter,
      kernels: k.kernels,
      kernelsNonTrivial: k.kernelsNonTrivial,
      dispatches: k.dispatches,
      runs: plan.runs,
      stepsPerRun: plan.steps,
    };
  } finally {
    trainer.dispose();
  }
}
