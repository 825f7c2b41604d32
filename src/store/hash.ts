/**
 * The URL hash as the shareable form of the experiment (tensorflow/playground style): the
 * store writes it after every edit or load, and a hash typed or pasted by the user is loaded
 * (through the worker's validation) unless it is the one the store just wrote.
 */
import type { ConfigInput, ExperimentConfig } from '../engine/config';
import { encodeExperiment, parseExperimentHash } from '../engine/io/url';

let written = '';

/** The hash for an experiment (without '#'). */
export function experimentHash(config: ExperimentConfig, compare: ConfigInput | null, backend: string): string {
  return encodeExperiment({ config: config as ConfigInput, compare, backend: backend || undefined });
}

/** Put `hash` in the address bar without adding a history entry or firing `hashchange`. */
export function writeHash(hash: string): void {
  written = hash;
  if (window.location.hash.slice(1) !== hash) window.history.replaceState(window.history.state, '', `#${hash}`);
}

/** The current hash (without '#'), remembered as seen so that it is not loaded twice. */
export function readHash(): string {
  const h = window.location.hash.slice(1);
  written = h;
  return h;
}

/** Call `load(hash)` whenever the user changes the hash to something the store did not write. */
export function watchHash(load: (hash: string) => void): void {
  window.addEventListener('hashchange', () => {
    const h = window.location.hash.slice(1);
    if (h === written) return;
    written = h;
    load(h);
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
    return parseExperimentHash(window.location.hash)?.backend ?? '';
  } catch {
    return '';
  }
}

/** `?stream=off` turns streaming off (to measure what it costs). */
export function streamFromUrl(): boolean {
  return new URLSearchParams(window.location.search).get('stream') !== 'off';
}
