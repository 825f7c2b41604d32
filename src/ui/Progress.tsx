import { useEffect, useRef, useState } from 'react';
import { usePlayground } from '../store/playground';
import { currentStep } from '../store/runs';
import { addSample, formatDuration, secondsLeft, stepRate, type StepSample } from './progress';

/**
 * The step target, a progress bar and the time remaining at the recent step rate (compare
 * runs train in lockstep: the run furthest from its target sets both).
 */
export function Progress() {
  const status = usePlayground((s) => s.status);
  const runs = usePlayground((s) => s.runs);
  const edited = usePlayground((s) => s.config?.steps ?? 0);
  const samples = useRef<StepSample[]>([]);
  const [rate, setRate] = useState<number | null>(null);
  const live = runs.filter((r) => r !== null);
  const behind = live.length
    ? live.reduce((a, r) => (r.config.steps - currentStep(r) > a.config.steps - currentStep(a) ? r : a))
    : null;
  const step = behind ? currentStep(behind) : 0;
  const target = behind ? behind.config.steps : edited;
  const running = status === 'running';

  useEffect(() => {
    if (!running) {
      samples.current = [];
      setRate(null);
      return;
    }
    samples.current = addSample(samples.current, { ms: performance.now(), step });
    setRate(stepRate(samples.current));
  }, [running, step]);

  const left = running ? secondsLeft(step, target, rate) : null;
  const pct = target > 0 ? Math.min(100, (100 * step) / target) : 0;
  return (
    <div className="progress" data-testid="progress" data-step={step} data-target={target}>
      <progress max={Math.max(target, 1)} value={Math.min(step, target)} aria-label="Training progress" />
      <span>
        Step <strong>{step}</strong> / {target} ({pct < 10 && pct > 0 ? pct.toFixed(1) : Math.round(pct)} %)
        {left !== null ? <span data-testid="eta"> · about {formatDuration(left)} left</span> : null}
      </span>
    </div>
  );
}
