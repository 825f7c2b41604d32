import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { cloneContainer, containerFromHost, containerToHost, layoutProblems, mapLeaves } from './container';

type Sample = [
  { count: tf.Scalar; mu: tf.Tensor[] },
  { kind: string; step: number; params: { q: tf.Tensor; mask: tf.Tensor }[] },
  Record<string, never>,
];

const sample = (): Sample => [
  {
    count: tf.scalar(3),
    mu: [
      tf.tensor1d([1, 2]),
      tf.tensor2d([
        [1, 2],
        [3, 4],
      ]),
    ],
  },
  { kind: 'soap', step: 7, params: [{ q: tf.tensor1d([5, 6], 'int32'), mask: tf.tensor1d([1, 0], 'bool') }] },
  {},
];

describe('optimizer state containers', () => {
  it('walks leaves in order with their paths', () => {
    const paths: string[] = [];
    mapLeaves({ a: [1, { b: 'x' }], c: [], d: {} }, (_, p) => paths.push(p));
    expect(paths).toEqual(['.a[0]', '.a[1].b', '.c', '.d']);
  });

  it('round-trips through the host and a structured clone, values and dtypes exact, buffers independent', async () => {
    const state = sample();
    const host = structuredClone(await containerToHost(state));
    expect(host).toEqual([
      {
        count: { shape: [], dtype: 'float32', data: new Float32Array([3]) },
        mu: [expect.anything(), { shape: [2, 2], dtype: 'float32', data: new Float32Array([1, 2, 3, 4]) }],
      },
      {
        kind: 'soap',
        step: 7,
        params: [
          {
            q: { shape: [2], dtype: 'int32', data: new Int32Array([5, 6]) },
            mask: { shape: [2], dtype: 'bool', data: new Uint8Array([1, 0]) },
          },
        ],
      },
      {},
    ]);
    const n = tf.memory().numTensors;
    const back = containerFromHost(host, state) as Sample;
    expect(tf.memory().numTensors).toBe(n + 5);
    expect(await back[0].mu[1].array()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(back[1].params[0].q.dtype).toBe('int32');
    expect(back[1]).toMatchObject({ kind: 'soap', step: 7 });
    const copy = cloneContainer(state) as Sample;
    expect(copy[0].count).not.toBe(state[0].count);
    expect(await copy[0].count.data()).toEqual(new Float32Array([3]));
    tf.dispose([state, back, copy] as tf.TensorContainer);
  });

  it('lists every difference of layout and refuses to build a state that does not fit', async () => {
    const state = sample();
    const host = (await containerToHost(state)) as Record<string, never>[];
    const wrong = structuredClone(host) as unknown as Sample;
    (wrong[0].mu[1] as unknown as { shape: number[] }).shape = [4, 1];
    (wrong[1] as Record<string, unknown>).kind = 'adam';
    delete (wrong[0] as Partial<(typeof wrong)[0]>).count;
    (wrong[2] as Record<string, unknown>).extra = 1;
    expect(layoutProblems(wrong, state)).toEqual([
      '[0].mu[1] is float32[4,1], expected float32[2,2]',
      '[1].kind is "adam", expected "soap"',
      'unexpected [2].extra (number)',
      'missing [0].count (float32[])',
      'missing [2] ({})', // it is no longer empty
    ]);
    const short = structuredClone(host) as unknown as { mu: { data: Float32Array }[] }[];
    short[0].mu[0].data = new Float32Array(3);
    expect(layoutProblems(short, state)).toEqual(['[0].mu[0] has 3 values, expected 2']);
    const n = tf.memory().numTensors;
    expect(() => containerFromHost(wrong as never, state, 'optimizer state')).toThrow(
      /^optimizer state does not fit: \[0\]\.mu\[1\] is float32\[4,1\]/,
    );
    expect(tf.memory().numTensors).toBe(n);
    tf.dispose(state as tf.TensorContainer);
  });
});
