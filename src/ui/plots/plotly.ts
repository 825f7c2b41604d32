/**
 * The one place the UI talks to Plotly: figures are built once per element with
 * `Plotly.react` (which also updates them in place) and extended with `extendTraces`;
 * images for export come from `Plotly.toImage`.
 */
import Plotly from 'plotly.js-dist-min';
import type { Data, Layout } from 'plotly.js-dist-min';
import { dataUriToBlob, download } from '../io/download';

/** Plotly's trace and layout types. */
export type { Data, Layout };

/** A figure: traces and layout. */
export interface Figure {
  data: Data[];
  layout: Partial<Layout>;
}

const config = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ['toImage' as const, 'select2d' as const, 'lasso2d' as const] };

/** Shared look: compact margins, readable fonts, legend below. */
export const baseLayout: Partial<Layout> = {
  margin: { l: 64, r: 16, t: 16, b: 40 },
  font: { family: 'system-ui, sans-serif', size: 12, color: '#1d2433' },
  paper_bgcolor: '#fff',
  plot_bgcolor: '#fff',
  legend: { orientation: 'h', x: 0, y: 1, yanchor: 'bottom', font: { size: 11 } },
};

/**
 * Main-thread time spent in Plotly draws since the page loaded (reported by the streaming
 * bench), and a running average of one draw's cost.
 */
export const drawStats = { ms: 0, draws: 0, average: 10 };

function timed(f: () => unknown): void {
  const t0 = performance.now();
  f();
  const dt = performance.now() - t0;
  drawStats.ms += dt;
  drawStats.draws++;
  drawStats.average = 0.8 * drawStats.average + 0.2 * dt;
}

/** Share of wall time a live plot may spend redrawing (the UI's side of the streaming budget). */
const drawBudget = 0.02;

/**
 * How long a live plot waits between redraws: at least `minMs`, and long enough that its
 * draws stay within the budget (a 40 ms redraw on a slow machine waits 2 s; 5 ms ones 0.25 s).
 */
export function redrawInterval(minMs: number): number {
  return Math.max(minMs, drawStats.average / drawBudget);
}

/** Draw or update `fig` on `el` (Plotly diffs against what is there). */
export function draw(el: HTMLElement, fig: Figure): void {
  timed(() => void Plotly.react(el, fig.data, { ...baseLayout, ...fig.layout }, config));
}

/** Append points to traces `indices` of the figure on `el`. */
export function extend(el: HTMLElement, x: number[][], y: number[][], indices: number[]): void {
  timed(() => void Plotly.extendTraces(el, { x, y } as unknown as Data, indices));
}

/** Remove the figure and its listeners. */
export function purge(el: HTMLElement): void {
  Plotly.purge(el);
}

/** Download the figure on `el` as a PNG or SVG file named `stem`.png/.svg. */
export async function saveImage(el: HTMLElement, format: 'png' | 'svg', stem: string): Promise<void> {
  const width = Math.max(640, el.clientWidth);
  const height = Math.max(360, el.clientHeight);
  const uri = await Plotly.toImage(el, { format, width, height, scale: format === 'png' ? 2 : 1 });
  download(dataUriToBlob(uri), `${stem}.${format}`);
}

/** The figure on `el` as a PNG data URI of `width` × `height` pixels (e.g. for recorded animations). */
export function plotImage(el: HTMLElement, width: number, height: number): Promise<string> {
  return Plotly.toImage(el, { format: 'png', width, height, scale: 1 });
}

/** Colours per loss term (category10). */
export const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf'];
/** Colour of the total loss. */
export const totalColor = '#333';
