import { usePlayground } from '../store/playground';
import { diffConfig } from '../engine/presets';
import { currentStep, latest, type RunView } from '../store/runs';
import { formatBackend, formatNumber } from './format';
import { runTags } from './runTags';
import { verdict, verdictText } from './verdict';

/** One run's numbers; run A keeps the plain test ids, run B's end in "-b". */
function RunStats({ run, index, both, tag }: { run: RunView | null; index: number; both: boolean; tag: string }) {
  const sfx = index === 0 ? '' : '-b';
  const loss = latest(run ?? undefined, 'loss');
  // A typed PDE has no known solution: its evaluations' error is NaN, shown as '—'.
  const noSolution = run?.config.pde === 'custom';
  const relL2 = noSolution ? null : (run?.evaluation?.relL2 ?? latest(run ?? undefined, 'relL2'));
  const ms = latest(run ?? undefined, 'msPerStep');
  const cell = (label: string, id: string, text: string, value?: number | null) => (
    <div>
      <dt>{label}</dt>
      <dd data-testid={`${id}${sfx}`} data-value={value ?? ''}>
        {text}
      </dd>
    </div>
  );
  return (
    <dl className="stats" aria-label={both ? `Run ${'AB'[index]}` : 'Run'}>
      {both ? (
        <div className="run-tag" data-testid={`run-tag${sfx}`}>
          {'AB'[index]}: {tag}
        </div>
      ) : null}
      {cell('Step', 'step', String(currentStep(run ?? undefined)))}
      {cell('Loss', 'loss', formatNumber(loss), loss)}
      {cell('Rel. L2 error', 'rel-l2', formatNumber(relL2, 3), relL2)}
      {cell('Steps/s', 'speed', ms ? (1000 / ms).toFixed(1) : '—')}
      {cell('Parameters', 'params', run ? String(run.paramCount) : '—')}
      {run?.diverged ? <div className="run-diverged">diverged</div> : null}
    </dl>
  );
}

/** In compare mode, one line: who leads on rel. L2 (or loss) and by what factor, live. */
function VerdictLine({ a, b }: { a: RunView | null; b: RunView | null }) {
  const v = verdict(a, b);
  if (!v) return null;
  return (
    <p className="verdict" data-testid="verdict" data-leader={v.leader ?? ''} data-factor={v.factor}>
      {verdictText(v, (x) => formatNumber(x, 3))}
      {v.steps[0] !== v.steps[1] ? ` at steps ${v.steps[0]} / ${v.steps[1]}` : ` at step ${v.steps[0]}`}
    </p>
  );
}

/** Status, backend (and why, when it fell back) and each run's latest numbers. */
export function Stats() {
  const status = usePlayground((s) => s.status);
  const backend = usePlayground((s) => s.backend);
  const reason = usePlayground((s) => s.backendReason);
  const threads = usePlayground((s) => s.backendThreads);
  const runs = usePlayground((s) => s.runs);
  const config = usePlayground((s) => s.config);
  const overrides = usePlayground((s) => s.overrides);
  const both = runs[1] !== null;
  // The runs' own configs tell them apart (the edited ones may have moved on since Start).
  const [a, b] = runs;
  const tags = a && b ? runTags(a.config, diffConfig(a.config, b.config)) : runTags(config ?? {}, overrides);
  return (
    <div className="stats-bar">
      <dl className="stats">
        <div>
          <dt>Status</dt>
          <dd data-testid="status">{status}</dd>
        </div>
        <div className="backend">
          <dt>Backend</dt>
          <dd data-testid="backend" data-threads={threads} title={reason}>
            {formatBackend(backend, reason, threads)}
          </dd>
        </div>
      </dl>
      <RunStats run={runs[0]} index={0} both={both} tag={tags[0]} />
      {both ? <RunStats run={runs[1]} index={1} both tag={tags[1]} /> : null}
      {both ? <VerdictLine a={runs[0]} b={runs[1]} /> : null}
    </div>
  );
}
