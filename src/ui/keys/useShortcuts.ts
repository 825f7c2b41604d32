import { useEffect } from 'react';
import { usePlayground } from '../../store/playground';
import { shortcutOf } from './shortcuts';

/**
 * The run bar's keys on the whole page (see shortcuts.ts): Space starts or pauses, S steps,
 * R resets, each only when the matching button is enabled.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutOf(e, document.activeElement);
      if (!action) return;
      const s = usePlayground.getState();
      if (s.status === 'connecting') return;
      const running = s.status === 'running';
      const blocked = s.configError !== null;
      e.preventDefault();
      if (action === 'toggle') {
        if (running) s.pause();
        else if (!blocked) s.start();
      } else if (action === 'step' && !running && !blocked) s.step();
      else if (action === 'reset' && (s.runs[0] || running)) s.reset();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
