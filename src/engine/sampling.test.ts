import { describe, expect, it } from 'vitest';
import { pdes } from './pdes';
import { createRng } from './rng';
import { evaluationGrid, productGrid, relativeL2, sampleTerm } from './sampling';

describe('collocation sampling', () => {
  it('puts boundary points on the faces, slice points on the slice, interior points inside', () => {
    const kg = pdes.klein_gordon;
    const rng = createRng(0);
    const bc = sampleTerm(kg, 'bc', { gamma: 1 }, rng, 400);
    let left = 0;
    for (let i = 0; i < bc.n; i++) {
      const [t, x] = [bc.x[2 * i], bc.x[2 * i + 1]];
      expect(x === 0 || x === 1).toBe(true);
      expect(t >= 0 && t <= 1).toBe(true);
      if (x === 0) left++;
      // the aux column is the exact solution at the point
      expect(bc.aux[0][i]).toBeCloseTo(kg.exact!([t, x], { gamma: 1 })[0], 5);
    }
    expect(left).toBeGreaterThan(150); // both faces used, roughly evenly
    expect(left).toBeLessThan(250);
    const ic = sampleTerm(kg, 'ic', { gamma: 1 }, rng, 50);
    for (let i = 0; i < ic.n; i++) expect(ic.x[2 * i]).toBe(0);
    const hz = sampleTerm(pdes.helmholtz, 'res', { a1: 1, a2: 4, k: 1 }, rng, 1000);
    for (const v of hz.x) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });
  it('builds the evaluation grid row-major with the first axis slowest', () => {
    const g = productGrid([
      [0, 1],
      [10, 20, 30],
    ]);
    expect(g.n).toBe(6);
    expect(Array.from(g.x)).toEqual([0, 10, 0, 20, 0, 30, 1, 10, 1, 20, 1, 30]);
    const e = evaluationGrid(pdes.poisson1d);
    expect(e.n).toBe(256);
    expect(e.ticks[0][0]).toBe(0);
    expect(e.ticks[0][255]).toBe(1);
  });
  it('computes relative L2', () => {
    expect(relativeL2([1, 2, 2], [1, 2, 2])).toBe(0);
    expect(relativeL2([0, 0], [3, 4])).toBe(1);
    expect(relativeL2([3.3, 4.4], [3, 4])).toBeCloseTo(0.1, 12);
  });
});
