import { describe, expect, it } from 'vitest';
import type { EvaluationSnapshot } from '../../store/runs';
import { grid, solutionFigure } from './solutionFigure';

/** A snapshot on a 3 × 2 (t, x) grid with pred = 10 t + x and exact = pred + 1 (B: + 2). */
function snap(shift: number): EvaluationSnapshot {
  const ticks = [
    [0, 1, 2],
    [0, 0.5],
  ];
  const pred = new Float32Array(6);
  ticks[0].forEach((t, i) => ticks[1].forEach((x, j) => (pred[i * 2 + j] = 10 * t + x)));
  return { step: 3, relL2: 0.1, names: ['u'], pred, exact: pred.map((v) => v + shift), ticks, axes: ['t', 'x'] };
}

describe('solution figure', () => {
  it('lays axis 0 along the horizontal: z[j][i] = value at (tick0[i], tick1[j])', () => {
    expect(grid(snap(1).pred, 1, 0, 3, 2)).toEqual([
      [0, 10, 20],
      [0.5, 10.5, 20.5],
    ]);
  });

  it('one run: prediction, reference and |error| heatmaps', () => {
    const f = solutionFigure([snap(1), null])!;
    const d = f.data as { type: string; z: number[][]; coloraxis: string }[];
    expect(d.map((t) => t.type)).toEqual(['heatmap', 'heatmap', 'heatmap']);
    expect(d[2].z).toEqual([
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expect(d.map((t) => t.coloraxis)).toEqual(['coloraxis', 'coloraxis', 'coloraxis2']);
    expect((f.layout.xaxis as { title: { text: string } }).title.text).toBe('t (time)');
  });

  it('stacked (a phone): one heatmap per row, full width, bands that do not overlap, ticks on each', () => {
    const f = solutionFigure([snap(1), snap(2)], 0, true)!;
    const l = f.layout as Record<string, { domain: [number, number]; showticklabels?: boolean }>;
    const names = ['', '2', '3', '4', '5', '6'];
    expect(f.data).toHaveLength(6);
    for (const n of names) expect(l[`xaxis${n}`].domain).toEqual(l.xaxis.domain);
    const bands = names.map((n) => l[`yaxis${n}`].domain);
    for (let i = 1; i < bands.length; i++) expect(bands[i][1]).toBeLessThan(bands[i - 1][0]);
    expect(bands[0][1]).toBeCloseTo(1);
    expect(bands[5][0]).toBeCloseTo(0);
    expect(names.every((n) => l[`xaxis${n}`].showticklabels)).toBe(true);
  });

  it('two runs: shared colour scales, linked axes and the difference of the errors', () => {
    const f = solutionFigure([snap(1), snap(2)])!;
    const d = f.data as { z: number[][]; coloraxis: string; xaxis: string }[];
    expect(d).toHaveLength(6);
    expect(d.map((t) => t.coloraxis)).toEqual([
      'coloraxis',
      'coloraxis',
      'coloraxis',
      'coloraxis2',
      'coloraxis2',
      'coloraxis3',
    ]);
    expect(d[5].z[0][0]).toBeCloseTo(-1);
    expect((f.layout as Record<string, { matches?: string }>).xaxis6.matches).toBe('x');
  });

  it('picks quantity k of a multi-output problem, and shows the residual without a known solution', () => {
    const e = snap(1);
    const two: EvaluationSnapshot = {
      ...e,
      names: ['u', 'v'],
      pred: Float32Array.from(Array.from(e.pred).flatMap((v) => [v, -v])),
      exact: new Float32Array(0),
      residual: Float32Array.from([1, 2, 3, 4, 5, 6]),
    };
    const f = solutionFigure([two], 1)!;
    const d = f.data as { z: number[][]; name: string }[];
    expect(d.map((t) => t.name)).toEqual(['prediction v', '|residual| v']);
    expect(d[0].z[1]).toEqual([-0.5, -10.5, -20.5]);
    expect(d[1].z).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
  });

  it('1-D problems are lines with the error on a log axis', () => {
    const e: EvaluationSnapshot = {
      step: 1,
      relL2: 0,
      names: ['u'],
      pred: Float32Array.from([0, 1]),
      exact: Float32Array.from([0, 1.5]),
      ticks: [[0, 1]],
      axes: ['x'],
    };
    const d = solutionFigure([e])!.data as { name: string; y: number[] }[];
    expect(d.map((t) => t.name)).toEqual(['reference u*', 'prediction', '|error|']);
    expect(d[2].y).toEqual([1e-12, 0.5]);
  });
});
