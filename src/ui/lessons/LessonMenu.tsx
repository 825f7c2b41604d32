import { lessonIds, lessons } from '../../engine/lessons';
import { usePlayground } from '../../store/playground';
import { InlineSelect } from '../controls/fields';
import { useLessons } from './lessonStore';

/** The header's "Lessons" entry: pick a lesson to open it at its first step. */
export function LessonMenu() {
  const open = useLessons((s) => s.open);
  const current = useLessons((s) => s.progress?.lesson.id ?? '');
  const ready = usePlayground((s) => s.catalog !== null);
  return (
    <InlineSelect label="Lessons" value={current} disabled={!ready} onChange={(id) => id && open(id, 0)}>
      <option value="">Choose…</option>
      {lessonIds.map((id) => (
        <option key={id} value={id}>
          {lessons[id].title}
        </option>
      ))}
    </InlineSelect>
  );
}
