import { useEffect, type RefObject } from 'react';
import { purge } from './plotly';
import { useInView } from './useInView';

/**
 * The life of a live plot on `ref`: `sync` (which draws or extends it from the current data)
 * runs whenever it changes while the plot is on screen, and once more when it scrolls back
 * into view; the figure is purged when the component goes away.
 */
export function usePlot(ref: RefObject<HTMLDivElement | null>, sync: () => void): void {
  const inView = useInView(ref);
  useEffect(() => {
    if (inView) sync();
  }, [inView, sync]);
  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) purge(el);
    };
  }, [ref]);
}
