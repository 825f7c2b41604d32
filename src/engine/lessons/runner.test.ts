import { describe, expect, it } from 'vitest';
import { layerGradientRatio, lastRowWith, minOf, firstRowFrom } from './measure';
import { checkStep, experimentStep, placeholders, reportParts, stepExperiment } from './runner';
import type { Lesson, RunData } from './types';

const lesson: Lesson = {
  id: 't',
  title: 'T',
  goal: 'g',
  paper: { cite: 'c', url: 'https://x', finding: 'f' },
  steps: [
    {
      title: '1',
      experiment: { config: { pde: 'poisson1d', archOptions: { depth: 2, width: 8 }, batch: 16 } },
      todo: '',
      watch: { panel: 'loss', text: '' },
    },
    {
      title: '2',
      experiment: { config: { archOptions: { width: 4 } }, compare: { optimizer: 'soap' } },
      todo: '',
      watch: { panel: 'loss', text: '' },
    },
    {
      title: '3',
      experiment: { compare: { lr: 0.01 } },
      todo: '',
      watch: { panel: 'loss', text: '' },
      check: {
        until: 'x',
        report: '',
        test: ([a]) => {
          if (!a) throw new Error('no run');
          return a.rows.length > 1 ? { n: a.rows.length } : null;
        },
      },
    },
    { title: '4', todo: '', watch: { panel: 'loss', text: '' } },
    {
      title: '5',
      experiment: { compare: null, config: { pde: 'wave' } },
      todo: '',
      watch: { panel: 'loss', text: '' },
    },
  ],
};

describe('stepExperiment', () => {
  it('accumulates the overrides of every step up to k, records merged key by key', () => {
    expect(stepExperiment(lesson, 0)).toEqual({
      config: { pde: 'poisson1d', archOptions: { depth: 2, width: 8 }, batch: 16 },
      compare: null,
    });
    expect(stepExperiment(lesson, 1)).toEqual({
      config: { pde: 'poisson1d', archOptions: { depth: 2, width: 4 }, batch: 16 },
      compare: { optimizer: 'soap' },
    });
    expect(stepExperiment(lesson, 3)).toEqual({
      config: { pde: 'poisson1d', archOptions: { depth: 2, width: 4 }, batch: 16 },
      compare: { optimizer: 'soap', lr: 0.01 },
    });
  });
  it("turns compare off with compare: null, and a new pde drops the old pde's records", () => {
    const e = stepExperiment(lesson, 4);
    expect(e.compare).toBeNull();
    expect(e.config.pde).toBe('wave');
  });
  it('refuses a step that does not exist, naming the range', () => {
    expect(() => stepExperiment(lesson, 5)).toThrow('t: no step 6 (has 1–5)');
    expect(() => stepExperiment(lesson, -1)).toThrow(RangeError);
  });
  it('finds the step whose experiment a step trains', () => {
    expect([0, 1, 2, 3, 4].map((k) => experimentStep(lesson, k))).toEqual([0, 1, 2, 2, 4]);
  });
});

describe('checkStep', () => {
  const run = (n: number): RunData => ({
    rows: Array.from({ length: n }, (_, i) => ({ step: i * 10, loss: 1 })),
    histograms: [],
  });
  it("is done at once without a check, and reports the check's values once met", () => {
    expect(checkStep(lesson, 0, [null], {})).toEqual({});
    expect(checkStep(lesson, 2, [run(1)], {})).toBeNull();
    expect(checkStep(lesson, 2, [run(3)], {})).toEqual({ n: 3 });
  });
  it('treats a check that throws as not met', () => {
    expect(checkStep(lesson, 2, [null], {})).toBeNull();
  });
});

describe('reports', () => {
  it('splits a template into literal text and measured values, in order', () => {
    expect(placeholders('a {x} b {y_2}{x}')).toEqual(['x', 'y_2', 'x']);
    expect(reportParts('ratio {r}× at step {s}.', { r: 118.2, s: 500 })).toEqual([
      { text: 'ratio ' },
      { key: 'r', value: 118.2 },
      { text: '× at step ' },
      { key: 's', value: 500 },
      { text: '.' },
    ]);
    expect(reportParts('{w} only', {})).toEqual([{ key: 'w', value: undefined }, { text: ' only' }]);
  });
});

describe('measure', () => {
  const a: RunData = {
    rows: [
      { step: 10, loss: 3 },
      { step: 20, loss: 2, relL2: 0.5 },
      { step: 30, loss: NaN },
      { step: 40, loss: 4 },
    ],
    histograms: [
      {
        step: 50,
        layers: [{ layer: 'layer0', terms: { res: { meanAbs: 2.4, maxAbs: 9 }, bc: { meanAbs: 0.02, maxAbs: 1 } } }],
      },
    ],
  };
  it("reads the last and first rows carrying finite metrics, and a metric's minimum", () => {
    expect(lastRowWith(a, 'loss')?.step).toBe(40);
    expect(lastRowWith(a, 'loss', 'relL2')?.step).toBe(20);
    expect(lastRowWith(a, 'hess.top')).toBeNull();
    expect(firstRowFrom(a, 15, 'loss')?.step).toBe(20);
    expect(firstRowFrom(a, 25, 'loss')?.step).toBe(40);
    expect(minOf(a, 'loss')?.step).toBe(20);
    expect(lastRowWith(null, 'loss')).toBeNull();
  });
  it("compares two terms' mean |∂L/∂W| in a layer at the latest histogram step", () => {
    const g = layerGradientRatio(a, 'layer0', 'res', 'bc');
    expect(g?.step).toBe(50);
    expect(g?.ratio).toBeCloseTo(120, 10);
    expect(layerGradientRatio(a, 'layer1', 'res', 'bc')).toBeNull();
    expect(layerGradientRatio(a, 'layer0', 'res', 'ic')).toBeNull();
  });
});
