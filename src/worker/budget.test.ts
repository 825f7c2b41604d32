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
});
