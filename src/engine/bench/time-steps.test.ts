import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { BenchCase } from './cases';
import { runCase } from './run-case';
import { median, timeSteps, type Steppable } from './time-steps';

// Speed is measured by `npm run bench`, never asserted here: these tests check what is counted.

describe('median', () => {
  it('is the middle value, the upper middle for an even count, NaN for none', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(3);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it('leaves its input in order', () => {
    const xs = [3, 1, 2];
    median(xs);
    expect(xs).toEqual([3, 1, 2]);
  });
});

/** A stand-in trainer that counts calls and leaks `leak` tensors per step. */
function fake(leak: number): Steppable & { steps: number; checkpoints: number; kept: tf.Tensor[] } {
  const f = {
    steps: 0,
    checkpoints: 0,
    kept: [] as tf.Tensor[],
    step: () => {
      f.steps++;
      for (let i = 0; i < leak; i++) f.kept.push(tf.scalar(i));
    },
    checkpoint: async () => {
      f.checkpoints++;
    },
  };
  return f;
}

describe('timeSteps', () => {
  it('warms up, then times `runs` runs of `steps` steps, each closed by one checkpoint', async () => {
    const f = fake(0);
    const t = await timeSteps(f, { steps: 4, runs: 3, warmup: 2 });
    expect(f.steps).toBe(2 + 3 * 4);
    expect(f.checkpoints).toBe(1 + 3);
    expect(t.runMs).toHaveLength(3);
    expect(t.msPerStep).toBe(median(t.runMs));
    expect(t.stepsPerSec).toBeCloseTo(1000 / t.msPerStep, 9);
  });

  it('counts tensors after warm-up and after the last run, so a leak shows', async () => {
    const f = fake(1);
    const t = await timeSteps(f, { steps: 5, runs: 2 });
    expect(t.tensorsAfter - t.tensorsBefore).toBe(2 * 5);
    tf.dispose(f.kept);
  });

  it('refuses an empty plan', async () => {
    await expect(timeSteps(fake(0), { steps: 0, runs: 1 })).rejects.toThrow(/≥ 1/);
  });
});

describe('runCase', () => {
  it('times a tiny Burgers case on cpu: the row names it, counts its parameters, and steps leak nothing', async () => {
    const c: BenchCase = {
      name: 'tiny',
      pde: 'burgers',
      batch: 16,
      depth: 2,
      width: 8,
      optimizer: 'adam',
      steps: 2,
      browserSteps: 2,
      peer: false,
    };
    const row = await runCase(c, { steps: 2, runs: 3 });
    expect(row).toMatchObject({
      case: 'tiny',
      backend: 'cpu',
      pde: 'burgers',
      n: 16,
      width: 8,
      depth: 2,
      optimizer: 'adam',
      runs: 3,
      stepsPerRun: 2,
    });
    // (x, t) → 8 → 8 → u: (2·8 + 8) + (8·8 + 8) + (8 + 1) weights and biases
    expect(row.params).toBe(105);
    expect(row.tensorsAfter).toBe(row.tensorsBefore);
    expect(row.msPerStep).toBeGreaterThan(0);
  });
});
