import { describe, expect, it } from 'vitest';
import { ghiaCentreline } from '../../engine/cavity/ghia';
import { solveCavity } from '../../engine/cavity/solver';
import type { EvaluationSnapshot } from '../../store/runs';
import { flowFigure, isFlow } from './flowFigure';

type Trace = {
  type: string;
  mode?: string;
  name?: string;
  x: (number | null)[];
  y: (number | null)[];
  z?: number[][];
  xaxis: string;
  yaxis: string;
};

/** A snapshot over the ticks (x slowest, like the worker's), quantities (u, v, p) from `w`, reference `ref`. */
function snap(xs: number[], ys: number[], w: (x: number, y: number) => number[], ref = w): EvaluationSnapshot {
  const at = (f: typeof w) => Float32Array.from(xs.flatMap((x) => ys.flatMap((y) => f(x, y))));
  return {
    step: 5,
    relL2: 0.1,
    names: ['u', 'v', 'p'],
    pred: at(w),
    exact: at(ref),
    ticks: [xs, ys],
    axes: ['x', 'y'],
  };
}
const ticks = (n: number) => Array.from({ length: n }, (_, i) => i / (n - 1));
const rotation = (x: number, y: number) => [-(y - 0.5), x - 0.5, 0];

describe('flow figure', () => {
  it('is for steady plane flows only', () => {
    expect(isFlow(['x', 'y'], ['u', 'v'])).toBe(true);
    expect(isFlow(['t', 'x'], ['u', 'v'])).toBe(false);
    expect(isFlow(['x', 'y'], ['psi', 'p'])).toBe(false);
    expect(flowFigure([null, null])).toBeNull();
    expect(flowFigure([{ ...snap(ticks(3), ticks(3), rotation), axes: ['t', 'x'] }])).toBeNull();
  });

  it('one run: speed heatmaps √(u² + v²) of prediction and reference with streamlines, and the centreline', () => {
    const e = snap(
      [0, 1],
      [0, 0.5, 1],
      (x, y) => [3 * (x + 1), 4 * (y + 1), 7],
      (x, y) => [3 * x, 4 * y, 0],
    );
    const d = flowFigure([e])!.data as Trace[];
    expect(d.map((t) => t.type)).toEqual([
      'heatmap',
      'scatter',
      'scatter',
      'heatmap',
      'scatter',
      'scatter',
      'scatter',
      'scatter',
    ]);
    expect(d[0].z).toEqual([
      [5, Math.hypot(6, 4)],
      [Math.hypot(3, 6), Math.hypot(6, 6)],
      [Math.hypot(3, 8), 10],
    ]);
    expect(d[3].z![2]).toEqual([4, 5]);
    const [pred, ref] = d.slice(6);
    expect([pred.name, ref.name]).toEqual(['prediction', 'reference']);
    expect(pred.y).toEqual([0, 0.5, 1]);
    expect(pred.x).toEqual([4.5, 4.5, 4.5]); // u = 3(x + 1) at x = ½, between the two columns
    expect(ref.x).toEqual([1.5, 1.5, 1.5]);
    expect(ref.xaxis).toBe('x3');
  });

  it('streamlines of a rotation stay on circles and inside the box', () => {
    const d = flowFigure([snap(ticks(21), ticks(21), rotation)])!.data as Trace[];
    const xy = d[1].x.map((x, i) => [x, d[1].y[i]]).filter(([x]) => x !== null) as [number, number][];
    expect(xy.length).toBeGreaterThan(100);
    expect(xy.every(([x, y]) => x >= 0 && x <= 1 && y >= 0 && y <= 1)).toBe(true);
    expect(d[1].x.filter((x) => x === null).length).toBeGreaterThan(5); // several lines, null-separated
    expect(d[2].mode).toBe('markers');
  });

  it('compare: both predictions, one shared reference unless the runs’ references differ', () => {
    const a = snap(ticks(5), ticks(5), rotation);
    const b = snap(ticks(5), ticks(5), (x, y) => rotation(x, y).map((v) => 2 * v), rotation);
    const names = (f: ReturnType<typeof flowFigure>) =>
      (f!.data as Trace[]).filter((t) => t.type === 'scatter' && t.name).map((t) => t.name);
    expect(names(flowFigure([a, b]))).toEqual(['A', 'B', 'reference']);
    const other = { ...b, exact: b.exact.map((v) => 3 * v) };
    const f = flowFigure([a, other])!;
    expect(names(f)).toEqual(['A', 'B', 'reference A', 'reference B']);
    expect((f.data as Trace[]).filter((t) => t.type === 'heatmap')).toHaveLength(4);
    expect((f.layout as Record<string, { matches?: string }>).xaxis4.matches).toBe('x');
  });

  it('the centreline of our cavity reference at Re = 100 matches Ghia, Ghia & Shin (1982)', () => {
    const n = 65;
    const s = solveCavity(100, { n, tol: 1e-7 });
    const e = snap(ticks(n), ticks(n), () => [0, 0, 0]);
    for (let k = 0; k < n * n; k++) [e.exact[3 * k], e.exact[3 * k + 1]] = [s.u[k], s.v[k]];
    const ref = (flowFigure([e])!.data as Trace[]).find((t) => t.name === 'reference')!;
    const u = (y: number) => {
      const j = Math.min(n - 2, Math.floor(y * (n - 1)));
      const t = y * (n - 1) - j;
      return (1 - t) * ref.x[j]! + t * ref.x[j + 1]!;
    };
    for (const [y, g] of ghiaCentreline(100)!) expect(Math.abs(u(y) - g), `y = ${y}`).toBeLessThan(1.5e-2);
  });

  it("marks Ghia et al.'s points on the centreline plot when given", () => {
    const n = 9;
    const e = snap(ticks(n), ticks(n), () => [0, 0, 0]);
    expect((flowFigure([e])!.data as Trace[]).some((t) => t.name?.startsWith('Ghia'))).toBe(false);
    const marks = (flowFigure([e], ghiaCentreline(400))!.data as Trace[]).find((t) => t.name === 'Ghia et al. (1982)')!;
    expect(marks.y).toEqual(ghiaCentreline(400)!.map((p) => p[0]));
    expect(marks.x).toEqual(ghiaCentreline(400)!.map((p) => p[1]));
    expect(ghiaCentreline(250)).toBeNull();
  });
});
