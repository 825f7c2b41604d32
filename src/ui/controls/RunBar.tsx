import { usePlayground } from '../../store/playground';
import { firstFieldProblem, useFieldProblems } from './fieldProblems';

/** Start / Pause / Step / Reset, and the run status. */
export function RunBar() {
  const status = usePlayground((s) => s.status);
  const hasRun = usePlayground((s) => s.runs[0] !== null);
  const { start, pause, step, reset } = usePlayground.getState();
  const ready = status !== 'connecting';
  const running = status === 'running';
  // a field whose text is not a valid value blocks Start and Step (the run would use another value)
  const problem = useFieldProblems(firstFieldProblem);
  return (
    <div className="run-bar" role="toolbar" aria-label="Training">
      <button type="button" className="primary" onClick={start} disabled={!ready || running || problem !== null}
        title={problem ?? undefined}>Start</button>
      <button type="button" onClick={pause} disabled={!running}>Pause</button>
      <button type="button" onClick={step} disabled={!ready || running || problem !== null}
        title={problem ?? 'Exactly one optimisation step'}>Step</button>
      <button type="button" onClick={reset} disabled={!ready || (!hasRun && !running)} title="Forget the run; the next Start begins from fresh weights">Reset</button>
    </div>
  );
}
