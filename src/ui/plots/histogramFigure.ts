/**
 * Per-layer gradient histograms (gradient-pathologies paper, Fig. 2): the distribution of
 * ∂Lᵢ/∂W over one layer's weights for every loss term, as overlaid bars on the shared bin
 * edges the engine computed, so a term whose gradients are much larger stands out.
 */
import type { LayerHistogram } from '../../engine/diagnostics/histogram';
import { palette, type Figure } from './plotly';

/** Bin centres and width from edges (bins + 1 values). */
export function binCentres(edges: Float32Array): { centres: number[]; width: number } {
  const centres = Array.from({ length: edges.length - 1 }, (_, k) => (edges[k] + edges[k + 1]) / 2);
  return { centres, width: edges.length > 1 ? (edges[edges.length - 1] - edges[0]) / (edges.length - 1) : 1 };
}

/** The overlaid histograms of one layer at one diagnostics step. */
export function histogramFigure(h: LayerHistogram, terms: readonly string[], step: number, run: string): Figure {
  const { centres, width } = binCentres(h.edges);
  const names = terms.length ? terms.filter((t) => t in h.terms) : Object.keys(h.terms);
  return {
    data: names.map((t, i) => ({
      type: 'bar',
      x: centres,
      y: Array.from(h.terms[t].counts),
      width,
      name: `∂L_${t}/∂W (mean |g| ${h.terms[t].meanAbs.toExponential(1)})`,
      marker: { color: palette[i % palette.length] },
      opacity: 0.55,
      hovertemplate: `${t}: %{y} entries near %{x:.3g}<extra></extra>`,
    })),
    layout: {
      barmode: 'overlay',
      bargap: 0,
      margin: { l: 56, r: 16, t: 16, b: 40 },
      xaxis: {
        title: { text: `gradient entry ∂Lᵢ/∂W in ${h.layer}${run ? ` (run ${run})` : ''}, step ${step}` },
        exponentformat: 'power',
      },
      yaxis: { title: { text: 'count (weights)' } },
    },
  };
}
