import { usePlayground } from '../../store/playground';
import { describeOverrides } from '../runTags';
import { BalancingSection } from './BalancingSection';
import { NetworkSection } from './NetworkSection';
import { OptimizerSection } from './OptimizerSection';
import { ProblemSection } from './ProblemSection';
import { TrainingSection } from './TrainingSection';
import { useEdited } from './useEdited';

/** In compare mode: which run the controls edit, and what run B changes. */
function CompareBar() {
  const compare = usePlayground((s) => s.compare);
  const editing = usePlayground((s) => s.editing);
  const overrides = usePlayground((s) => s.overrides);
  const setEditing = usePlayground((s) => s.setEditing);
  if (!compare) return null;
  const changes = describeOverrides(overrides);
  return (
    <div className="compare-bar">
      <div role="radiogroup" aria-label="Edit run" className="segmented">
        {([0, 1] as const).map((i) => (
          <button key={i} type="button" role="radio" aria-checked={editing === i} onClick={() => setEditing(i)}>
            Edit run {'AB'[i]}
          </button>
        ))}
      </div>
      <p className="hint" data-testid="compare-summary">
        Run B = run A{' '}
        {changes.length ? `with ${changes.join(', ')}` : '(identical: change something while editing run B)'}. Same
        seed, so the same initial weights and collocation points unless those change.
      </p>
    </div>
  );
}

/** The experiment's settings, grouped as Problem, Network, Optimizer, Loss balancing, Training. */
export function Controls() {
  const e = useEdited();
  const configError = usePlayground((s) => s.configError);
  if (!e)
    return (
      <aside className="controls" aria-label="Settings">
        <p className="hint">Loading the engine…</p>
      </aside>
    );
  return (
    <aside className="controls" aria-label="Settings">
      <CompareBar />
      {configError ? (
        <p className="config-error" role="status" data-testid="config-error">
          {configError}
        </p>
      ) : null}
      <ProblemSection e={e} />
      <NetworkSection e={e} />
      <OptimizerSection e={e} />
      <BalancingSection e={e} />
      <TrainingSection e={e} />
    </aside>
  );
}
