/**
 * The line-plot panels: loss and error, loss weights, gradient alignment, Hessian top
 * eigenvalue and step rate. Each is a set of series over the metrics rows the worker logs
 * (see `metricsRow`: `loss.<term>`, `weight.<term>`, `align.*`, `hess.top*`, `msPerStep`).
 */
import { useMemo } from 'react';
import { usePlayground } from '../../store/playground';
import { palette, type Layout } from './plotly';
import { errorColor, plotTheme } from './theme';
import { useDark } from './useDark';
import type { SeriesDef } from './series';
import { SeriesPanel } from './SeriesPanel';

/** The loss terms of the current runs (run A's, else the edited PDE's). */
function useTerms(): string[] {
  const runTerms = usePlayground((s) => s.runs[0]?.terms);
  const pde = usePlayground((s) => s.config?.pde);
  const catalog = usePlayground((s) => s.catalog);
  return useMemo(() => runTerms ?? catalog?.pdes.find((p) => p.id === pde)?.terms ?? [], [runTerms, catalog, pde]);
}

/** The terms run A's hard constraint imposes exactly (so they are not in the loss), or []. */
function useImposed(): string[] {
  const on = usePlayground((s) => s.runs[0]?.config.hardConstraints ?? false);
  const pde = usePlayground((s) => s.runs[0]?.config.pde);
  const catalog = usePlayground((s) => s.catalog);
  return useMemo(
    () => (on ? (catalog?.pdes.find((p) => p.id === pde)?.hardConstraint?.terms ?? []) : []),
    [on, pde, catalog],
  );
}

const stepAxis = { title: { text: 'training step' } };
const logAxis = (title: string) => ({ type: 'log' as const, exponentformat: 'power' as const, title: { text: title } });

/** Loss per term and total (log), relative L2 error below (not for a typed PDE: it has no known solution). */
export function LossPanel() {
  const terms = useTerms();
  const typed = usePlayground((s) => (s.runs[0]?.config.pde ?? s.config?.pde) === 'custom');
  const imposed = useImposed();
  const dark = useDark();
  const defs = useMemo<SeriesDef[]>(
    () => [
      ...terms.map((t, i) => ({
        name: `L_${t}`,
        color: palette[i % palette.length],
        value: (r: Record<string, number>) => r[`loss.${t}`],
      })),
      { name: 'total Σ wᵢLᵢ', color: plotTheme().neutral, dash: 'dot' as const, value: (r) => r.loss },
      ...(typed
        ? []
        : [
            {
              name: 'rel. L2 error',
              color: errorColor,
              y2: true,
              sparse: true,
              value: (r: Record<string, number>) => r.relL2,
            },
          ]),
    ],
    [terms, typed, dark],
  ); // eslint-disable-line react-hooks/exhaustive-deps
  const layout = useMemo<Partial<Layout>>(
    () =>
      typed
        ? { xaxis: stepAxis, yaxis: logAxis('loss Lᵢ') }
        : {
            xaxis: { ...stepAxis, anchor: 'y2' },
            yaxis: { ...logAxis('loss Lᵢ'), domain: [0.42, 1] },
            yaxis2: { ...logAxis('rel. L2'), domain: [0, 0.3], nticks: 4 },
          },
    [typed],
  );
  return (
    <SeriesPanel
      name="loss"
      title={`Loss and error${imposed.length ? ` — ${imposed.join(', ')} imposed exactly (hard constraint)` : ''}`}
      defs={defs}
      layout={layout}
      emptyText="Press Start or Step to see the losses."
      help={
        'Top: each loss term Lᵢ (mean squared residual, log scale) and the weighted total. Bottom: the relative ' +
        'L2 error ‖u − u*‖/‖u*‖ against the exact or reference solution (none for a typed PDE). ' +
        'In compare mode run B is dashed.'
      }
    />
  );
}

/** Loss weights per term over training. */
export function WeightsPanel() {
  const terms = useTerms();
  const defs = useMemo<SeriesDef[]>(
    () => terms.map((t, i) => ({ name: `w_${t}`, color: palette[i % palette.length], value: (r) => r[`weight.${t}`] })),
    [terms],
  );
  const layout = useMemo<Partial<Layout>>(() => ({ xaxis: stepAxis, yaxis: logAxis('weight wᵢ') }), []);
  return (
    <SeriesPanel
      name="weights"
      title="Loss weights"
      defs={defs}
      layout={layout}
      emptyText="Press Start to see the loss weights."
      help={
        'The weight wᵢ of each loss term. Flat unless a balancing method (Loss balancing) rescales the terms ' +
        'so their gradients are comparable.'
      }
    />
  );
}

/** Gradient alignment scores (intra-step, consecutive gradients and updates). */
export function AlignmentPanel() {
  const defs = useMemo<SeriesDef[]>(
    () => [
      { name: 'between terms (intra-step)', color: palette[0], sparse: true, value: (r) => r['align.intra'] },
      { name: 'consecutive gradients', color: palette[1], sparse: true, value: (r) => r['align.interGrad'] },
      { name: 'consecutive updates', color: palette[2], sparse: true, value: (r) => r['align.interUpdate'] },
    ],
    [],
  );
  const layout = useMemo<Partial<Layout>>(
    () => ({ xaxis: stepAxis, yaxis: { title: { text: 'alignment score' }, range: [-1.05, 1.05] } }),
    [],
  );
  return (
    <SeriesPanel
      name="alignment"
      title="Gradient alignment"
      defs={defs}
      layout={layout}
      emptyText="Turn on Gradient alignment in Training → diagnostics (every > 0) and train."
      help={
        "Alignment score in [−1, 1] (Wang et al. 2025): +1 when the loss terms' gradients (or two consecutive " +
        "steps' directions) point the same way, negative when they conflict. " +
        'Low intra-step alignment means the terms fight.'
      }
    />
  );
}

/** Top Hessian eigenvalue of the total loss and of each term. */
export function HessianPanel() {
  const terms = useTerms();
  const dark = useDark();
  const defs = useMemo<SeriesDef[]>(
    () => [
      { name: 'total loss', color: plotTheme().neutral, sparse: true, value: (r) => r['hess.top'] },
      ...terms.map((t, i) => ({
        name: `L_${t}`,
        color: palette[i % palette.length],
        sparse: true,
        value: (r: Record<string, number>) => r[`hess.top.${t}`],
      })),
    ],
    [terms, dark],
  ); // eslint-disable-line react-hooks/exhaustive-deps
  const layout = useMemo<Partial<Layout>>(() => ({ xaxis: stepAxis, yaxis: logAxis('λ_max of ∇²L') }), []);
  return (
    <SeriesPanel
      name="hessian"
      title="Hessian top eigenvalue"
      defs={defs}
      layout={layout}
      emptyText="Turn on Hessian extreme eigenvalues in Training → diagnostics (every > 0) and train."
      help={
        'The largest eigenvalue of the loss Hessian (Lanczos on Hessian-vector products), for the total and ' +
        'each term: the sharpness that limits a stable learning rate (η < 2/λ_max for gradient descent). ' +
        'The most negative eigenvalue (hess.bottom) and whether both converged (hess.converged) are in the ' +
        'exported metrics.'
      }
    />
  );
}

/** Training steps per second. */
export function SpeedPanel() {
  const defs = useMemo<SeriesDef[]>(
    () => [{ name: 'steps / s', color: palette[4], value: (r) => (r.msPerStep > 0 ? 1000 / r.msPerStep : undefined) }],
    [],
  );
  const layout = useMemo<Partial<Layout>>(
    () => ({ xaxis: stepAxis, yaxis: { title: { text: 'steps / s' }, rangemode: 'tozero' as const } }),
    [],
  );
  return (
    <SeriesPanel
      name="speed"
      title="Step rate"
      defs={defs}
      layout={layout}
      emptyText="Press Start to measure the step rate."
      help={
        'Training steps per second on the active backend (diagnostics excluded). ' +
        'Compare runs share one device, so each gets part of it.'
      }
    />
  );
}
