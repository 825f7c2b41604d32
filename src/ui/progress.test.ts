import { describe, expect, it } from 'vitest';
import { addSample, formatDuration, secondsLeft, stepRate } from './progress';

describe('training progress', () => {
  it('measures the step rate over a sliding window and predicts the time left', () => {
    let s = addSample([], { ms: 0, step: 0 });
    expect(stepRate(s)).toBeNull();
    for (let t = 1000; t <= 30_000; t += 1000) s = addSample(s, { ms: t, step: t / 100 }); // 10 steps/s
    expect(s[0].ms).toBe(10_000); // 20 s window
    expect(stepRate(s)).toBeCloseTo(10, 10);
    expect(secondsLeft(300, 1000, stepRate(s))).toBeCloseTo(70, 10);
    // slower now: 2 steps/s for 20 s replaces the old rate
    for (let t = 31_000; t <= 50_000; t += 1000) s = addSample(s, { ms: t, step: 300 + (t - 30_000) / 500 });
    expect(stepRate(s)).toBeCloseTo(2, 1);
    expect(secondsLeft(1000, 1000, 2)).toBe(0);
    expect(secondsLeft(0, 10, null)).toBeNull();
  });

  it('forgets readings after a rewind (a run that went back to its last good step)', () => {
    const s = addSample(
      [
        { ms: 0, step: 100 },
        { ms: 1000, step: 110 },
      ],
      { ms: 2000, step: 50 },
    );
    expect(s).toEqual([{ ms: 2000, step: 50 }]);
  });

  it('formats durations', () => {
    expect(formatDuration(44.6)).toBe('45 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
  });
});
