import { useCallback, useMemo, useRef } from 'react';
import { usePlayground } from '../../store/playground';
import { Panel } from './Panel';
import { baseLayout, draw, extend, type Layout } from './plotly';
import { buildTraces, increments, points, traceKey, type SeriesDef, type SeriesRun } from './series';
import { usePlot } from './usePlot';
import { useLive } from './useLive';

const baseLegend = baseLayout().legend;

/** How often line plots redraw at most (ms); slower when draws are expensive (see redrawInterval). */
const redrawMs = 500;

/**
 * A line plot of logged metrics for run A (solid) and run B (dashed) on shared axes: built
 * once per run, then extended as rows arrive.
 */
export function SeriesPanel(props: {
  title: string;
  help: string;
  name: string;
  defs: SeriesDef[];
  layout: Partial<Layout>;
  /** Text shown while no series has a point (e.g. how to enable the metric). */
  emptyText: string;
}) {
  const runs = useLive(
    usePlayground((s) => s.runs),
    redrawMs,
  );
  const ref = useRef<HTMLDivElement>(null);
  const drawn = useRef({ key: '', counts: [] as number[], lasts: [] as unknown[] });
  const series = useMemo<SeriesRun[]>(
    () => runs.flatMap((r, i) => (r ? [{ label: 'AB'[i], rows: r.rows, dashed: i === 1, version: r.version }] : [])),
    [runs],
  );
  const hasPoints = series.some((r) => props.defs.some((d) => points(r.rows, d).x.length > 0));

  /** Bring the plot up to date: rebuild when the traces changed, else append new points (if any). */
  const sync = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const key = traceKey(props.defs, series);
    const counts = series.map((r) => r.rows.length);
    const lasts = series.map((r) => r.rows.at(-1));
    const d = drawn.current;
    // A shorter history, or a last row replaced in place (an error added at Pause), redraws.
    const rewritten = counts.some((c, i) => c < (d.counts[i] ?? 0) || (c === d.counts[i] && lasts[i] !== d.lasts[i]));
    if (key !== d.key || rewritten) {
      const title = { text: 'solid A, dashed B:', font: { size: 10 } };
      const legend = series.length > 1 ? { legend: { ...baseLegend, title } } : {};
      const layout = { uirevision: props.name, ...legend, ...props.layout };
      draw(el, { data: buildTraces(props.defs, series), layout });
    } else if (counts.some((c, i) => c > (d.counts[i] ?? 0))) {
      const inc = increments(props.defs, series, d.counts);
      if (inc.x.some((x) => x.length))
        extend(
          el,
          inc.x,
          inc.y,
          inc.x.map((_, i) => i),
        );
    }
    drawn.current = { key, counts, lasts };
  }, [series, props.defs, props.layout, props.name]);
  usePlot(ref, sync);

  return (
    <Panel
      title={props.title}
      help={props.help}
      name={props.name}
      plot={ref}
      empty={hasPoints ? null : props.emptyText}
      beforeSave={sync}
    >
      <div className="chart" ref={ref} data-testid={`${props.name}-chart`} />
    </Panel>
  );
}
