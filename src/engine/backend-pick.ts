/**
 * Picking the backend by measurement (issue 14): when the user did not choose one, the worker
 * times a few real training steps of the experiment on each candidate and trains on the
 * fastest. This file holds the pure part — what a timing is, which one wins, and the sentence
 * that says why — so it is tested with injected timings; the timing itself runs in the worker.
 */
import type { BackendId } from './backend';

/** One candidate's measurement: ms per steady training step, or why there is none. */
export type BackendTiming =
  { backend: BackendId; threads: number; msPerStep: number } | { backend: BackendId; error: string };

/** One candidate to time: a backend and, on wasm, the threads asked for (1 elsewhere). */
export interface Candidate {
  backend: BackendId;
  threads: number;
}

/**
 * What to time for an `init`: nothing (null) when the user chose a backend other than wasm or
 * fixed everything; wasm on 1 and on `threads` threads when they chose wasm; those, then webgpu
 * and webgl, when they chose nothing. Cheapest first: wasm gives the baseline within a second.
 * `forcedThreads` (the page's `?threads=`) replaces the thread counts tried.
 */
export function candidatesFor(
  requested: readonly string[] | undefined,
  threads: number,
  forcedThreads?: number,
): Candidate[] | null {
  const counts = forcedThreads ? [forcedThreads] : [...new Set([1, threads])];
  const wasm = counts.map((t) => ({ backend: 'wasm' as const, threads: t }));
  if (requested?.length) return requested[0] === 'wasm' && wasm.length > 1 ? wasm : null;
  return [...wasm, { backend: 'webgpu', threads: 1 }, { backend: 'webgl', threads: 1 }];
}

/** "wasm ×2 threads", "wasm" (one thread), "webgpu". */
export function backendName(backend: BackendId, threads = 1): string {
  return threads > 1 ? `${backend} ×${threads} threads` : backend;
}

/** A duration per step as people read it: "9.1 ms/step", "850 ms/step", "2.3 s/step". */
export function formatPerStep(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toPrecision(2)} s/step`;
  return `${ms >= 100 ? Math.round(ms) : ms.toPrecision(2)} ms/step`;
}

/** One timing as a phrase: "webgpu 850 ms/step", "webgl: no step within 3 s". */
export function describeTiming(t: BackendTiming): string {
  if ('error' in t) return `${t.backend}: ${t.error}`;
  return `${backendName(t.backend, t.threads)} ${formatPerStep(t.msPerStep)}`;
}

/** The fastest measured backend and the reason the UI shows, or null when none was measured. */
export function pickFastest(
  timings: readonly BackendTiming[],
): { backend: BackendId; threads: number; reason: string } | null {
  let best: Extract<BackendTiming, { msPerStep: number }> | null = null;
  for (const t of timings) {
    if ('msPerStep' in t && Number.isFinite(t.msPerStep) && (best === null || t.msPerStep < best.msPerStep)) best = t;
  }
  if (!best) return null;
  const rest = timings.filter((t) => t !== best);
  const ranked = [best, ...rest.filter((t) => 'msPerStep' in t), ...rest.filter((t) => 'error' in t)];
  return {
    backend: best.backend,
    threads: best.threads,
    reason: `fastest measured: ${ranked.map(describeTiming).join(' · ')}`,
  };
}
