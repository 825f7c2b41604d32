import Plotly from 'plotly.js-dist-min';
import { useEffect, useRef } from 'react';
import type { LossHistory } from '../store/history';
import { useTraining } from '../store/training';

const layout = {
  margin: { l: 60, r: 10, t: 30, b: 40 },
  title: { text: 'Loss' },
  xaxis: { title: { text: 'step' } },
  yaxis: { type: 'log' as const, exponentformat: 'power' as const },
  legend: { orientation: 'h' as const, y: -0.2 },
  uirevision: 'loss',
};

const config = { responsive: true, displaylogo: false };

/** Trace order: the loss terms, then the weighted total. */
function series(h: LossHistory): { name: string; y: number[] }[] {
  return [...Object.entries(h.terms).map(([name, y]) => ({ name, y })), { name: 'total', y: h.total }];
}

/** Loss curves on a log axis, one trace per term; built once per run, then extended. */
export function LossChart() {
  const history = useTraining((s) => s.history);
  const ref = useRef<HTMLDivElement>(null);
  const drawn = useRef({ runId: -1, traces: '', points: 0 });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const all = series(history);
    const names = all.map((s) => s.name).join(',');
    const d = drawn.current;
    const n = history.steps.length;
    if (d.runId !== history.runId || d.traces !== names || n < d.points) {
      const data = all.map((s) => ({
        type: 'scatter' as const,
        mode: 'lines' as const,
        name: s.name,
        x: history.steps.slice(),
        y: s.y.slice(),
        line: s.name === 'total' ? { dash: 'dot' as const, color: '#333' } : undefined,
      }));
      void Plotly.react(el, data, layout, config);
    } else if (n > d.points) {
      const update = { x: all.map(() => history.steps.slice(d.points)), y: all.map((s) => s.y.slice(d.points)) };
      void Plotly.extendTraces(el, update, all.map((_, i) => i));
    }
    drawn.current = { runId: history.runId, traces: names, points: n };
  }, [history]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) Plotly.purge(el);
      drawn.current = { runId: -1, traces: '', points: 0 };
    };
  }, []);

  return <div className="chart" ref={ref} data-testid="loss-chart" />;
}
