import { describe, expect, it } from 'vitest';
import { collocationFigure } from './collocationFigure';
import { landscapeFigure } from './landscapeFigure';

describe('collocation and landscape figures', () => {
  it('scatters each term’s points over the x–t domain, and 1-D terms on their own rows', () => {
    const c = {
      step: 3,
      terms: ['res', 'bc'],
      points: [Float32Array.from([0.1, -0.5, 0.2, 0.5, 0.9, 0]), Float32Array.from([0.3, 1])],
    };
    const f = collocationFigure(c, ['t', 'x'], { t: [0, 1], x: [-1, 1] })!;
    expect(f.data.map((d) => (d as { name: string }).name)).toEqual(['res (3)', 'bc (1)']);
    expect((f.data[0] as { x: number[] }).x).toEqual([0.1, 0.2, 0.9].map(Math.fround));
    expect((f.data[0] as { y: number[] }).y).toEqual([-0.5, 0.5, 0]);
    expect((f.layout.yaxis as { range: number[] }).range).toEqual([-1.04, 1.04]);
    const one = collocationFigure(
      { step: 1, terms: ['res', 'bc'], points: [Float32Array.from([0.5, 0.25]), Float32Array.from([0, 1])] },
      ['x'],
      { x: [0, 1] },
    )!;
    expect((one.data[1] as { y: number[] }).y).toEqual([1, 1]);
    expect(collocationFigure(undefined, ['x'], { x: [0, 1] })).toBeNull();
  });

  it('draws both 1-D slices and the plane as log10 loss, grid index i along α', () => {
    const l = {
      step: 5,
      base: 1,
      alphas: [-1, 0, 1],
      alongTop: [3, 1, 3],
      alongBottom: [0.5, 1, 0.5],
      lambdaTop: 4,
      lambdaBottom: -1,
      solver: 'dense',
      grid: { offsets: [-1, 0, 1], loss: [1, 10, 100, 1, 1, 1, 1, 1, 1000] },
    };
    const f = landscapeFigure(l)!;
    const z = (f.data[2] as { z: number[][] }).z;
    expect(z[0]).toEqual([0, 0, 0]); // β = −1 row: loss[i·3 + 0]
    expect(z[2]).toEqual([2, 0, 3]);
    expect((f.data[1] as { name: string }).name).toContain('λ = -1.00');
    expect(landscapeFigure(null)).toBeNull();
  });
});
