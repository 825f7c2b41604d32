/**
 * The URL hash as the shareable form of the experiment (tensorflow/playground style): the
 * store writes it after every edit or load, and a hash typed or pasted by the user is loaded
 * (through the worker's validation) unless it is the one the store just wrote.
 */
import type { ConfigInput, ExperimentConfig } from '../engine/config';
import { encodeExperiment } from '../engine/io/url';
import { joinHash, splitLessonLink } from '../engine/lessons/link';
import { splitHashQuery } from './backendPref';

let written = '';
/** The lesson keys (`lesson=…&step=…&present=…&hide=…`) written in front of the experiment's. */
let lessonPrefix = '';

/** Set the lesson keys that every written hash starts with ('' for none). */
export function setLessonPrefix(text: string): void {
  lessonPrefix = text;
}

/** The experiment's part of a hash: the lesson keys split off (the lesson panel reports malformed ones). */
export function experimentPart(hash: string): string {
  try {
    return splitLessonLink(hash).rest;
  } catch {
    return hash
      .split('&')
      .filter((p) => !/^(lesson|step|present|hide)=/.test(p))
      .join('&');
  }
}

/** The hash for an experiment (without '#'); the backend preference is the page's, in the query. */
export function experimentHash(config: ExperimentConfig, compare: ConfigInput | null): string {
  return encodeExperiment({ config: config as ConfigInput, compare });
}

/** The experiment's part of the address's hash (a query typed after it is not part of it). */
const currentHash = () => splitHashQuery(window.location.hash).hash;

/** Put `hash` in the address bar without adding a history entry or firing `hashchange`. */
export function writeHash(hash: string): void {
  const full = joinHash(lessonPrefix, hash);
  written = full;
  if (window.location.hash.slice(1) === full) return;
  window.history.replaceState(window.history.state, '', `${window.location.search}#${full}`);
}

/** The current hash's experiment keys (without '#'), remembered as seen so that it is not loaded twice. */
export function readHash(): string {
  const h = currentHash();
  written = h;
  return experimentPart(h);
}

/**
 * Call `load(hash)` whenever the user changes the hash to something the store did not write,
 * and `query(params)` when a query was typed after the hash (`#…?backend=wasm`).
 */
export function watchHash(load: (hash: string) => void, query: (params: URLSearchParams) => void): void {
  window.addEventListener('hashchange', () => {
    const stray = splitHashQuery(window.location.hash).query;
    if ([...stray.keys()].length) query(stray);
    const h = currentHash();
    if (h === written) return;
    const before = experimentPart(written);
    written = h;
    const e = experimentPart(h);
    if (e !== h && (e === '' || e === before)) return; // only lesson keys changed: the lesson panel's business
    load(e);
  });
}

/** `?stream=off` turns streaming off (to measure what it costs). */
export function streamFromUrl(): boolean {
  return new URLSearchParams(window.location.search).get('stream') !== 'off';
}
