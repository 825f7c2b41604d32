import { usePlayground } from '../store/playground';
import { currentStep, latest, type RunView } from '../store/runs';
import { formatBackend, formatNumber } from './format';

/** One run's numbers; run A keeps the plain test ids, run B's end in "-b". */
function RunStats({ run, index, both }: { run: RunView | null; index: number; both: boolean }) {
  const sfx = index === 0 ? '' : '-b';
  const loss = latest(run ?? undefined, 'loss');
  // A typed PDE has no known solution: its evaluations' error is NaN, shown as '—'.
  const noSolution = run?.config.pde === 'custom';
  const relL2 = noSolution ? null : run?.evaluation?.relL2 ?? latest(run ?? undefined, 'relL2');
  const ms = latest(run ?? undefined, 'msPerStep');
  const cell = (label: string, id: string, text: string, value?: number | null) => (
    <div>
      <dt>{label}</dt>
      <dd data-testid={`${id}${sfx}`} data-value={value ?? ''}>{text}</dd>
    </div>
  );
  return (
    <dl className="stats" aria-label={both ? `Run ${'AB'[index]}` : 'Run'}>
      {both ? <div className="run-tag">{'AB'[index]}: {run?.config.optimizer ?? '—'} · {run?.config.arch ?? '—'}</div> : null}
      {cell('Step', 'step', String(currentStep(run ?? undefined)))}
      {cell('Loss', 'loss', formatNumber(loss), loss)}
      {cell('Rel. L2 error', 'rel-l2', formatNumber(relL2, 3), relL2)}
      {cell('Steps/s', 'speed', ms ? (1000 / ms).toFixed(1) : '—')}
      {cell('Parameters', 'params', run ? String(run.paramCount) : '—')}
      {run?.diverged ? <div className="run-diverged">diverged</div> : null}
    </dl>
  );
}

/** Status, backend (and why, when it fell back) and each run's latest numbers. */
export function Stats() {
  const status = usePlayground((s) => s.status);
  const backend = usePlayground((s) => s.backend);
  const reason = usePlayground((s) => s.backendReason);
  const runs = usePlayground((s) => s.runs);
  const both = runs[1] !== null;
  return (
    <div className="stats-bar">
      <dl className="stats">
        <div>
          <dt>Status</dt>
          <dd data-testid="status">{status}</dd>
        </div>
        <div className="backend">
          <dt>Backend</dt>
          <dd data-testid="backend" title={reason}>{formatBackend(backend, reason)}</dd>
        </div>
      </dl>
      <RunStats run={runs[0]} index={0} both={both} />
      {both ? <RunStats run={runs[1]} index={1} both /> : null}
    </div>
  );
}
