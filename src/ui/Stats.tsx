import { useTraining } from '../store/training';
import { formatBackend, formatNumber } from './format';

/** Backend, status and the latest numbers from the worker. */
export function Stats() {
  const s = useTraining();
  return (
    <dl className="stats">
      <div>
        <dt>Backend</dt>
        <dd data-testid="backend">{formatBackend(s.backend, s.backendReason)}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd data-testid="status">{s.status}</dd>
      </div>
      <div>
        <dt>Step</dt>
        <dd data-testid="step">{s.step}</dd>
      </div>
      <div>
        <dt>Loss</dt>
        <dd data-testid="loss">{formatNumber(s.loss)}</dd>
      </div>
      <div>
        <dt>Rel. L2 error</dt>
        <dd data-testid="rel-l2">{formatNumber(s.relL2, 3)}</dd>
      </div>
      <div>
        <dt>Steps/s</dt>
        <dd data-testid="speed">{s.stepsPerSec === null ? '—' : s.stepsPerSec.toFixed(1)}</dd>
      </div>
      <div>
        <dt>Parameters</dt>
        <dd data-testid="params">{s.run ? s.run.paramCount : '—'}</dd>
      </div>
    </dl>
  );
}
