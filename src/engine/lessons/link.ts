/**
 * The lesson part of a link, beside the experiment's keys in the URL hash:
 * `#lesson=<id>&step=<k>` opens a lesson at step k (1-based), `&present=1` is presenter mode
 * (no settings column, larger plots and text, for a projector) and `&hide=<section,…>` hides
 * chosen controls for embedding one focused experiment in slides (TensorFlow Playground's
 * `_hide` properties). These keys are split off before the experiment is decoded, and written
 * back in front of it. Pure string functions, no DOM.
 */

/** The lesson keys of a link. */
export interface LessonLink {
  lesson: string | null;
  /** 1-based step (null: the first). */
  step: number | null;
  present: boolean;
  hide: string[];
}

/** Parts of the page `hide=` can name. */
export const hideable = [
  'header',
  'settings',
  'problem',
  'network',
  'optimizer',
  'balancing',
  'training',
  'runbar',
  'stats',
  'lesson',
  'solution',
  'loss',
  'histograms',
  'flow',
  'alignment',
  'weights',
  'hessian',
  'speed',
] as const;

/** A `hide=` name. */
export type Hideable = (typeof hideable)[number];

/** A lesson link with nothing in it. */
export const noLessonLink: LessonLink = { lesson: null, step: null, present: false, hide: [] };

const keys = new Set(['lesson', 'step', 'present', 'hide']);

/** A lesson key's value that cannot be used; the message names the key and what is allowed. */
export class LessonLinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LessonLinkError';
  }
}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/**
 * Split a hash (with or without '#') into its lesson keys and the rest (the experiment's keys,
 * in their original order and encoding). Throws LessonLinkError for a malformed value,
 * naming the key: `step` must be a positive integer, `present` 0/1, `hide` known names.
 */
export function splitLessonLink(hash: string): { link: LessonLink; rest: string } {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const link: LessonLink = { ...noLessonLink, hide: [] };
  const rest: string[] = [];
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    const key = eq > 0 ? decode(part.slice(0, eq)) : '';
    if (!keys.has(key)) {
      if (part !== '') rest.push(part);
      continue;
    }
    const value = decode(part.slice(eq + 1));
    if (key === 'lesson') link.lesson = value;
    else if (key === 'step') {
      const n = Number(value);
      if (!/^\d+$/.test(value) || n < 1) throw new LessonLinkError(`step: "${value}" is not a step number (1, 2, …)`);
      link.step = n;
    } else if (key === 'present') {
      if (value !== '0' && value !== '1') throw new LessonLinkError(`present: "${value}" is not 0 or 1`);
      link.present = value === '1';
    } else {
      const names = value.split(',').filter(Boolean);
      const bad = names.filter((n) => !(hideable as readonly string[]).includes(n));
      if (bad.length)
        throw new LessonLinkError(
          `hide: unknown section ${bad.map((b) => `"${b}"`).join(', ')} (allowed: ${hideable.join(', ')})`,
        );
      link.hide = names;
    }
  }
  return { link, rest: rest.join('&') };
}

/** The hash text of a lesson link ('' when it has nothing), to put in front of the experiment's keys. */
export function lessonLinkText(link: LessonLink): string {
  const out: string[] = [];
  if (link.lesson) out.push(`lesson=${encodeURIComponent(link.lesson)}`);
  if (link.lesson && link.step !== null) out.push(`step=${link.step}`);
  if (link.present) out.push('present=1');
  if (link.hide.length) out.push(`hide=${link.hide.map(encodeURIComponent).join(',')}`);
  return out.join('&');
}

/** Join a lesson link's text and an experiment hash into one hash (without '#'). */
export function joinHash(lessonText: string, experimentHash: string): string {
  return [lessonText, experimentHash].filter(Boolean).join('&');
}
