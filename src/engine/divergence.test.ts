import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { resolveConfig, type ConfigInput } from './config';
import { trainFor } from './loop';
import { hostEigenbasis, hostRefresh } from './optim/eigenbasis';
import { DivergenceError, Trainer } from './trainer';

const small = (over: ConfigInput) => resolveConfig({ batch: 32, archOptions: { depth: 2, width: 16 }, ...over });

/** Train until the error, returning it and the weights the trainer holds afterwards. */
async function diverge(config: ConfigInput, steps: number) {
  const t = new Trainer(small(config));
  const start = t.net.params.map((p) => Array.from(p.variable.dataSync()));
  let error: unknown;
  try {
    await trainFor(t, steps);
  } catch (e) {
    error = e;
  }
  const after = t.net.params.map((p) => Array.from(p.variable.dataSync()));
  const step = t.stepCount;
  t.dispose();
  return { error, start, after, step };
}

describe('every divergence path ends in a DivergenceError with the last good weights', () => {
  it('L-BFGS starting between log steps from diverged weights (was: "lbfgs: the loss at x0 is Infinity")', async () => {
    const { error, start, after, step } = await diverge(
      { optimizer: 'sgd', lr: 10, logEvery: 1000, lbfgs: { from: 40 } },
      60,
    );
    expect(error).toBeInstanceOf(DivergenceError);
    expect((error as Error).message).toMatch(/diverged at step 40 .*weights restored to step 0/);
    expect(step).toBe(0);
    expect(after).toEqual(start); // the last good weights: the initial ones
    expect(after.flat().every(Number.isFinite)).toBe(true);
  });

  it('SOAP with the host eigensolver on NaN gradients (was: "symEig: QR iteration did not converge")', async () => {
    const before = tf.memory().numTensors;
    // sqrt of a negative number: NaN residuals, so NaN gradients from the first step on
    const custom = {
      axes: ['x'],
      domain: { x: [0, 1] },
      residual: 'u_xx - sqrt(u - 1000)',
      bcs: [{ kind: 'dirichlet', axis: 'x', value: '0' }],
    };
    const { error, after, start } = await diverge(
      { pde: 'custom', custom, optimizer: 'soap', optimizerOptions: { solver: 'host' }, logEvery: 5 },
      20,
    );
    expect(error).toBeInstanceOf(DivergenceError);
    expect((error as Error).message).toMatch(/diverged at step 5 .*weights restored to step 0/);
    expect(after).toEqual(start);
    expect(after.flat().every(Number.isFinite)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the host eigensolver and refresh return the identity / the old basis on NaN or Inf input', () => {
    const nan = Float64Array.from([1, NaN, NaN, 1]);
    expect(Array.from(hostEigenbasis(nan, 2))).toEqual([1, 0, 0, 1]);
    const q = Float64Array.from([0, 1, 1, 0]);
    expect(hostRefresh(Float64Array.from([Infinity, 0, 0, 1]), q, 2)).toEqual({ q, perm: [0, 1] });
    expect(Array.from(hostRefresh(Float64Array.from([2, 0, 0, 1]), Float64Array.from([NaN, 0, 0, 1]), 2).q)).toEqual([
      1, 0, 0, 1,
    ]);
    // finite input still gets the exact eigenbasis (diag(1, 3): eigenvalue 3 first)
    const v = hostEigenbasis(Float64Array.from([1, 0, 0, 3]), 2);
    expect(Math.abs(v[1])).toBeCloseTo(1, 12);
    expect(Math.abs(v[2])).toBeCloseTo(1, 12);
  });
});
