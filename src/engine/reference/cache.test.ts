import { describe, expect, it } from 'vitest';
import { referenceSolution } from './cache';

describe('referenceSolution cache', () => {
  it(
    'solves once per parameter set (defaults filled, order and foreign keys ignored) ' + 'and distinguishes values',
    async () => {
      const a = referenceSolution('burgers', { nu: 0.05 });
      expect(referenceSolution('burgers', { nu: 0.05, unrelated: 1 })).toBe(a);
      const b = referenceSolution('burgers', { nu: 0.06 });
      expect(b).not.toBe(a);
      const [ra, rb] = await Promise.all([a, b]);
      expect(ra.values.length).toBe(201 * 512);
      expect(ra.ticks.map((t) => t.length)).toEqual([201, 512]);
      let d = 0;
      ra.values.forEach((v, i) => (d = Math.max(d, Math.abs(v - rb.values[i]))));
      expect(d).toBeGreaterThan(1e-3);
    },
  );
  it('rejects parameter values outside their range, naming the range', async () => {
    await expect(referenceSolution('kdv', { delta: 0.5 })).rejects.toThrow(/delta = 0.5 is outside \[0.01, 0.05\]/);
  });
});
