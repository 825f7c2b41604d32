import { useEffect, useRef } from 'react';
import { usePlayground } from '../../store/playground';
import { Progress } from '../Progress';
import { ChangeNotice } from './ChangeNotice';
import { firstFieldProblem, useFieldProblems } from './fieldProblems';

/**
 * Start / Pause / Step / Reset (shortcuts Space, S, R), the progress towards the step target,
 * and what Start will do with a paused run whose settings changed. When the pressed button
 * disables itself (Start while training, Pause when it stops) the keyboard focus moves to its
 * counterpart instead of falling back to the page.
 */
export function RunBar() {
  const status = usePlayground((s) => s.status);
  const hasRun = usePlayground((s) => s.runs[0] !== null);
  const configError = usePlayground((s) => s.configError);
  const { start, pause, step, reset } = usePlayground.getState();
  const ready = status !== 'connecting';
  const running = status === 'running';
  // a field whose text is not a valid value blocks Start and Step too (the run would use another value)
  const fieldProblem = useFieldProblems(firstFieldProblem);
  const blocked = configError !== null || fieldProblem !== null;
  const bar = useRef<HTMLDivElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const pauseRef = useRef<HTMLButtonElement>(null);
  const was = useRef(running);
  useEffect(() => {
    if (was.current === running) return; // only when training starts or stops
    was.current = running;
    const el = document.activeElement;
    const lost =
      !el || el === document.body || (el instanceof HTMLButtonElement && el.disabled && bar.current?.contains(el));
    if (!lost) return;
    const next = running ? pauseRef.current : startRef.current;
    if (next && !next.disabled) next.focus();
  }, [running]);
  const why = fieldProblem ?? (configError !== null ? `The settings are not valid: ${configError}` : undefined);
  return (
    <div className="run-controls" id="run-controls" tabIndex={-1} ref={bar}>
      <div className="run-bar" role="toolbar" aria-label="Training" aria-keyshortcuts="Space S R">
        <button
          type="button"
          className="primary"
          ref={startRef}
          onClick={start}
          disabled={!ready || running || blocked}
          title={why ?? 'Train until the step target (Space)'}
          aria-keyshortcuts="Space"
        >
          Start
        </button>
        <button
          type="button"
          ref={pauseRef}
          onClick={pause}
          disabled={!running}
          title="Pause after the current chunk (Space)"
          aria-keyshortcuts="Space"
        >
          Pause
        </button>
        <button
          type="button"
          onClick={step}
          disabled={!ready || running || blocked}
          title={why ?? 'Exactly one optimisation step (S)'}
          aria-keyshortcuts="S"
        >
          Step
        </button>
        <button
          type="button"
          onClick={reset}
          disabled={!ready || (!hasRun && !running)}
          title="Forget the run; the next Start begins from fresh weights (R)"
          aria-keyshortcuts="R"
        >
          Reset
        </button>
      </div>
      <Progress />
      <ChangeNotice />
    </div>
  );
}
