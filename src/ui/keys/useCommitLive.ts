import { useEffect } from 'react';
import { usePlayground } from '../../store/playground';

/**
 * Commit live edits (the learning rate while training) when the user commits a field: the
 * native `change` event (fired on Enter and when the field loses focus, unlike React's
 * per-keystroke onChange) or Enter itself. Listening on the document keeps the field
 * components unaware of it; see store/liveLr.ts for why keystrokes must not apply.
 */
export function useCommitLive(): void {
  useEffect(() => {
    const commit = () => usePlayground.getState().commitLive();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && e.target instanceof HTMLInputElement) commit();
    };
    document.addEventListener('change', commit, true);
    document.addEventListener('focusout', commit, true);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('change', commit, true);
      document.removeEventListener('focusout', commit, true);
      document.removeEventListener('keydown', onKey, true);
    };
  }, []);
}
