/**
 * The lesson UI's state: the open lesson and its progress, presenter mode and hidden
 * sections, all mirrored in the link (`#lesson=<id>&step=<k>&present=1&hide=…` in front of the
 * experiment's keys). Moving to a step that sets an experiment puts that experiment in the
 * hash, which the playground store loads like any link; checks run on every store update.
 */
import { create } from 'zustand';
import { encodeExperiment } from '../../engine/io/url';
import { lessonIds, lessons } from '../../engine/lessons';
import { joinHash, lessonLinkText, noLessonLink, splitLessonLink, type LessonLink } from '../../engine/lessons/link';
import { stepExperiment } from '../../engine/lessons/runner';
import { experimentPart, setLessonPrefix } from '../../store/hash';
import { usePlayground } from '../../store/playground';
import { advance, enter, needsLoad, openLesson, type Progress } from './progress';

/** Lesson state and actions. */
export interface LessonUi {
  progress: Progress | null;
  /** Presenter mode and hidden sections (and the lesson keys as the link has them). */
  link: LessonLink;
  /** Why the link's lesson keys could not be used, or null. */
  error: string | null;
  /** Read the link, follow hash changes and the runs (once). */
  init(): void;
  /** Open lesson `id` at step `k` (0-based), loading its experiment. */
  open(id: string, k?: number): void;
  /** Show step `k` of the open lesson. */
  go(k: number): void;
  close(): void;
  setPresent(on: boolean): void;
}

const runsNow = () => usePlayground.getState().runs;

/** The hash's experiment part as it is now. */
const experimentNow = () => experimentPart(window.location.hash.slice(1));

let started = false;

/** The lesson UI's store (see the file comment). */
export const useLessons = create<LessonUi>()((set, get) => {
  /** Write the lesson keys into the link; with `experiment`, also load that experiment. */
  function publish(link: LessonLink, experiment?: string): void {
    const prefix = lessonLinkText(link);
    setLessonPrefix(prefix);
    const hash = joinHash(prefix, experiment ?? experimentNow());
    if (experiment !== undefined)
      window.location.hash = hash; // the store loads it (hashchange)
    else if (window.location.hash.slice(1) !== hash) window.history.replaceState(window.history.state, '', `#${hash}`);
  }

  /** The step's experiment as hash text (the backend preference is the page's, kept by the store). */
  function stepHash(id: string, k: number): string {
    return encodeExperiment(stepExperiment(lessons[id], k));
  }

  function show(id: string, k: number, load: boolean): void {
    const lesson = lessons[id];
    const prev = get().progress;
    const same = prev?.lesson.id === id;
    const progress = same ? enter(prev, k, runsNow()) : openLesson(lesson, k, runsNow());
    const link = { ...get().link, lesson: id, step: progress.step + 1 };
    const mustLoad = load && needsLoad(lesson, same ? prev.step : null, progress.step);
    set({ progress: advance(progress, runsNow()), link, error: null });
    publish(link, mustLoad ? stepHash(id, progress.step) : undefined);
  }

  /** Apply the lesson keys of a link (on load or when the user edits the hash). */
  function follow(hash: string, first: boolean): void {
    let parsed: ReturnType<typeof splitLessonLink>;
    try {
      parsed = splitLessonLink(hash);
    } catch (e) {
      set({ error: `This lesson link could not be used: ${e instanceof Error ? e.message : String(e)}.` });
      return;
    }
    const { link, rest } = parsed;
    const cur = get();
    if (!first && lessonLinkText(link) === lessonLinkText(cur.link)) return;
    set({ link: { ...link, lesson: cur.link.lesson, step: cur.link.step } });
    if (link.lesson === null) {
      if (cur.progress) set({ progress: null });
      set({ link });
      setLessonPrefix(lessonLinkText(link));
      return;
    }
    if (!lessons[link.lesson]) {
      set({
        error:
          `This lesson link could not be used: lesson: unknown lesson "${link.lesson}" ` +
          `(allowed: ${lessonIds.join(', ')}).`,
      });
      return;
    }
    const n = lessons[link.lesson].steps.length;
    if (link.step !== null && link.step > n) {
      set({
        error:
          `This lesson link could not be used: step: ${link.step} is past the last step of ` +
          `${link.lesson} (1–${n}).`,
      });
      return;
    }
    // A link with an experiment keeps it (it may hold the student's changes); a bare lesson link loads the step's.
    show(link.lesson, (link.step ?? 1) - 1, first ? rest === '' : true);
  }

  return {
    progress: null,
    link: noLessonLink,
    error: null,
    init() {
      if (started) return;
      started = true;
      follow(window.location.hash, true);
      window.addEventListener('hashchange', () => follow(window.location.hash, false));
      usePlayground.subscribe((s, prev) => {
        const p = get().progress;
        if (p && s.runs !== prev.runs) {
          const next = advance(p, s.runs);
          if (next !== p) set({ progress: next });
        }
      });
    },
    open(id, k = 0) {
      show(id, k, true);
    },
    go(k) {
      const p = get().progress;
      if (p) show(p.lesson.id, k, true);
    },
    close() {
      const link = { ...get().link, lesson: null, step: null };
      set({ progress: null, link, error: null });
      publish(link);
    },
    setPresent(present) {
      const link = { ...get().link, present };
      set({ link });
      publish(link);
    },
  };
});
