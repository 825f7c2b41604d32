import { useCallback, useMemo, useRef } from 'react';
import type { ExperimentConfig } from '../../engine/config';
import { ghiaCentreline } from '../../engine/cavity/ghia';
import { usePlayground, type PlaygroundState } from '../../store/playground';
import { flowFigure, isFlow } from './flowFigure';
import { Panel } from './Panel';
import { draw, purge } from './plotly';
import { usePlot } from './usePlot';
import { useLive } from './useLive';

/**
 * Whether the experiment is a steady plane flow (u, v over x–y, e.g. the lid-driven cavity):
 * from the chosen PDE (built-in or typed) before any evaluation, or from either run's latest one.
 */
function flowShown(s: PlaygroundState): boolean {
  const evals = s.runs.map((r) => r?.evaluation).filter((e) => !!e);
  if (evals.some((e) => isFlow(e.axes, e.names))) return true;
  const c = s.config;
  if (c?.custom) return isFlow(c.custom.axes, c.custom.outputs);
  const pde = s.catalog?.pdes.find((p) => p.id === c?.pde);
  return !!pde && isFlow(pde.axes, pde.quantities);
}

/** Run A's Reynolds number when it is the cavity (Ghia et al.'s points are marked for it). */
function cavityRe(config: ExperimentConfig | undefined): number | null {
  return config && config.pde.startsWith('ldc') ? (config.params.Re ?? null) : null;
}

/** The flow panel: speed heatmaps with streamlines and the centreline profile, only for plane flows. */
export function FlowPanel() {
  return usePlayground(flowShown) ? <FlowPlot /> : null;
}

function FlowPlot() {
  const a = useLive(
    usePlayground((s) => s.runs[0]?.evaluation ?? null),
    200,
  );
  const b = useLive(
    usePlayground((s) => s.runs[1]?.evaluation ?? null),
    200,
  );
  const notice = usePlayground((s) => s.runs[0]?.notice || s.runs[1]?.notice || '');
  const ref = useRef<HTMLDivElement>(null);
  const re = usePlayground((s) => cavityRe(s.runs[0]?.config));
  const ghia = useMemo(() => (re === null ? null : ghiaCentreline(re)), [re]);
  const figure = useMemo(() => flowFigure([a, b], ghia), [a, b, ghia]);
  const sync = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    if (figure)
      draw(el, { data: figure.data, layout: { ...figure.layout, uirevision: `${a?.axes.join()}:${b ? 2 : 1}` } });
    else purge(el);
  }, [figure, a, b]);
  usePlot(ref, sync);

  return (
    <Panel
      wide
      name="flow"
      title="Flow"
      plot={ref}
      beforeSave={sync}
      empty={figure ? null : notice || 'Press Start or Step to see the predicted flow.'}
      help={
        'The speed |u| = √(u² + v²) of the predicted and the reference velocity, with streamlines ' +
        '(arrowheads point downstream), and u along the vertical centreline (dotted red) against y — ' +
        "the cavity's classic check against Ghia et al. (1982), whose points are marked at Re = 100 and 400. " +
        'A vortex off-centre or a flat profile shows where the network has not yet learned the flow.'
      }
    >
      <div
        className="chart flow"
        ref={ref}
        data-testid="flow-chart"
        data-step={a?.step ?? ''}
        data-step-b={b?.step ?? ''}
      />
    </Panel>
  );
}
