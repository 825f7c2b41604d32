/**
 * The flow figure of a steady plane flow (the lid-driven cavity): the speed |u| = √(u² + v²)
 * as heatmaps with streamlines over them — the prediction of each run and the reference, on
 * one colour scale — and, beside them, u along the vertical centreline x = ½ (mid-domain)
 * against y, the cavity's classic validation plot (Ghia, Ghia & Shin 1982).
 */
import type { EvaluationSnapshot } from '../../store/runs';
import type { Data, Figure, Layout } from './plotly';
import { grid } from './solutionFigure';
import { palette, plotTheme } from './theme';
import { profileAt, speed, streamlines, type Point, type VelocityField } from './streamlines';

/** Whether a problem with these input axes and quantities is a steady plane flow: u and v over two space axes. */
export function isFlow(axes: readonly string[], names: readonly string[]): boolean {
  return axes.length === 2 && !axes.includes('t') && names.includes('u') && names.includes('v');
}

/** The velocity of a flow snapshot's prediction or reference (null when it has no reference). */
export function velocity(e: EvaluationSnapshot, which: 'pred' | 'exact'): VelocityField | null {
  const values = e[which];
  if (!values.length) return null;
  const [n0, n1] = [e.ticks[0].length, e.ticks[1].length];
  const column = (name: string) => grid(values, e.names.length, e.names.indexOf(name), n0, n1);
  return { x: e.ticks[0], y: e.ticks[1], u: column('u'), v: column('v') };
}

/** Points of several lines as one trace's coordinates, the lines separated by nulls. */
function joined(lines: Point[][]): { x: (number | null)[]; y: (number | null)[] } {
  const x: (number | null)[] = [];
  const y: (number | null)[] = [];
  for (const l of lines) {
    for (const [px, py] of l) {
      x.push(px);
      y.push(py);
    }
    x.push(null);
    y.push(null);
  }
  return { x, y };
}

/** One heatmap cell: what it is called, its field, and the colour of its centreline trace. */
interface Cell {
  title: string;
  legend: string;
  field: VelocityField;
  line: { color: string; dash?: string; width: number };
}

/**
 * Run A's and B's colours (as in the solution figure; this file stays free of Plotly itself, so Node tests
 * can load it).
 */
const runColors = [palette[0], palette[1]];

const same = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/** The predictions of the runs, then the references (B's only when it differs from A's, e.g. another Re). */
function cellsOf(runs: { label: string; e: EvaluationSnapshot }[]): Cell[] {
  const two = runs.length > 1;
  const preds = runs.map((r, c) => ({
    title: two ? `speed ${r.label}` : 'speed (prediction)',
    legend: two ? r.label : 'prediction',
    field: velocity(r.e, 'pred')!,
    line: { color: runColors[c], width: 1.8 },
  }));
  const refs = runs.filter((r, c) => r.e.exact.length && (c === 0 || !same(r.e.exact, runs[0].e.exact)));
  const many = refs.length > 1;
  return [
    ...preds,
    ...refs.map((r, c) => ({
      title: many ? `reference speed ${r.label}` : 'speed (reference)',
      legend: many ? `reference ${r.label}` : 'reference',
      field: velocity(r.e, 'exact')!,
      line: { color: plotTheme().neutral, dash: c ? 'dot' : 'dash', width: 2 },
    })),
  ];
}

/**
 * The flow figure for the runs' latest evaluations (run labels "A", "B"); runs whose snapshot
 * is not a plane flow are left out; null when none is. `ghia`: published centreline points
 * [y, u] to mark on the centreline plot (the cavity at a Reynolds number Ghia et al. tabulate).
 */
export function flowFigure(
  evals: readonly (EvaluationSnapshot | null)[],
  ghia: readonly [number, number][] | null = null,
): Figure | null {
  const runs = evals.flatMap((e, i) => (e && isFlow(e.axes, e.names) ? [{ label: 'AB'[i], e }] : []));
  if (!runs.length) return null;
  const cells = cellsOf(runs);
  const { ticks, axes } = runs[0].e;
  const xc = (ticks[0][0] + ticks[0][ticks[0].length - 1]) / 2;
  const [ylo, yhi] = [ticks[1][0], ticks[1][ticks[1].length - 1]];

  // Equal columns: the heatmaps, a gap for the colour bar, then the centreline plot.
  const [gap, barGap] = [0.03, 0.1];
  const w = (1 - gap * (cells.length - 1) - barGap) / (cells.length + 1);
  const col = (c: number): [number, number] => {
    const x = c < cells.length ? c * (w + gap) : 1 - w;
    return [x, x + w];
  };
  const data: Data[] = [];
  const annotations: unknown[] = [];
  const shapes: unknown[] = [];
  const layout: Record<string, unknown> = { annotations, shapes, margin: { l: 56, r: 16, t: 24, b: 44 } };
  const title = (c: number, text: string) =>
    annotations.push({
      text,
      xref: 'paper',
      yref: 'paper',
      x: (col(c)[0] + col(c)[1]) / 2,
      y: 1,
      yanchor: 'bottom',
      showarrow: false,
      font: { size: 12 },
    });
  const white = 'rgba(255,255,255,0.85)';
  cells.forEach((cell, c) => {
    const sx = c === 0 ? '' : String(c + 1);
    const [xa, ya] = [`x${sx}`, `y${sx}`];
    const f = cell.field;
    data.push({
      type: 'heatmap',
      x: f.x,
      y: f.y,
      z: speed(f),
      coloraxis: 'coloraxis',
      xaxis: xa,
      yaxis: ya,
      name: cell.title,
      hovertemplate: `${axes[0]}=%{x:.3f}<br>${axes[1]}=%{y:.3f}<br>|u|=%{z:.4g}<extra>${cell.title}</extra>`,
    } as Data);
    const lines = streamlines(f);
    data.push({
      type: 'scatter',
      mode: 'lines',
      ...joined(lines),
      xaxis: xa,
      yaxis: ya,
      hoverinfo: 'skip',
      showlegend: false,
      line: { color: white, width: 1 },
    } as Data);
    // An arrowhead halfway along each line, turned along it on screen by Plotly (angleref 'previous').
    const heads = lines
      .filter((l) => l.length > 2)
      .map((l) => {
        const h = Math.floor(l.length / 2);
        return l.slice(h - 1, h + 1);
      });
    data.push({
      type: 'scatter',
      mode: 'markers',
      ...joined(heads),
      xaxis: xa,
      yaxis: ya,
      hoverinfo: 'skip',
      showlegend: false,
      marker: { symbol: 'triangle-up', angleref: 'previous', color: white, size: heads.flatMap(() => [0, 7, 0]) },
    } as Data);
    layout[`xaxis${sx}`] = { domain: col(c), anchor: ya, matches: c ? 'x' : undefined, title: { text: axes[0] } };
    layout[`yaxis${sx}`] = {
      domain: [0, 1],
      anchor: xa,
      matches: c ? 'y' : undefined,
      title: c ? undefined : { text: axes[1] },
      showticklabels: c === 0,
    };
    shapes.push({
      type: 'line',
      xref: xa,
      yref: ya,
      x0: xc,
      x1: xc,
      y0: ylo,
      y1: yhi,
      line: { color: '#d62728', width: 1.5, dash: 'dot' },
    });
    title(c, cell.title);
  });
  layout.coloraxis = {
    colorscale: 'Viridis',
    cmin: 0,
    colorbar: {
      x: col(cells.length - 1)[1] + 0.005,
      xanchor: 'left',
      thickness: 10,
      title: { text: '|u|', side: 'right' },
    },
  };

  // The centreline: u(x = ½, y) horizontally against y, sharing the heatmaps' y axis.
  const n = String(cells.length + 1);
  for (const cell of cells) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: cell.legend,
      x: profileAt(cell.field, xc) ?? [],
      y: cell.field.y,
      xaxis: `x${n}`,
      yaxis: `y${n}`,
      line: cell.line,
      hovertemplate: `u=%{x:.4g}<br>${axes[1]}=%{y:.3f}<extra>${cell.legend}</extra>`,
    } as Data);
  }
  if (ghia) {
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: 'Ghia et al. (1982)',
      x: ghia.map((p) => p[1]),
      y: ghia.map((p) => p[0]),
      xaxis: `x${n}`,
      yaxis: `y${n}`,
      marker: { symbol: 'circle-open', color: '#111', size: 6 },
      hovertemplate: `u=%{x:.4g}<br>${axes[1]}=%{y:.4f}<extra>Ghia et al. (1982)</extra>`,
    } as Data);
  }
  layout[`xaxis${n}`] = {
    domain: col(cells.length),
    anchor: `y${n}`,
    title: { text: `u at ${axes[0]} = ${+xc.toPrecision(3)}` },
    zeroline: true,
  };
  layout[`yaxis${n}`] = { domain: [0, 1], anchor: `x${n}`, matches: 'y' };
  // Bottom right: where the cavity's profile never goes (u ≈ −0.2…0 below the vortex centre).
  layout.legend = {
    x: 1,
    y: 0.02,
    xanchor: 'right',
    yanchor: 'bottom',
    orientation: 'v',
    bgcolor: 'rgba(255,255,255,0.7)',
  };
  title(cells.length, `u on the vertical centreline`);
  return { data, layout: layout as Partial<Layout> };
}
