import { describe, expect, it } from 'vitest';
import type { MetricsRow } from '../../engine/metrics';
import { buildTraces, increments, points, traceKey, type SeriesDef, type SeriesRun } from './series';

const loss: SeriesDef = { name: 'res', color: 'red', value: (r) => r['loss.res'] };
const err: SeriesDef = { name: 'rel. L2', color: 'k', value: (r) => r.relL2, y2: true, sparse: true };
const rows: MetricsRow[] = [
  { step: 10, 'loss.res': 1 },
  { step: 20, 'loss.res': 0.5, relL2: 0.9 },
  { step: 30, 'loss.res': NaN },
  { step: 40, 'loss.res': 0.1 },
];

describe('series plots', () => {
  it('takes finite points, skipping rows without the metric', () => {
    expect(points(rows, loss)).toEqual({ x: [10, 20, 40], y: [1, 0.5, 0.1] });
    expect(points(rows, err)).toEqual({ x: [20], y: [0.9] });
    expect(points(rows, loss, 2)).toEqual({ x: [40], y: [0.1] });
  });

  it('names and dashes traces per run and appends only new rows', () => {
    const runs: SeriesRun[] = [
      { label: 'A', rows, dashed: false, version: 1 },
      { label: 'B', rows: rows.slice(0, 2), dashed: true, version: 2 },
    ];
    const traces = buildTraces([loss, err], runs) as { name: string; yaxis: string; line: { dash: string } }[];
    expect(traces.map((t) => t.name)).toEqual(['res (A)', 'rel. L2 (A)', 'res (B)', 'rel. L2 (B)']);
    expect(traces.map((t) => t.yaxis)).toEqual(['y', 'y2', 'y', 'y2']);
    expect(traces[2].line.dash).toBe('dash');
    const legend = (traces as unknown as { showlegend: boolean }[]).map((t) => t.showlegend);
    expect(legend).toEqual([true, true, false, false]);
    expect(increments([loss, err], runs, [3, 1])).toEqual({ x: [[40], [], [20], [20]], y: [[0.1], [], [0.5], [0.9]] });
    expect(traceKey([loss], runs)).toBe('res:red|A:1,B:2'); // a colour change (dark mode) rebuilds too
  });
});
