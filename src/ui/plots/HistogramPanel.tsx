import { useCallback, useMemo, useRef, useState } from 'react';
import type { DiagnosticsConfig } from '../../engine/config';
import { usePlayground } from '../../store/playground';
import { currentStep } from '../../store/runs';
import { InlineSelect } from '../controls/fields';
import { histogramFigure } from './histogramFigure';
import { Panel } from './Panel';
import { draw, purge } from './plotly';
import { usePlot } from './usePlot';
import { useLive } from './useLive';

/** What the empty panel says: how to turn histograms on, or when the first ones come. */
export function histogramHint(d: DiagnosticsConfig, hasRun: boolean, step: number): string {
  if (!d.kinds.includes('hist')) return 'Turn on Gradient histograms in Training → diagnostics and train.';
  if (d.every <= 0) return 'Gradient histograms are ticked, but Diagnostics every is 0: set it above 0 and train.';
  const first = (Math.floor(step / d.every) + 1) * d.every;
  return hasRun
    ? `The first histograms come at step ${first} (diagnostics every ${d.every} steps).`
    : `Press Start: histograms come every ${d.every} steps, the first at step ${d.every}.`;
}

/** Which gradient a layer's histogram counts (the engine's `LayerHistogram.source`). */
function sourceText(source: string | undefined): string {
  return source === 'W = V·diag(exp s)'
    ? 'Gradient of the effective weight W = V·diag(exp s) (random weight factorization: V and s are trained; ' +
        '∂L/∂W = (∂L/∂V) / exp(s)).'
    : "Gradient of the layer's weight matrix W.";
}

/**
 * Gradient histograms per layer and loss term, with a layer menu, a run menu in compare
 * mode and a slider over the diagnostics steps (it follows the newest step while at the end).
 */
export function HistogramPanel() {
  const runs = useLive(
    usePlayground((s) => s.runs),
    300,
  );
  const [runIdx, setRunIdx] = useState(0);
  const [layer, setLayer] = useState('');
  const [pick, setPick] = useState<number | null>(null); // null = follow the newest
  const ref = useRef<HTMLDivElement>(null);
  const run = runs[runIdx] ?? runs[0];
  const history = run?.histograms ?? [];
  const index = pick === null ? history.length - 1 : Math.min(pick, history.length - 1);
  const snap = index >= 0 ? history[index] : null;
  const layers = snap?.layers.map((l) => l.layer) ?? [];
  const shownLayer = layers.includes(layer) ? layer : (layers[0] ?? '');
  const h = snap?.layers.find((l) => l.layer === shownLayer);
  const terms = run?.terms;
  const label = runs[1] ? 'AB'[runIdx] : '';
  // Depends on the snapshot itself, so new rows alone do not redraw the histogram.
  const figure = useMemo(
    () => (h && snap ? histogramFigure(h, terms ?? [], snap.step, label) : null),
    [h, snap, terms, label],
  );

  const sync = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    // Without a figure the old one goes (no faded copy of a previous run behind the message).
    if (figure) draw(el, { data: figure.data, layout: { ...figure.layout, uirevision: `${runIdx}:${shownLayer}` } });
    else purge(el);
  }, [figure, runIdx, shownLayer]);
  const diag = usePlayground((s) => (run ? run.config.diagnostics : s.config?.diagnostics));
  usePlot(ref, sync);
  const tools = (
    <>
      {runs[1] ? (
        <InlineSelect label="Run" value={runIdx} onChange={(v) => setRunIdx(Number(v))}>
          <option value={0}>A</option>
          <option value={1}>B</option>
        </InlineSelect>
      ) : null}
      <InlineSelect label="Layer" value={shownLayer} disabled={!layers.length} onChange={setLayer}>
        {layers.map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </InlineSelect>
    </>
  );
  return (
    <Panel
      name="histograms"
      title="Gradient histograms"
      plot={ref}
      tools={tools}
      beforeSave={sync}
      empty={figure ? null : diag ? histogramHint(diag, !!run, currentStep(run ?? undefined)) : ''}
      help={
        'How the gradient ∂Lᵢ/∂W of each unweighted loss term (before the loss weights wᵢ) is distributed over one ' +
        "layer's weight matrix W. With random weight factorization (PirateNet's default) W = V·diag(exp s) is not a " +
        "parameter itself; its gradient is shown, so layers compare across architectures. When one term's histogram " +
        'is much wider, it dominates the update — the stiffness that loss balancing corrects.'
      }
    >
      <div className="chart" ref={ref} data-testid="histograms-chart" data-step={snap?.step ?? ''} />
      {h ? (
        <p className="hint" data-testid="histogram-source">
          {sourceText(h.source)}
        </p>
      ) : null}
      {history.length > 1 ? (
        <label className="slider">
          Diagnostics step {snap?.step}
          <input
            type="range"
            min={0}
            max={history.length - 1}
            value={Math.max(index, 0)}
            onChange={(e) => {
              const v = Number(e.target.value);
              setPick(v === history.length - 1 ? null : v);
            }}
          />
        </label>
      ) : null}
    </Panel>
  );
}
