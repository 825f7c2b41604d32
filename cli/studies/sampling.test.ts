import { describe, expect, it } from 'vitest';
import { shockShare } from './sampling';

describe('sampling study', () => {
  it('counts the late points within |x| < 0.1 of the shock, ignoring t ≤ 0.3', () => {
    // (t, x) rows: two late at the shock, one late away, one early at the shock
    const x = Float32Array.from([0.5, 0.05, 0.9, -0.09, 0.6, 0.5, 0.1, 0]);
    expect(shockShare({ n: 4, x, aux: [] })).toBeCloseTo(2 / 3, 12);
  });
});
