import { usePlayground } from '../../store/playground';

/** Start / Pause / Step / Reset, and the run status. */
export function RunBar() {
  const status = usePlayground((s) => s.status);
  const hasRun = usePlayground((s) => s.runs[0] !== null);
  const { start, pause, step, reset } = usePlayground.getState();
  const ready = status !== 'connecting';
  const running = status === 'running';
  return (
    <div className="run-bar" role="toolbar" aria-label="Training">
      <button type="button" className="primary" onClick={start} disabled={!ready || running}>Start</button>
      <button type="button" onClick={pause} disabled={!running}>Pause</button>
      <button type="button" onClick={step} disabled={!ready || running} title="Exactly one optimisation step">Step</button>
      <button type="button" onClick={reset} disabled={!ready || (!hasRun && !running)} title="Forget the run; the next Start begins from fresh weights">Reset</button>
    </div>
  );
}
