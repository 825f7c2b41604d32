import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../config';
import { trainFor } from '../loop';
import { metricsRow, type MetricsRow } from '../metrics';
import { startNodeBackend } from '../node-backends';
import { resolveExperiment } from '../presets';
import { Trainer } from '../trainer';
import { lessonIds, lessons } from './index';
import { hideable } from './link';
import { checkStep, placeholders, stepExperiment } from './runner';
import type { HistogramStep, Lesson, RunData, Values } from './types';

const all = lessonIds.map((id) => lessons[id]);

describe('the lesson catalogue', () => {
  it('has the six lessons of the issue, each with 3–8 steps, ending on the paper', () => {
    expect(lessonIds).toEqual([
      'gradient-pathology',
      'annealing',
      'stiffness',
      'alignment-soap',
      'causality',
      'newton-saddles',
    ]);
    for (const l of all) {
      expect(l.steps.length, l.id).toBeGreaterThanOrEqual(3);
      expect(l.steps.length, l.id).toBeLessThanOrEqual(8);
      expect(l.paper.url, l.id).toMatch(/^https:\/\/arxiv\.org\/abs\/\d{4}\.\d{4,5}$/);
      expect(l.steps[0].experiment?.config, `${l.id} starts by setting the experiment`).toBeDefined();
      expect((hideable as readonly string[]).includes(l.steps[0].watch.panel), l.id).toBe(true);
    }
  });

  it('sets valid experiments at every step', () => {
    for (const l of all) {
      l.steps.forEach((_s, k) => {
        expect(() => resolveExperiment(stepExperiment(l, k), resolveConfig), `${l.id} step ${k + 1}`).not.toThrow();
      });
    }
  });

  it('fills every placeholder of every report from its check', () => {
    // A run where every metric is present and flat, last causal chunk switched off, and histograms.
    const keys = [
      'loss',
      'loss.res',
      'loss.bc',
      'loss.ic',
      'weight.bc',
      'relL2',
      'gradNorm.res',
      'gradNorm.bc',
      'hess.top',
      'align.intra',
      'align.interUpdate',
      'causal.mean',
    ];
    const rows: MetricsRow[] = Array.from({ length: 201 }, (_, i) => ({
      step: 10 * i,
      ...Object.fromEntries(keys.map((k) => [k, 0.5])),
      'causal.last': 0.01,
    }));
    const histograms: HistogramStep[] = [
      {
        step: 2000,
        layers: [{ layer: 'layer0', terms: { res: { meanAbs: 2, maxAbs: 3 }, bc: { meanAbs: 0.5, maxAbs: 1 } } }],
      },
    ];
    const run: RunData = { rows, histograms };
    for (const l of all) {
      let memory: Values = {};
      l.steps.forEach((s, k) => {
        if (!s.check) return;
        const v = checkStep(l, k, [run, run], memory);
        expect(v, `${l.id} step ${k + 1}`).not.toBeNull();
        for (const p of placeholders(s.check.report)) expect(v![p], `${l.id} step ${k + 1}: {${p}}`).toBeDefined();
        memory = { ...memory, ...v };
      });
    }
  });
});

/**
 * Walk a lesson on the real engine as the playground streams it: each step that sets an
 * experiment trains it afresh (both runs in compare mode, one chunk of `chunk` steps at a
 * time, an evaluation after each chunk as the worker's streaming does), until the step's
 * check is met or `limit` steps have passed. Returns every step's values.
 */
async function walk(l: Lesson, chunk: number, limit: number): Promise<Values[]> {
  const out: Values[] = [];
  let memory: Values = {};
  let trainers: Trainer[] = [];
  let runs: RunData[] = [];
  for (let k = 0; k < l.steps.length; k++) {
    if (l.steps[k].experiment) {
      trainers.forEach((t) => t.dispose());
      const e = resolveExperiment(stepExperiment(l, k), resolveConfig);
      trainers = [e.config, ...(e.compareConfig ? [e.compareConfig] : [])].map((c) => new Trainer(c));
      runs = trainers.map(() => ({ rows: [], histograms: [] }));
    }
    let v = checkStep(l, k, runs, memory);
    while (!v && trainers.length && trainers[0].stepCount < limit) {
      for (let i = 0; i < trainers.length; i++) {
        const rows = runs[i].rows as MetricsRow[];
        const hist = runs[i].histograms as HistogramStep[];
        await trainFor(trainers[i], chunk, (c, ms, diag) => {
          rows.push(metricsRow(c, ms, { diag }));
          if (diag?.histograms.length) hist.push({ step: diag.step, layers: diag.histograms });
        });
        rows[rows.length - 1].relL2 = (await trainers[i].evaluate()).relL2;
      }
      v = checkStep(l, k, runs, memory);
    }
    expect(v, `${l.id} step ${k + 1} reached its condition within ${limit} steps`).not.toBeNull();
    out.push(v!);
    memory = { ...memory, ...v };
  }
  trainers.forEach((t) => t.dispose());
  return out;
}

describe('lessons on the real engine (wasm)', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  it('gradient-pathology: the residual gradients dwarf the boundary ones and the error stays high', async () => {
    const before = tf.memory().numTensors;
    const v = await walk(lessons['gradient-pathology'], 100, 800);
    expect(tf.memory().numTensors).toBe(before);
    expect(v[0].relL2).toBeGreaterThan(0.3); // the MLP misses the solution
    expect(v[0].verdict).toBe('far from');
    expect(v[1].ratio).toBeGreaterThan(10); // L_res ≫ L_bc
    expect(v[2].ratio).toBeGreaterThan(5); // mean |∂L_res/∂W| ≫ mean |∂L_bc/∂W| in layer 0
  }, 120_000);

  it('stiffness: λmax and the gradient ratio grow with C', async () => {
    const v = await walk(lessons.stiffness, 50, 300);
    const hess = [1, 2, 4, 8].map((c, i) => v[i][`hess${c}`] as number);
    const ratio = [1, 2, 4, 8].map((c, i) => v[i][`ratio${c}`] as number);
    for (let i = 1; i < 4; i++)
      expect(hess[i], `λmax(C=${2 ** i}) > λmax(C=${2 ** (i - 1)})`).toBeGreaterThan(hess[i - 1]);
    expect(ratio[3]).toBeGreaterThan(ratio[0]);
    expect(v[4].hessGrowth).toBeCloseTo(hess[3] / hess[0], 10);
    expect(v[4].hessGrowth).toBeGreaterThan(10);
  }, 120_000);
});
