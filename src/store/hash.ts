/**
 * The URL hash as the shareable form of the experiment (tensorflow/playground style): the
 * store writes it after every edit or load, and a hash typed or pasted by the user is loaded
 * (through the worker's validation) unless it is the one the store just wrote.
 */
import type { ConfigInput, ExperimentConfig } from '../engine/config';
import { encodeExperiment, parseExperimentHash } from '../engine/io/url';
import { joinHash, splitLessonLink } from '../engine/lessons/link';

let written = '';
/** The lesson keys (`lesson=…&step=…&present=…&hide=…`) written in front of the experiment's. */
let lessonPrefix = '';

/** Set the lesson keys that every written hash starts with ('' for none). */
export function setLessonPrefix(text: string): void {
  lessonPrefix = text;
}

/** The experiment's part of a hash: the lesson keys split off (the lesson panel reports malformed ones). */
function experimentPart(hash: string): string {
  try {
    return splitLessonLink(hash).rest;
  } catch {
    return hash.split('&').filter((p) => !/^(lesson|step|present|hide)=/.test(p)).join('&');
  }
}

/** The hash for an experiment (without '#'). */
export function experimentHash(config: ExperimentConfig, compare: ConfigInput | null, backend: string): string {
  return encodeExperiment({ config: config as ConfigInput, compare, backend: backend || undefined });
}

/** Put `hash` in the address bar without adding a history entry or firing `hashchange`. */
export function writeHash(hash: string): void {
  const full = joinHash(lessonPrefix, hash);
  written = full;
  if (window.location.hash.slice(1) !== full) window.history.replaceState(window.history.state, '', `#${full}`);
}

/** The current hash's experiment keys (without '#'), remembered as seen so that it is not loaded twice. */
export function readHash(): string {
  const h = window.location.hash.slice(1);
  written = h;
  return experimentPart(h);
}

/** Call `load(hash)` whenever the user changes the hash to something the store did not write. */
export function watchHash(load: (hash: string) => void): void {
  window.addEventListener('hashchange', () => {
    const h = window.location.hash.slice(1);
    if (h === written) return;
    const before = experimentPart(written);
    written = h;
    const e = experimentPart(h);
    if (e !== h && (e === '' || e === before)) return; // only lesson keys changed: the lesson panel's business
    load(e);
  });
}

/**
 * Backends to try first: `?backend=` in the query, else `backend=` in the hash (read without
 * validation; the worker checks the names and reports unknown ones).
 */
export function backendsFromUrl(): string {
  const q = new URLSearchParams(window.location.search).get('backend');
  if (q) return q;
  try {
    return parseExperimentHash(experimentPart(window.location.hash.slice(1)))?.backend ?? '';
  } catch {
    return '';
  }
}

/** `?stream=off` turns streaming off (to measure what it costs). */
export function streamFromUrl(): boolean {
  return new URLSearchParams(window.location.search).get('stream') !== 'off';
}
