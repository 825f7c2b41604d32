/**
 * The collocation-points figure: where the last step's training points lie, one colour per loss
 * term, over the domain — x–t (t horizontal) or x–y for 2-D problems, and along the line with
 * the terms on separate rows for 1-D ones. With adaptive sampling (RAD, RAR-D) the residual's
 * points gather where |r| is large, e.g. at the Burgers shock.
 */
import type { CollocationSnapshot } from '../../worker/protocol';
import type { Data, Figure, Layout } from './plotly';

/** Term colours (plotly.ts's first four; importing that module would load Plotly here). */
const colors = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728'];

const axisTitle: Record<string, string> = { t: 't (time)', x: 'x (space)', y: 'y (space)' };

/** The scatter of `c` over `domain` (axes in the PDE's order), or null when there is nothing to show. */
export function collocationFigure(
  c: CollocationSnapshot | undefined,
  axes: string[],
  domain: Record<string, [number, number]>,
): Figure | null {
  if (!c || !c.terms.length) return null;
  const d = axes.length;
  const data: Data[] = c.terms.map((term, k) => {
    const p = c.points[k];
    const n = p.length / d;
    const col = (j: number) => Array.from({ length: n }, (_, i) => p[i * d + j]);
    return {
      type: 'scattergl',
      mode: 'markers',
      name: `${term} (${n})`,
      x: col(0),
      y: d > 1 ? col(1) : new Array(n).fill(k),
      marker: { size: term === 'res' ? 3 : 4, color: colors[k % colors.length], opacity: 0.7 },
    } as Data;
  });
  const layout: Partial<Layout> = {
    xaxis: { title: { text: axisTitle[axes[0]] ?? axes[0] }, range: pad(domain[axes[0]]) },
    yaxis:
      d > 1
        ? { title: { text: axisTitle[axes[1]] ?? axes[1] }, range: pad(domain[axes[1]]) }
        : { tickvals: c.terms.map((_, k) => k), ticktext: c.terms, range: [-0.5, c.terms.length - 0.5] },
    legend: { orientation: 'h', y: -0.2 },
  };
  return { data, layout };
}

/** A range 2 % wider than the domain's, so points on the boundary stay visible. */
function pad([lo, hi]: [number, number]): [number, number] {
  const m = 0.02 * (hi - lo);
  return [lo - m, hi + m];
}
