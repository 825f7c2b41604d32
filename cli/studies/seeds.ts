/**
 * Several seeds of a study, its machine-readable results and resuming: the runs of every
 * seed in seed-major order (a full first pass lands first), `results.json` rewritten after
 * each run (so an interrupted study keeps what finished and `--resume`s from there), and the
 * per-label summary over seeds that the reports tabulate (mean, min, max of rel. L2).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { RunResult, RunSpec } from './types';

/** What results.json holds. */
export interface StudyResults {
  study: string;
  backend: string;
  /** One entry per run (label × seed); its per-reading diagnostics keep their metrics, not their histograms. */
  runs: RunResult[];
}

/** The study's runs for seeds 0 … n − 1, seed-major; labels keep their names, configs get the seed. */
export function seededRuns(specs: readonly RunSpec[], seeds: number): RunSpec[] {
  return Array.from({ length: seeds }, (_, seed) =>
    specs.map((s) => ({ label: s.label, seed, config: { ...s.config, seed } })),
  ).flat();
}

/** The same run (label, seed and steps) as one already in `done`, if any. */
export function finished(done: readonly RunResult[], spec: RunSpec, steps: number): RunResult | undefined {
  return done.find((r) => r.spec.label === spec.label && (r.spec.seed ?? 0) === (spec.seed ?? 0) && r.steps === steps);
}

/** Read results.json from `file` (none: an empty list). */
export function readResults(file: string): RunResult[] {
  if (!existsSync(file)) return [];
  const parsed = JSON.parse(readFileSync(file, 'utf8'), asArrays) as Partial<StudyResults>;
  if (!Array.isArray(parsed.runs)) throw new Error(`${file}: no "runs" list`);
  return parsed.runs;
}

/** Write results.json (every diagnostics reading's metrics; histograms only in the first and last). */
export function writeResults(file: string, study: string, backend: string, runs: readonly RunResult[]): void {
  const body: StudyResults = {
    study,
    backend,
    runs: runs.map((r) => ({
      ...r,
      diags: r.diags?.map((d) => ({ step: d.step, metrics: d.metrics, histograms: [] })),
    })),
  };
  writeFileSync(
    file,
    JSON.stringify(body, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v)) + '\n',
  );
}

/** Typed arrays written as {"0": …, "1": …} (results.json before typed arrays were listed) read back as lists. */
function asArrays(_k: string, v: unknown): unknown {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k, i) => k === String(i)) ? Object.values(v) : v;
}

/** rel. L2 over a label's seeds. */
export interface SeedSpread {
  n: number;
  mean: number;
  min: number;
  max: number;
  values: number[];
}

/**
 * One result per label for the reports: seed 0's run (its curve and diagnostics) with relL2,
 * loss and ms/step replaced by their means over the label's seeds and `seeds` the spread.
 * A single seed passes through unchanged (with its one-value spread).
 */
export function summarizeSeeds(results: readonly RunResult[]): RunResult[] {
  const labels = [...new Set(results.map((r) => r.spec.label))];
  return labels.map((label) => {
    const runs = results.filter((r) => r.spec.label === label);
    const mean = (f: (r: RunResult) => number) => runs.reduce((s, r) => s + f(r), 0) / runs.length;
    const values = runs.map((r) => r.relL2);
    const first = runs.find((r) => (r.spec.seed ?? 0) === 0) ?? runs[0];
    return {
      ...first,
      relL2: mean((r) => r.relL2),
      loss: mean((r) => r.loss),
      msPerStep: mean((r) => r.msPerStep),
      seeds: { n: runs.length, mean: mean((r) => r.relL2), min: Math.min(...values), max: Math.max(...values), values },
    };
  });
}
