import { describe, expect, it } from 'vitest';
import { StreamBudget } from './budget';

describe('StreamBudget', () => {
  it('spaces snapshots so that their time stays under the fraction of wall time', () => {
    let t = 0;
    const b = new StreamBudget(0.05, 10, () => t);
    let taken = 0;
    for (t = 0; t < 100_000; t += 7) {
      if (!b.due()) continue;
      t += 40; // a snapshot costing 40 ms
      b.charge(40);
      taken++;
    }
    expect(b.share).toBeLessThanOrEqual(0.05 + 40 / 100_000);
    expect(b.share).toBeGreaterThan(0.04);
    expect(taken).toBeGreaterThan(100);
  });

  it('allows the first snapshot at once and respects the minimum interval for cheap ones', () => {
    let t = 1000;
    const b = new StreamBudget(0.5, 250, () => t);
    expect(b.due()).toBe(true);
    b.charge(0);
    t += 100;
    expect(b.due()).toBe(false);
    t += 150;
    expect(b.due()).toBe(true);
    b.begin();
    expect(b.share).toBe(0);
  });

  it('never lets a snapshot go staler than maxStaleMs, nor take more than maxShare of the time', () => {
    let t = 0;
    // A 2 % budget and 2 s snapshots: the budget alone would wait 100 s between them.
    const b = new StreamBudget(0.02, 250, () => t, { maxStaleMs: 3000, maxShare: 0.25 });
    const at: number[] = [];
    for (t = 0; t < 120_000; t += 100) {
      if (!b.due()) continue;
      at.push(t);
      t += 2000;
      b.charge(2000);
    }
    const gaps = at.slice(1).map((x, i) => x - at[i]);
    // each gap counts from the end of the previous snapshot: 8 s (2 s / 0.25) apart, not 100 s
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2000 + 8000 + 100);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2000 + 8000);
    expect(b.share).toBeLessThanOrEqual(0.25);

    // cheap snapshots (100 ms) under a tiny budget: every 3 s
    const c = new StreamBudget(0.0001, 250, () => t, { maxStaleMs: 3000, maxShare: 0.25 });
    const start = t;
    const cheap: number[] = [];
    for (; t < start + 30_000; t += 50) {
      if (!c.due()) continue;
      cheap.push(t);
      t += 100;
      c.charge(100);
    }
    expect(cheap.length).toBeGreaterThanOrEqual(9);
    expect(cheap.slice(1).every((x, i) => x - cheap[i] <= 3100 + 50)).toBe(true);
  });
});
