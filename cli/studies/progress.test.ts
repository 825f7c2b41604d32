import { describe, expect, it } from 'vitest';
import { StudyProgress } from './progress';

describe('StudyProgress', () => {
  it('prints the run, the study share and the time left at the rate so far, at most every everyMs', () => {
    let t = 0;
    const lines: string[] = [];
    const p = new StudyProgress(4000, 10_000, { write: (l) => lines.push(l), now: () => t });
    p.begin();
    for (let s = 100; s <= 1000; s += 100) {
      t += 2000; // 50 steps/s
      p.step('M1', s, 1000, s === 1000);
    }
    expect(lines).toEqual([
      '[reproduce] M1 100/1000 · study 100/4000 (2.5 %) · 1 min 18 s left',
      '[reproduce] M1 600/1000 · study 600/4000 (15.0 %) · 1 min 08 s left',
      '[reproduce] M1 1000/1000 · study 1000/4000 (25.0 %) · 1 min 00 s left',
    ]);
    p.begin();
    t += 2000;
    p.step('M2', 100, 3000, true);
    expect(lines.at(-1)).toBe('[reproduce] M2 100/3000 · study 1100/4000 (27.5 %) · 58 s left');
  });
});
