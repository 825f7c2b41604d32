import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import '../node-backends';
import { resolveConfig } from '../config';
import { Trainer } from '../trainer';
import { countKernels, type KernelCount } from './kernel-count';

// Kernel counts are deterministic (unlike times), so they can be pinned: a change that adds
// kernels to the training step fails here.

// Measured at the commit that set them (see the README's Performance section); lower them when a change saves kernels.
const KERNELS_WASM = 209;
const NON_TRIVIAL_WASM = 98;
const DISPATCHES_WASM = 832;

describe('countKernels', () => {
  it('counts every kernel, and Identity, Reshape and same-dtype Cast as bookkeeping', async () => {
    const a = tf.tensor2d([
      [1, 2],
      [3, 4],
    ]);
    const k = await countKernels(() => {
      tf.tidy(() => {
        const b = tf.add(tf.mul(a, a), 1); // Multiply, Add
        tf.clone(b); // Identity
        tf.reshape(b, [4]); // Reshape
        tf.cast(b, 'float32'); // same-dtype Cast
        tf.cast(b, 'int32'); // a real Cast
      });
    });
    a.dispose();
    expect(k.kernels).toBe(6);
    expect(k.kernelsNonTrivial).toBe(3);
    expect(k.dispatches).toBe(6);
    expect(Object.fromEntries(k.byName)).toEqual({ Multiply: 1, Add: 1, Identity: 1, Reshape: 1, Cast: 2 });
  });

  it("leaves the backend's Cast kernel as it found it", async () => {
    const before = tf.getKernel('Cast', tf.getBackend());
    await countKernels(() => {});
    expect(tf.getKernel('Cast', tf.getBackend())?.kernelFunc).toBe(before?.kernelFunc);
  });
});

/** Kernels of one steady Burgers step (batch 1024, MLP 4×64 tanh, Adam) on `backend`. */
async function burgersStep(backend: 'wasm' | 'cpu'): Promise<KernelCount> {
  await tf.setBackend(backend);
  const t = new Trainer(
    resolveConfig({
      pde: 'burgers',
      batch: 1024,
      optimizer: 'adam',
      logEvery: 10,
      archOptions: { depth: 4, width: 64, activation: 'tanh' },
    }),
  );
  try {
    for (let i = 0; i < 2; i++) t.step();
    await t.checkpoint();
    const before = tf.memory().numTensors;
    const k = await countKernels(() => t.step());
    await t.checkpoint();
    expect(tf.memory().numTensors).toBe(before);
    return k;
  } finally {
    t.dispose();
  }
}

describe('kernels per training step (issue 14 targets: ≤ 250, ≤ 150 non-trivial)', () => {
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('burgers 1024 4×64 Adam on wasm stays under its pinned bound', async () => {
    const k = await burgersStep('wasm');
    expect(k.kernels).toBeLessThanOrEqual(KERNELS_WASM);
    expect(k.kernelsNonTrivial).toBeLessThanOrEqual(NON_TRIVIAL_WASM);
    // the fused kernels' own backend calls, counted honestly: what a GPU would dispatch
    expect(k.dispatches).toBeGreaterThan(k.kernels);
    expect(k.dispatches).toBeLessThanOrEqual(DISPATCHES_WASM);
  });
});
