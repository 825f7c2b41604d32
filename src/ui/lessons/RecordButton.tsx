import { useRef, useState } from 'react';
import { usePlayground } from '../../store/playground';
import { download } from '../io/download';
import { formatNumber } from '../format';
import { frameLabel, PlotRecorder } from './recorder';

/** The solution chart's current label: the steps and errors of the evaluations it shows. */
function currentLabel(chart: HTMLElement): string {
  const steps = [chart.dataset.step, chart.dataset.stepB].filter((s): s is string => !!s);
  const runs = usePlayground.getState().runs;
  const errors = steps.map((s, i) => {
    const e = runs[i]?.evaluation;
    return e && String(e.step) === s && Number.isFinite(e.relL2) ? formatNumber(e.relL2, 3) : '';
  });
  return steps.length ? frameLabel(steps, errors) : '';
}

/**
 * Header button: record the solution plot while training (one frame per new evaluation, the
 * step drawn in each) and, on Stop, download it as an animated PNG for slides.
 */
export function RecordButton() {
  const rec = useRef<PlotRecorder | null>(null);
  const [frames, setFrames] = useState<number | null>(null);
  const showError = usePlayground((s) => s.showError);
  const start = () => {
    const chart = document.querySelector<HTMLElement>('[data-testid="solution-chart"]');
    if (!chart) return showError('There is no solution plot to record.');
    rec.current = new PlotRecorder(chart, () => currentLabel(chart), setFrames);
    setFrames(0);
  };
  const stop = async () => {
    const r = rec.current;
    rec.current = null;
    setFrames(null);
    if (!r) return;
    try {
      const bytes = await r.finish();
      download(new Blob([bytes as BlobPart], { type: 'image/apng' }), 'pinn-solution-animation.png');
    } catch (e) {
      showError(`The animation was not exported: ${e instanceof Error ? e.message : String(e)}.`);
    }
  };
  return frames === null ? (
    <button
      type="button"
      onClick={start}
      title="Record the solution plot while it trains, one frame per evaluation, and export an animated PNG"
    >
      Record
    </button>
  ) : (
    <button
      type="button"
      aria-pressed="true"
      data-testid="record-stop"
      data-frames={frames}
      onClick={() => void stop()}
    >
      Stop ({frames} frames)
    </button>
  );
}
