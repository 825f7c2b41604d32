import { usePlayground } from '../../store/playground';
import { redrawInterval } from './plotly';
import { useThrottled } from './useThrottled';

/**
 * A store value as a live plot should follow it: while training, at most every
 * `redrawInterval(minMs)` (the UI's draw budget); when paused or stepping, at once.
 */
export function useLive<T>(value: T, minMs: number): T {
  const running = usePlayground((s) => s.status === 'running');
  return useThrottled(value, running ? redrawInterval(minMs) : 0);
}
