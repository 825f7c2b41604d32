import { useEffect, type RefObject } from 'react';
import { purge, retheme } from './plotly';
import { onSchemeChange } from './theme';
import { useInView } from './useInView';

/**
 * The life of a live plot on `ref`: `sync` (which draws or extends it from the current data)
 * runs whenever it changes while the plot is on screen, and once more when it scrolls back
 * into view; the figure is purged when the component goes away, and re-coloured when the
 * system switches between light and dark mode.
 */
export function usePlot(ref: RefObject<HTMLDivElement | null>, sync: () => void): void {
  const inView = useInView(ref);
  useEffect(() => {
    if (inView) sync();
  }, [inView, sync]);
  useEffect(() => {
    const el = ref.current;
    const off = onSchemeChange(() => el && retheme(el));
    return () => {
      off();
      if (el) purge(el);
    };
  }, [ref]);
}
