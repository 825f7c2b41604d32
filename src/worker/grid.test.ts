import { describe, expect, it } from 'vitest';
import { spreadIndices, subsampleGrid } from './grid';

describe('display grid', () => {
  it('spreads indices evenly with both ends', () => {
    expect(spreadIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    expect(spreadIndices(11, 3)).toEqual([0, 5, 10]);
    expect(spreadIndices(512, 160)).toHaveLength(160);
    expect(spreadIndices(512, 160).at(-1)).toBe(511);
  });

  it('subsamples a 2-D grid of f(a, b) = 100a + b with two outputs', () => {
    const ta = [0, 1, 2, 3, 4];
    const tb = [0, 1, 2, 3, 4, 5, 6];
    const v = new Float32Array(ta.length * tb.length * 2);
    ta.forEach((a, i) =>
      tb.forEach((b, j) => {
        v[(i * tb.length + j) * 2] = 100 * a + b;
        v[(i * tb.length + j) * 2 + 1] = -b;
      }),
    );
    const s = subsampleGrid(v, [ta, tb], 2, 3);
    expect(s.ticks).toEqual([
      [0, 2, 4],
      [0, 3, 6],
    ]);
    expect(Array.from(s.values)).toEqual([0, -0, 3, -3, 6, -6, 200, -0, 203, -3, 206, -6, 400, -0, 403, -3, 406, -6]);
  });

  it('copies a small 1-D grid unchanged', () => {
    const v = Float32Array.from([1, 2, 3]);
    const s = subsampleGrid(v, [[0, 0.5, 1]], 1, 100);
    expect(s.values).toEqual(v);
    expect(s.values).not.toBe(v);
  });
});
