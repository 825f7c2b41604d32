/**
 * The solution figure: prediction, reference and |error| — heatmaps over the two input axes
 * (x–t for time-dependent problems, with t along the horizontal axis; x–y for steady 2-D
 * problems), or lines for 1-D problems. With two runs: both predictions and both errors on
 * shared colour scales and linked axes, plus the difference of their errors. Without a known
 * solution (custom PDEs) the |PDE residual| takes the error's place.
 */
import type { EvaluationSnapshot } from '../../store/runs';
import type { Data, Figure, Layout } from './plotly';
import { errorScale, palette, plotTheme } from './theme';

const axisTitle: Record<string, string> = { t: 't (time)', x: 'x (space)', y: 'y (space)' };
const titleOf = (axis: string) => axisTitle[axis] ?? axis;

/** Column k of a snapshot array as rows z[j][i], i along axis 0 (horizontal) and j along axis 1. */
export function grid(
  values: Float32Array,
  nCols: number,
  k: number,
  n0: number,
  n1: number,
  f: (v: number, at: number) => number = (v) => v,
): number[][] {
  return Array.from({ length: n1 }, (_, j) =>
    Array.from({ length: n0 }, (_, i) => {
      const at = (i * n1 + j) * nCols + k;
      return f(values[at], at);
    }),
  );
}

type Run = { label: string; e: EvaluationSnapshot };

function lines(runs: Run[], k: number): Figure {
  const { e } = runs[0];
  const nOut = e.names.length;
  const n = e.ticks[0].length;
  const pick = (a: Float32Array, cols = nOut, c = k) => Array.from({ length: n }, (_, i) => a[i * cols + c]);
  const colors = [palette[0], palette[1]];
  const two = runs.length > 1;
  const data: Data[] = [];
  if (e.exact.length)
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: 'reference u*',
      x: e.ticks[0],
      y: pick(e.exact),
      line: { dash: 'dash', color: plotTheme().neutral, width: 2 },
    } as Data);
  runs.forEach((r, c) =>
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: two ? `prediction ${r.label}` : 'prediction',
      x: r.e.ticks[0],
      y: pick(r.e.pred),
      line: { color: colors[c], width: 1.8 },
    } as Data),
  );
  runs.forEach((r, c) => {
    const err = r.e.exact.length
      ? pick(r.e.pred).map((v, i) => Math.abs(v - r.e.exact[i * nOut + k]))
      : r.e.residual
        ? pick(r.e.residual, 1, 0)
        : null;
    if (!err) return;
    const what = r.e.exact.length ? '|error|' : '|residual|';
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: two ? `${what} ${r.label}` : what,
      x: r.e.ticks[0],
      yaxis: 'y2',
      y: err.map((v) => Math.max(v, 1e-12)),
      line: { color: colors[c], width: 1, dash: 'dot' },
    } as Data);
  });
  const layout: Partial<Layout> = {
    xaxis: { title: { text: titleOf(e.axes[0]) }, anchor: 'y2' },
    yaxis: { title: { text: e.names[k] ?? 'u' }, domain: [0.4, 1] },
    yaxis2: {
      title: { text: e.exact.length ? '|error|' : '|residual|' },
      type: 'log',
      exponentformat: 'power',
      domain: [0, 0.3],
    },
  };
  return { data, layout };
}

interface Cell {
  z: number[][];
  title: string;
  coloraxis: string;
}

/** The heatmap cells, in rows: values (predictions, reference) and errors (or residuals). */
function cells(runs: Run[], k: number): Cell[][] {
  const { e } = runs[0];
  const nOut = e.names.length;
  const [n0, n1] = [e.ticks[0].length, e.ticks[1].length];
  const z = (a: Float32Array) => grid(a, nOut, k, n0, n1);
  const name = e.names[k] ?? 'u';
  const known = runs.every((r) => r.e.exact.length > 0);
  const err = (r: EvaluationSnapshot) =>
    known
      ? grid(r.pred, nOut, k, n0, n1, (v, at) => Math.abs(v - r.exact[at]))
      : r.residual
        ? grid(r.residual, 1, 0, n0, n1)
        : null;
  const what = known ? '|error|' : '|residual|';
  const preds = runs.map((r) => ({
    z: z(r.e.pred),
    title: runs.length > 1 ? `${name} ${r.label}` : `prediction ${name}`,
    coloraxis: 'coloraxis',
  }));
  const errs = runs.flatMap((r) => {
    const g = err(r.e);
    return g
      ? [{ z: g, title: runs.length > 1 ? `${what} ${r.label}` : `${what} ${name}`, coloraxis: 'coloraxis2' }]
      : [];
  });
  const ref = known ? [{ z: z(e.exact), title: `reference ${name}*`, coloraxis: 'coloraxis' }] : [];
  if (runs.length === 1) return [[...preds, ...ref, ...errs]];
  const diff =
    errs.length === 2
      ? [
          {
            z: errs[0].z.map((row, j) => row.map((v, i) => v - errs[1].z[j][i])),
            title: `${what} A − B (blue: A better)`,
            coloraxis: 'coloraxis3',
          },
        ]
      : [];
  return errs.length
    ? [
        [...preds, ...ref],
        [...errs, ...diff],
      ]
    : [[...preds, ...ref]];
}

/** `n` bands of the paper's height, top first, `gap` apart. */
function bandsOf(n: number, gap: number): [number, number][] {
  const h = (1 - gap * (n - 1)) / n;
  return Array.from({ length: n }, (_, r) => [1 - r * (h + gap) - h, 1 - r * (h + gap)]);
}

function heatmaps(runs: Run[], k: number, stacked: boolean): Figure {
  const { e } = runs[0];
  // stacked (a phone): one heatmap per row, each as wide as the panel
  const rows = stacked ? cells(runs, k).flatMap((row) => row.map((c) => [c])) : cells(runs, k);
  const ncol = Math.max(...rows.map((r) => r.length));
  const gap = 0.1;
  const w = (1 - 0.03 - gap * (ncol - 1)) / ncol;
  const cols: [number, number][] = Array.from({ length: ncol }, (_, c) => [c * (w + gap), c * (w + gap) + w]);
  const bands = bandsOf(rows.length, rows.length > 2 ? 0.25 / rows.length : 0.12);
  const data: Data[] = [];
  const annotations: unknown[] = [];
  const layout: Record<string, unknown> = { annotations, margin: { l: 56, r: 24, t: 24, b: 44 } };
  const bars: Record<string, { x: number; band: [number, number] }> = {};
  let n = 0;
  rows.forEach((row, ri) =>
    row.forEach((c, ci) => {
      n++;
      const sx = n === 1 ? '' : String(n);
      data.push({
        type: 'heatmap',
        x: e.ticks[0],
        y: e.ticks[1],
        z: c.z,
        coloraxis: c.coloraxis,
        xaxis: `x${sx}`,
        yaxis: `y${sx}`,
        name: c.title,
        hovertemplate: `${e.axes[0]}=%{x:.3f}<br>${e.axes[1]}=%{y:.3f}<br>%{z:.4g}<extra>${c.title}</extra>`,
      } as Data);
      const bottom = stacked || ri === rows.length - 1;
      layout[`xaxis${sx}`] = {
        domain: cols[ci],
        anchor: `y${sx}`,
        matches: n === 1 ? undefined : 'x',
        title: ri === rows.length - 1 ? { text: titleOf(e.axes[0]) } : undefined,
        showticklabels: bottom,
      };
      layout[`yaxis${sx}`] = {
        domain: bands[ri],
        anchor: `x${sx}`,
        matches: n === 1 ? undefined : 'y',
        title: ci === 0 ? { text: titleOf(e.axes[1]) } : undefined,
        showticklabels: ci === 0,
      };
      annotations.push({
        text: c.title,
        xref: 'paper',
        yref: 'paper',
        x: (cols[ci][0] + cols[ci][1]) / 2,
        y: bands[ri][1],
        yanchor: 'bottom',
        showarrow: false,
        font: { size: 12 },
      });
      // Each colour scale's bar sits right of the last cell that uses it.
      bars[c.coloraxis] = { x: cols[ci][1] + 0.004, band: bands[ri] };
    }),
  );
  const scales: Record<string, object> = {
    coloraxis: { colorscale: 'RdBu', cmid: 0 },
    coloraxis2: { colorscale: errorScale, cmin: 0 },
    coloraxis3: { colorscale: 'RdBu', cmid: 0 },
  };
  for (const [axis, b] of Object.entries(bars)) {
    layout[axis] = {
      ...scales[axis],
      colorbar: { x: b.x, xanchor: 'left', y: (b.band[0] + b.band[1]) / 2, len: b.band[1] - b.band[0], thickness: 10 },
    };
  }
  return { data, layout: layout as Partial<Layout> };
}

/**
 * The figure for the runs' latest evaluations (run labels "A", "B"), showing quantity `k`
 * (e.g. u, v of a flow); null without any evaluation. `stacked` puts the heatmaps one per row
 * (a phone: three side by side leave each ~90 px and their titles overlap).
 */
export function solutionFigure(evals: readonly (EvaluationSnapshot | null)[], k = 0, stacked = false): Figure | null {
  const runs = evals.flatMap((e, i) => (e ? [{ label: 'AB'[i], e }] : []));
  if (!runs.length) return null;
  const same = runs.every(
    (r) =>
      r.e.names.length === runs[0].e.names.length &&
      r.e.ticks.length === runs[0].e.ticks.length &&
      r.e.ticks.every((t, a) => t.length === runs[0].e.ticks[a].length),
  );
  const use = same ? runs : runs.slice(0, 1);
  const q = Math.min(k, use[0].e.names.length - 1);
  return use[0].e.axes.length === 1 ? lines(use, q) : heatmaps(use, q, stacked);
}
