import { useLessons } from './lessonStore';

/** Class names for the page root: a lesson open, presenter mode, and one `hide-<section>` per hidden part. */
export function useLessonClasses(): string {
  const open = useLessons((s) => s.progress !== null || s.error !== null);
  const { present, hide } = useLessons((s) => s.link);
  return [open ? 'with-lesson' : '', present ? 'present' : '', ...hide.map((h) => `hide-${h}`)]
    .filter(Boolean)
    .join(' ');
}
