import { useCallback, useMemo, useRef } from 'react';
import { usePlayground } from '../../store/playground';
import { landscapeFigure } from './landscapeFigure';
import { Panel } from './Panel';
import { draw, purge } from './plotly';
import { usePlot } from './usePlot';

/** Loss-landscape slices of run A along the Hessian's extreme eigenvectors, computed on request. */
export function LandscapePanel() {
  const l = usePlayground((s) => s.runs[0]?.landscape ?? null);
  const hasRun = usePlayground((s) => s.runs[0] !== null);
  const request = usePlayground((s) => s.requestLandscape);
  const ref = useRef<HTMLDivElement>(null);
  const figure = useMemo(() => landscapeFigure(l), [l]);
  const sync = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    if (figure) draw(el, figure);
    else purge(el);
  }, [figure]);
  usePlot(ref, sync);
  const tools = (
    <button
      type="button"
      className="small"
      disabled={!hasRun}
      onClick={() => request(0)}
      data-testid="landscape-compute"
    >
      Compute at current weights
    </button>
  );
  const title = l
    ? `Loss landscape — step ${l.step}, λ_max ${l.lambdaTop.toPrecision(3)}, λ_min ${l.lambdaBottom.toPrecision(3)}`
    : 'Loss landscape';
  return (
    <Panel
      name="landscape"
      title={title}
      plot={ref}
      tools={tools}
      beforeSave={sync}
      empty={
        figure
          ? null
          : 'Train a little, then press “Compute at current weights” ' +
            '(a Lanczos eigen-solve and a few hundred forward passes).'
      }
      help={
        "The loss along the Hessian's top and bottom eigenvectors (left) and on the plane they span " +
        "(right, log₁₀), from the current weights (Li et al. 2018's slices, along eigenvectors). " +
        'A negative λ_min with a curve that falls on both sides is a saddle — ' +
        'where exact-Hessian Newton stalls (Rowan 2025).'
      }
    >
      <div className="chart" ref={ref} data-testid="landscape-chart" data-step={l?.step ?? ''} />
    </Panel>
  );
}
