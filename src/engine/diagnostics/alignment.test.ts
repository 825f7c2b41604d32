import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { alignmentScore, alignmentScoreHost } from './alignment';

const dev = async (vs: number[][]) => {
  const ts = vs.map((v) => tf.tensor1d(v));
  const a = alignmentScore(ts);
  const [x] = await a.data();
  tf.dispose([...ts, a]);
  return x;
};

describe('gradient alignment score', () => {
  it('equals the cosine similarity for two vectors', async () => {
    const rng = createRng(9);
    for (let k = 0; k < 5; k++) {
      const u = Array.from({ length: 50 }, () => rng.normal());
      const v = Array.from({ length: 50 }, () => rng.normal() + 0.3 * u[0]);
      const dot = u.reduce((s, x, i) => s + x * v[i], 0);
      const cos = dot / Math.hypot(...u) / Math.hypot(...v);
      expect(await dev([u, v])).toBeCloseTo(cos, 5);
      expect(alignmentScoreHost([u, v])).toBeCloseTo(cos, 12);
    }
  });
  it('is 1 for identical (and positively scaled) vectors and −1 for a vector and its negative', async () => {
    expect(
      await dev([
        [1, 2, 3],
        [2, 4, 6],
        [0.1, 0.2, 0.3],
      ]),
    ).toBeCloseTo(1, 6);
    expect(
      await dev([
        [1, -2, 3],
        [-1, 2, -3],
      ]),
    ).toBeCloseTo(-1, 6);
  });
  it('gives 2/n − 1 for n orthonormal vectors', async () => {
    for (const n of [2, 3, 5]) {
      const vs = Array.from({ length: n }, (_, i) => Array.from({ length: 6 }, (_, j) => (i === j ? 3 : 0)));
      expect(await dev(vs)).toBeCloseTo(2 / n - 1, 6);
      expect(alignmentScoreHost(vs)).toBeCloseTo(2 / n - 1, 12);
    }
  });
  it('is undefined (NaN) when a vector is zero — no "−0.5" for an update that did not move', async () => {
    expect(
      await dev([
        [0, 0, 0],
        [1, 2, 3],
      ]),
    ).toBeNaN();
    expect(
      alignmentScoreHost([
        [1, 2, 3],
        [0, 0, 0],
      ]),
    ).toBeNaN();
    expect(
      await dev([
        [1e-6, 0, 0],
        [1, 0, 0],
      ]),
    ).toBeCloseTo(1, 5); // tiny but non-zero still has a direction
  });
});
