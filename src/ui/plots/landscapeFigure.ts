/**
 * The loss-landscape figure (diagnostics/landscape.ts): left, the loss along the Hessian's top
 * and bottom eigenvectors against the distance α (log scale); right, the loss on the plane the
 * two span as a heatmap (log10). Near a saddle the bottom curve falls away on both sides.
 */
import type { LandscapeView } from '../../engine/diagnostics/landscape';
import type { Data, Figure, Layout } from './plotly';

/** The figure, or null before any landscape was computed. */
export function landscapeFigure(l: LandscapeView | null | undefined): Figure | null {
  if (!l) return null;
  const n = l.grid.offsets.length;
  const z = Array.from({ length: n }, (_, j) =>
    Array.from({ length: n }, (_, i) => Math.log10(Math.max(l.grid.loss[i * n + j], 1e-30))),
  );
  const slice = (end: string, lambda: number, y: number[], color: string) =>
    ({
      type: 'scatter',
      mode: 'lines',
      name: `${end} eigenvector (λ = ${lambda.toPrecision(3)})`,
      x: l.alphas,
      y,
      line: { color },
    }) as Data;
  const data: Data[] = [
    slice('top', l.lambdaTop, l.alongTop, '#d62728'),
    slice('bottom', l.lambdaBottom, l.alongBottom, '#1f77b4'),
    {
      type: 'heatmap',
      x: l.grid.offsets,
      y: l.grid.offsets,
      z,
      xaxis: 'x2',
      yaxis: 'y2',
      colorscale: 'Viridis',
      colorbar: { title: { text: 'log₁₀ L' }, x: 1.02, len: 0.9 },
      showlegend: false,
    } as Data,
  ];
  const layout: Partial<Layout> = {
    xaxis: { domain: [0, 0.42], title: { text: 'α (distance along the eigenvector)' } },
    yaxis: { type: 'log', exponentformat: 'power', title: { text: 'loss L(θ + α v)' } },
    xaxis2: { domain: [0.55, 0.95], anchor: 'y2', title: { text: 'α along v_top' } },
    yaxis2: { anchor: 'x2', title: { text: 'β along v_bottom' } },
    legend: { orientation: 'h', y: -0.25 },
  };
  return { data, layout };
}
