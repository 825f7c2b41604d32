import { useMemo } from 'react';
import type { ExperimentConfig } from '../../engine/config';
import { usePlayground } from '../../store/playground';
import { currentStep } from '../../store/runs';
import { runsChange } from '../../worker/continuable';

/**
 * Says, before Start or Step is pressed, what they will do with the run that is there after
 * the settings changed: continue it from its current weights (learning rate, batch, loss
 * weights, balancing, diagnostics, steps) or discard it and begin from fresh weights.
 */
export function ChangeNotice() {
  const status = usePlayground((s) => s.status);
  const runs = usePlayground((s) => s.runs);
  const config = usePlayground((s) => s.config);
  const compare = usePlayground((s) => s.compare);
  const overrides = usePlayground((s) => s.overrides);
  const runConfigs = usePlayground((s) => s.runConfigs);
  const change = useMemo(() => {
    const current = runs.filter((r) => r !== null).map((r) => r.config);
    if (!config || !current.length) return null;
    return runsChange(current, runConfigs() as ExperimentConfig[]);
  }, [runs, config, compare, overrides, runConfigs]); // eslint-disable-line react-hooks/exhaustive-deps
  if (status === 'running' || status === 'connecting' || !change || change.kind === 'same') return null;
  const step = currentStep(runs[0] ?? undefined);
  const what = change.fields.join(', ');
  const restart = change.kind === 'restart';
  return (
    <p
      className={`change-notice${restart ? ' restart' : ''}`}
      role="status"
      data-testid="change-notice"
      data-kind={change.kind}
    >
      {restart ? (
        <>
          Changed {what}: Start or Step begins a <strong>new run from fresh weights</strong>; the current one (step{' '}
          {step}) is discarded.
        </>
      ) : (
        <>
          Changed {what}: Start or Step <strong>continues from the current weights</strong> (step {step})
          {runs[0]?.diverged ? ', its last good ones' : ''}.
        </>
      )}
    </p>
  );
}
