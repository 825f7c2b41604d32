import Plotly from 'plotly.js-dist-min';
import { useEffect, useRef } from 'react';
import { useTraining, type EvaluationSnapshot } from '../store/training';

const config = { responsive: true, displaylogo: false };
const margin = { l: 50, r: 10, t: 30, b: 40 };

/** Output `k` of the evaluation as rows of a [n0 × n1] grid, transposed so axis 0 runs along x. */
function grid2d(values: Float32Array, nOut: number, k: number, n0: number, n1: number): number[][] {
  return Array.from({ length: n1 }, (_, j) => Array.from({ length: n0 }, (_, i) => values[(i * n1 + j) * nOut + k]));
}

function figure(e: EvaluationSnapshot) {
  const nOut = e.outputs.length;
  const name = e.outputs[0] ?? 'u';
  const title = { text: `${name} at step ${e.step}` };
  if (e.axes.length === 1) {
    const pick = (a: Float32Array) => Array.from({ length: e.ticks[0].length }, (_, i) => a[i * nOut]);
    return {
      data: [
        { type: 'scatter' as const, mode: 'lines' as const, name: 'exact', x: e.ticks[0], y: pick(e.exact), line: { dash: 'dash' as const, color: '#999' } },
        { type: 'scatter' as const, mode: 'lines' as const, name: 'PINN', x: e.ticks[0], y: pick(e.pred), line: { color: '#1f77b4' } },
      ],
      layout: { margin, title, xaxis: { title: { text: e.axes[0] } }, yaxis: { title: { text: name } }, uirevision: e.axes.join() },
    };
  }
  const [t0, t1] = e.ticks;
  return {
    data: [{ type: 'heatmap' as const, x: t0, y: t1, z: grid2d(e.pred, nOut, 0, t0.length, t1.length), colorscale: 'RdBu' as const }],
    layout: { margin, title, xaxis: { title: { text: e.axes[0] } }, yaxis: { title: { text: e.axes[1] } }, uirevision: e.axes.join() },
  };
}

/** The prediction on the evaluation grid: a heatmap for 2-D problems, lines for 1-D. */
export function SolutionChart() {
  const evaluation = useTraining((s) => s.evaluation);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (!evaluation) {
      Plotly.purge(el);
      return;
    }
    const { data, layout } = figure(evaluation);
    void Plotly.react(el, data, layout, config);
  }, [evaluation]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) Plotly.purge(el);
    };
  }, []);

  return <div className="chart" ref={ref} data-testid="solution-chart" />;
}
