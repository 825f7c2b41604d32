import { useEffect, useState, type RefObject } from 'react';

/**
 * Whether the element is (near) the visible part of the page. Plots off screen skip their
 * updates and catch up when scrolled into view: on a machine whose GPU is emulated on the
 * CPU, every redraw the main thread saves is a step the worker gains.
 */
export function useInView(ref: RefObject<HTMLElement | null>): boolean {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => setInView(entries.some((e) => e.isIntersecting)), {
      rootMargin: '100px',
    });
    io.observe(el);
    return () => io.disconnect();
  }, [ref]);
  return inView;
}
