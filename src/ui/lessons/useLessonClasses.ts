import { useEffect } from 'react';
import { useLessons } from './lessonStore';

/**
 * Class names for the page root: a lesson open, presenter mode, and one `hide-<section>` per
 * hidden part. When they change the layout changes, so the plots are told to fit their new
 * size (Plotly's responsive plots follow window resizes).
 */
export function useLessonClasses(): string {
  const open = useLessons((s) => s.progress !== null || s.error !== null);
  const { present, hide } = useLessons((s) => s.link);
  const classes = [open ? 'with-lesson' : '', present ? 'present' : '', ...hide.map((h) => `hide-${h}`)]
    .filter(Boolean)
    .join(' ');
  useEffect(() => {
    const id = requestAnimationFrame(() => window.dispatchEvent(new Event('resize')));
    return () => cancelAnimationFrame(id);
  }, [classes]);
  return classes;
}
