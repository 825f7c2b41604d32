import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../node-backends';
import { resolveConfig } from '../config';
import { createRng } from '../rng';
import { Trainer } from '../trainer';

/** The same computation on cpu (tfjs's reference kernels) and on wasm (ours where replaced). */
async function onBoth<T>(f: () => Promise<T>): Promise<{ cpu: T; wasm: T }> {
  await tf.setBackend('cpu');
  const cpu = await f();
  await tf.setBackend('wasm');
  const wasm = await f();
  return { cpu, wasm };
}

describe('wasm kernels registered over the stock ones', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });
  const rng = createRng(3);
  const data = Float32Array.from({ length: 7 * 5 * 3 }, () => rng.normal());

  it("Slice and SplitV give the cpu backend's result for 1-D, 2-D (rows, columns, blocks) and 3-D inputs", async () => {
    const { cpu, wasm } = await onBoth(async () => {
      const a2 = tf.tensor2d(data.subarray(0, 35), [7, 5]);
      const a1 = tf.tensor1d(data.subarray(0, 9));
      const a3 = tf.tensor3d(data, [7, 5, 3]);
      const outs = [
        tf.slice(a2, [2, 0], [3, 5]),
        tf.slice(a2, [1, 2], [4, 2]),
        tf.slice(a2, [0, 4], [7, 1]),
        tf.slice(a2, [6, 0], [-1, -1]),
        tf.slice(a1, [3], [4]),
        tf.slice(a3, [1, 1, 1], [2, 3, 2]),
        ...tf.split(a2, [2, 5], 0),
        ...tf.split(a2, [1, 3, 1], 1),
        ...tf.split(a3, 5, 1),
      ];
      const values = await Promise.all(outs.map(async (t) => ({ shape: t.shape, v: Array.from(await t.data()) })));
      tf.dispose([a1, a2, a3, ...outs]);
      return values;
    });
    expect(wasm).toEqual(cpu);
  });

  it("a slice's gradient (Pad) and a split's gradient (Concat) match cpu", async () => {
    const { cpu, wasm } = await onBoth(async () => {
      const a = tf.tensor2d(data.subarray(0, 35), [7, 5]);
      const w = tf.tensor2d(data.subarray(35, 70), [7, 5]);
      const g = tf.grad((x: tf.Tensor) => {
        const [p, q] = tf.split(x, [3, 4], 0);
        return tf.add(
          tf.sum(tf.mul(tf.square(p), tf.slice(w, [0, 0], [3, 5]))),
          tf.sum(tf.slice(tf.mul(q, q), [1, 1], [2, 3])),
        );
      })(a);
      const v = Array.from(await g.data());
      tf.dispose([a, w, g]);
      return v;
    });
    wasm.forEach((v, i) => expect(v).toBeCloseTo(cpu[i], 5));
  });

  it("Identity and same-dtype Cast share the buffer yet survive the source's disposal, without leaking", async () => {
    const before = tf.memory();
    const a = tf.tensor2d([
      [1, 2],
      [3, 4],
    ]);
    const c = tf.clone(a);
    const d = tf.cast(a, 'float32');
    const i = tf.cast(a, 'int32');
    a.dispose();
    expect(Array.from(await c.data())).toEqual([1, 2, 3, 4]);
    expect(Array.from(await d.data())).toEqual([1, 2, 3, 4]);
    expect(i.dtype).toBe('int32');
    expect(Array.from(await i.data())).toEqual([1, 2, 3, 4]);
    tf.dispose([c, d, i]);
    expect(tf.memory().numTensors).toBe(before.numTensors);
    expect(tf.memory().numBytes).toBe(before.numBytes);
  });

  it(
    'training steps (jets, explicit-transpose matMul gradient, ' + 'bias gradient by matMul, optimizer) match cpu',
    async () => {
      const config = resolveConfig({
        pde: 'burgers',
        optimizer: 'sgd',
        lr: 0.05,
        batch: 64,
        archOptions: { depth: 2, width: 12, activation: 'tanh' },
      });
      const { cpu, wasm } = await onBoth(async () => {
        const t = new Trainer(config);
        const w0 = await Promise.all(t.net.params.map((p) => p.variable.data()));
        for (let s = 0; s < 3; s++) t.step();
        const w3 = await Promise.all(t.net.params.map((p) => p.variable.data()));
        t.dispose();
        return w3.map((w, k) => Array.from(w, (v, j) => v - w0[k][j])); // lr × Σ gradients
      });
      cpu.forEach((delta, k) => {
        const scale = Math.max(...delta.map(Math.abs));
        expect(scale).toBeGreaterThan(0);
        delta.forEach((v, j) => expect(Math.abs(wasm[k][j] - v) / scale, `param ${k}[${j}]`).toBeLessThan(1e-3));
      });
    },
  );
});

describe('row kernels of the wasm dense backward pass (wasm-rows.ts)', () => {
  const rng = createRng(11);
  const matrix = (r: number, c: number) =>
    tf.tensor2d(
      Float32Array.from({ length: r * c }, () => rng.normal()),
      [r, c],
    );

  it('Transpose, PinnSumRows and PinnStackRows (both layouts, ± ones column) match tf ops on cpu', async () => {
    const parts = [matrix(13, 5), matrix(1, 5), matrix(9, 5)];
    const big = matrix(37, 11);
    const expected = async () => {
      const stacked = tf.concat(parts);
      const onesCol = tf.concat([tf.ones([13, 1]), tf.zeros([10, 1])]);
      const withOnes = tf.concat([stacked, onesCol], 1);
      const outs = [tf.transpose(big), tf.sum(big, 0, true), withOnes, tf.transpose(withOnes), tf.transpose(stacked)];
      const v = await Promise.all(outs.map(async (t) => ({ shape: t.shape, v: Array.from(await t.data()) })));
      tf.dispose([stacked, onesCol, withOnes, ...outs]);
      return v;
    };
    await tf.setBackend('cpu');
    const cpu = await expected();
    await tf.setBackend('wasm');
    const run = (name: string, inputs: tf.Tensor[], attrs: object) =>
      tf.engine().runKernel(name, inputs as never, attrs as never) as tf.Tensor;
    const before = tf.memory().numTensors;
    const outs = [
      tf.transpose(big),
      run('PinnSumRows', { x: big } as never, {}),
      run('PinnStackRows', parts, { ones: 13, transpose: false }),
      run('PinnStackRows', parts, { ones: 13, transpose: true }),
      run('PinnStackRows', parts, { ones: -1, transpose: true }),
    ];
    const wasm = await Promise.all(outs.map(async (t) => ({ shape: t.shape, v: Array.from(await t.data()) })));
    tf.dispose(outs);
    expect(tf.memory().numTensors).toBe(before);
    wasm.forEach((w, i) => {
      expect(w.shape).toEqual(cpu[i].shape);
      w.v.forEach((v, j) => expect(v).toBeCloseTo(cpu[i].v[j], 4));
    });
  });
});
