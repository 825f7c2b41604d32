/**
 * The one place the UI talks to Plotly: figures are built once per element with
 * `Plotly.react` (which also updates them in place) and extended with `extendTraces`;
 * images for export come from `Plotly.toImage`.
 */
import Plotly from 'plotly.js-dist-min';
import type { Data, Layout } from 'plotly.js-dist-min';
import { dataUriToBlob, download } from '../io/download';
import { plotTheme } from './theme';

/** Plotly's trace and layout types. */
export type { Data, Layout };

/** A figure: traces and layout. */
export interface Figure {
  data: Data[];
  layout: Partial<Layout>;
}

const config = {
  responsive: true,
  displaylogo: false,
  modeBarButtonsToRemove: ['toImage' as const, 'select2d' as const, 'lasso2d' as const],
};

/**
 * Shared look: compact margins, readable fonts, a compact legend above the plot, and the
 * colours of light or dark mode (every axis, through the template).
 */
export function baseLayout(): Partial<Layout> {
  const t = plotTheme();
  const axis = { gridcolor: t.grid, zerolinecolor: t.grid, linecolor: t.grid };
  return {
    margin: { l: 64, r: 16, t: 16, b: 40 },
    font: { family: 'system-ui, sans-serif', size: 12, color: t.fg },
    paper_bgcolor: t.bg,
    plot_bgcolor: t.bg,
    legend: { orientation: 'h', x: 0, y: 1, yanchor: 'bottom', font: { size: 10 }, bgcolor: 'rgba(0,0,0,0)' },
    template: { layout: { xaxis: axis, yaxis: axis } } as Layout['template'],
  };
}

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

/** However costly draws are, a live plot is never staler than this while training. */
export const maxRedrawMs = 2500;

/**
 * How long a live plot waits between redraws: at least `minMs`, and long enough that its
 * draws stay within the budget (a 40 ms redraw on a slow machine waits 2 s; 5 ms ones 0.25 s),
 * but at most `maxRedrawMs` so the plots stay fresh where draws are slow.
 */
export function redrawInterval(minMs: number): number {
  return Math.min(maxRedrawMs, Math.max(minMs, drawStats.average / drawBudget));
}

/** Draw or update `fig` on `el` (Plotly diffs against what is there). */
export function draw(el: HTMLElement, fig: Figure): void {
  timed(() => void Plotly.react(el, fig.data, { ...baseLayout(), ...fig.layout }, config));
}

/** Re-colour the figure on `el` for the current light or dark mode (data untouched). */
export function retheme(el: HTMLElement): void {
  if ((el as unknown as { data?: unknown }).data) timed(() => void Plotly.relayout(el, baseLayout()));
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

/** Colours per loss term (Okabe–Ito, colour-blind safe; see theme.ts). */
export { palette } from './theme';
