import { useCallback, useMemo, useRef, useState } from 'react';
import { usePlayground } from '../../store/playground';
import { InlineSelect } from '../controls/fields';
import { Panel } from './Panel';
import { draw, purge } from './plotly';
import { solutionFigure } from './solutionFigure';
import { usePlot } from './usePlot';
import { useLive } from './useLive';
import { useNarrow } from './useNarrow';

/** Prediction, reference and |error| (heatmaps, or lines for 1-D problems), for one or both runs. */
export function SolutionPanel() {
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
  const [quantity, setQuantity] = useState(0);
  const names = a?.names ?? [];
  const k = Math.min(quantity, Math.max(0, names.length - 1));
  const narrow = useNarrow();
  const figure = useMemo(() => solutionFigure([a, b], k, narrow), [a, b, k, narrow]);
  const stacked = narrow && (a?.axes.length ?? 0) > 1;
  const sync = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    if (figure)
      draw(el, { data: figure.data, layout: { ...figure.layout, uirevision: `${a?.axes.join()}:${k}:${narrow}` } });
    else purge(el);
  }, [figure, a, k, narrow]);
  usePlot(ref, sync);

  const steps = [a, b]
    .filter(Boolean)
    .map(
      (e, i) =>
        `${b ? `${'AB'[i]}: ` : ''}step ${e!.step}` +
        `${Number.isFinite(e!.relL2) ? `, rel. L2 ${e!.relL2.toPrecision(3)}` : ''}`,
    )
    .join(' · ');
  const tools =
    names.length > 1 ? (
      <InlineSelect label="Quantity" value={k} onChange={(v) => setQuantity(Number(v))}>
        {names.map((n, i) => (
          <option key={n} value={i}>
            {n}
          </option>
        ))}
      </InlineSelect>
    ) : null;
  return (
    <Panel
      wide
      name="solution"
      title={`Solution${steps ? ` — ${steps}` : ''}`}
      plot={ref}
      tools={tools}
      beforeSave={sync}
      empty={figure ? null : notice || 'Press Start or Step to see the network’s prediction.'}
      help={
        "The network's prediction u, the exact (or spectral reference) solution u* and the pointwise error " +
        '|u − u*| (for a typed PDE without one, the |PDE residual|) on the evaluation grid, refreshed while ' +
        'training (as often as the streaming budget allows). Time-dependent problems: t runs left to right, ' +
        'x bottom to top.'
      }
    >
      <div
        className={`chart solution${stacked ? ' stacked' : ''}`}
        ref={ref}
        data-testid="solution-chart"
        data-step={a?.step ?? ''}
        data-step-b={b?.step ?? ''}
      />
      {figure && notice ? <p className="notice">{notice}</p> : null}
    </Panel>
  );
}
