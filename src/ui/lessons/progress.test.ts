import { describe, expect, it } from 'vitest';
import type { Lesson } from '../../engine/lessons';
import { advance, enter, memoryOf, needsLoad, openLesson, visibleRuns, type RunLike } from './progress';

const watch = { panel: 'loss' as const, text: '' };
const lesson: Lesson = {
  id: 't',
  title: 'T',
  goal: '',
  paper: { cite: '', url: '', finding: '' },
  steps: [
    {
      title: '1',
      todo: '',
      watch,
      experiment: { config: { pde: 'poisson1d' } },
      check: { until: '', report: '', test: ([a]) => (a && a.rows.length >= 2 ? { first: a.rows.length } : null) },
    },
    {
      title: '2',
      todo: '',
      watch,
      check: {
        until: '',
        report: '',
        test: ([a], m) => (a && typeof m.first === 'number' ? { second: m.first + a.rows.length } : null),
      },
    },
    {
      title: '3',
      todo: '',
      watch,
      experiment: { config: { pde: 'wave' } },
      check: { until: '', report: '', test: ([a]) => (a ? { third: 1 } : null) },
    },
  ],
};
const run = (version: number, n: number): RunLike => ({
  version,
  histograms: [],
  rows: Array.from({ length: n }, (_, i) => ({ step: i, loss: 1 })),
});

describe('lesson progress', () => {
  it('marks a step done with its values once the check is met, and keeps them', () => {
    let p = openLesson(lesson, 0, [null, null]);
    p = advance(p, [run(1, 1), null]);
    expect(p.values[0]).toBeNull();
    p = advance(p, [run(1, 3), null]);
    expect(p.values[0]).toEqual({ first: 3 });
    expect(advance(p, [run(1, 9), null])).toBe(p); // done steps do not change
  });

  it("lets later steps read earlier steps' values, on the same run", () => {
    let p = advance(openLesson(lesson, 0, []), [run(1, 2), null]);
    p = enter(p, 1, [run(1, 2), null]);
    expect(p.baseline).toBeNull();
    p = advance(p, [run(1, 5), null]);
    expect(p.values[1]).toEqual({ second: 7 });
    expect(memoryOf(p)).toEqual({ first: 2, second: 7 });
  });

  it('makes a step that sets an experiment wait for runs started after it was entered', () => {
    let p = enter(openLesson(lesson, 0, []), 2, [run(4, 50), null]);
    expect(p.baseline).toEqual([4, null]);
    expect(visibleRuns(p, [run(4, 50), null])).toEqual([null, null]);
    p = advance(p, [run(4, 60), null]);
    expect(p.values[2]).toBeNull();
    p = advance(p, [run(5, 1), null]);
    expect(p.values[2]).toEqual({ third: 1 });
  });

  it("loads an experiment when the step sets one or trains another step's", () => {
    expect(needsLoad(lesson, null, 1)).toBe(true);
    expect(needsLoad(lesson, 0, 1)).toBe(false);
    expect(needsLoad(lesson, 1, 2)).toBe(true);
    expect(needsLoad(lesson, 2, 1)).toBe(true);
    expect(enter(openLesson(lesson, 0, []), 7, []).step).toBe(2);
  });
});
