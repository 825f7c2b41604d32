/**
 * The lessons, by id, in teaching order: the registry the lesson menu, links
 * (`#lesson=<id>&step=<k>`) and tests read. One file per lesson, each plain data plus checks.
 */
import { alignmentSoap } from './alignment-soap';
import { annealing } from './annealing';
import { causality } from './causality';
import { gradientPathology } from './gradient-pathology';
import { newtonSaddles } from './newton-saddles';
import { stiffness } from './stiffness';
import type { Lesson } from './types';

export type { Check, Lesson, LessonStep, PanelName, PaperRef, RunData, Values } from './types';

/** Every lesson by id, in the order the menu lists them. */
export const lessons: Readonly<Record<string, Lesson>> = Object.fromEntries(
  [gradientPathology, annealing, stiffness, alignmentSoap, causality, newtonSaddles].map((l) => [l.id, l]),
);

/** The lesson ids in menu order. */
export const lessonIds = Object.keys(lessons);
