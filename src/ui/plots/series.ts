/**
 * Line plots of logged metrics over training steps, for one or two runs: which series to
 * draw (`SeriesDef`), their points from the runs' metrics rows, and the increments to append
 * when rows arrive (so the plots extend instead of redrawing).
 */
import type { MetricsRow } from '../../engine/metrics';
import type { Data } from './plotly';

/** One metric to plot. */
export interface SeriesDef {
  name: string;
  color: string;
  value: (row: MetricsRow) => number | undefined;
  /** Plot on the second y axis. */
  y2?: boolean;
  /** Logged only on some steps (evaluations, diagnostics): draw markers too. */
  sparse?: boolean;
  dash?: 'dot';
}

/** A run's rows and how its lines look. */
export interface SeriesRun {
  label: string;
  rows: MetricsRow[];
  /** Run B is dashed so the two runs share colours per metric. */
  dashed: boolean;
  version: number;
}

/** The (step, value) points of `def` in `rows[from:]`, skipping rows without a finite value. */
export function points(rows: readonly MetricsRow[], def: SeriesDef, from = 0): { x: number[]; y: number[] } {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = from; i < rows.length; i++) {
    const v = def.value(rows[i]);
    if (v === undefined || !Number.isFinite(v)) continue;
    x.push(rows[i].step);
    y.push(v);
  }
  return { x, y };
}

/**
 * All traces: for every run, one per def (named "<def> (A)" etc. when there are two runs).
 * Run B's lines share A's colours and legend group (one legend entry toggles both), so the
 * legend lists each metric once and stays small in compare mode.
 */
export function buildTraces(defs: readonly SeriesDef[], runs: readonly SeriesRun[]): Data[] {
  return runs.flatMap((r) =>
    defs.map((d) => {
      const p = points(r.rows, d);
      return {
        type: 'scatter',
        mode: d.sparse ? 'lines+markers' : 'lines',
        x: p.x,
        y: p.y,
        name: runs.length > 1 ? `${d.name} (${r.label})` : d.name,
        legendgroup: d.name,
        showlegend: !r.dashed,
        yaxis: d.y2 ? 'y2' : 'y',
        marker: { size: 4, color: d.color },
        line: { color: d.color, width: 1.6, dash: r.dashed ? 'dash' : (d.dash ?? 'solid') },
      } as Data;
    }),
  );
}

/** A key that changes whenever the traces must be rebuilt rather than extended. */
export function traceKey(defs: readonly SeriesDef[], runs: readonly SeriesRun[]): string {
  return `${defs.map((d) => `${d.name}:${d.color}`).join(',')}|${runs.map((r) => `${r.label}:${r.version}`).join(',')}`;
}

/** The points to append to every trace (same order as `buildTraces`) for rows after `drawn[i]`. */
export function increments(
  defs: readonly SeriesDef[],
  runs: readonly SeriesRun[],
  drawn: readonly number[],
): { x: number[][]; y: number[][] } {
  const x: number[][] = [];
  const y: number[][] = [];
  runs.forEach((r, i) =>
    defs.forEach((d) => {
      const p = points(r.rows, d, drawn[i] ?? 0);
      x.push(p.x);
      y.push(p.y);
    }),
  );
  return { x, y };
}
