import { useCallback, useMemo, useRef } from 'react';
import { usePlayground } from '../../store/playground';
import { collocationFigure } from './collocationFigure';
import { Panel } from './Panel';
import { draw, purge } from './plotly';
import { useLive } from './useLive';
import { usePlot } from './usePlot';

/** Where run A's last training step put its collocation points (streamed with each evaluation). */
export function CollocationPanel() {
  const e = useLive(
    usePlayground((s) => s.runs[0]?.evaluation ?? null),
    200,
  );
  const config = usePlayground((s) => s.runs[0]?.config ?? null);
  const pde = usePlayground((s) => s.catalog?.pdes.find((p) => p.id === config?.pde) ?? null);
  const ref = useRef<HTMLDivElement>(null);
  const figure = useMemo(() => (pde && e ? collocationFigure(e.collocation, pde.axes, pde.domain) : null), [e, pde]);
  const sync = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    if (figure) draw(el, { data: figure.data, layout: { ...figure.layout, uirevision: pde?.id } });
    else purge(el);
  }, [figure, pde]);
  usePlot(ref, sync);
  const method = config?.sampling?.method ?? 'uniform';
  const how =
    method === 'rad'
      ? 'RAD: residual points drawn ∝ |r|^k/mean + c'
      : method === 'rar'
        ? 'RAR-D: refined points added where |r| is large'
        : 'uniform';
  return (
    <Panel
      name="collocation"
      title={`Collocation points${e?.collocation ? ` — step ${e.collocation.step}, ${how}` : ''}`}
      plot={ref}
      beforeSave={sync}
      empty={figure ? null : 'Press Start or Step to see where the training points are.'}
      help={
        'The points the last training step used, per loss term, over the domain (a subsample). With ' +
        'residual-based adaptive sampling (Training → Sampling: RAD or RAR-D, Wu et al. 2023) ' +
        "the residual's points gather where the PDE residual is large, e.g. at the Burgers shock."
      }
    >
      <div className="chart" ref={ref} data-testid="collocation-chart" data-step={e?.collocation?.step ?? ''} />
    </Panel>
  );
}
