/**
 * Small readers of the streamed metrics that lesson checks are written with: the last row
 * carrying a metric, a metric at a step, and per-layer gradient sizes from the histograms.
 * Pure functions over `RunData`; a missing or non-finite value reads as null.
 */
import type { MetricsRow } from '../metrics';
import type { HistogramStep, RunData } from './types';

const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

/** The last logged row that has every one of `keys` finite (e.g. a diagnostics step), or null. */
export function lastRowWith(run: RunData | null | undefined, ...keys: string[]): MetricsRow | null {
  if (!run) return null;
  for (let i = run.rows.length - 1; i >= 0; i--) if (keys.every((k) => finite(run.rows[i][k]))) return run.rows[i];
  return null;
}

/** The first logged row at or after `step` that has every one of `keys` finite, or null. */
export function firstRowFrom(run: RunData | null | undefined, step: number, ...keys: string[]): MetricsRow | null {
  if (!run) return null;
  return run.rows.find((r) => r.step >= step && keys.every((k) => finite(r[k]))) ?? null;
}

/** The run's latest logged step (0 before the first row). */
export function stepOf(run: RunData | null | undefined): number {
  return run?.rows.at(-1)?.step ?? 0;
}

/** The smallest value `key` took over the run's rows (null if it never had one). */
export function minOf(run: RunData | null | undefined, key: string): MetricsRow | null {
  let best: MetricsRow | null = null;
  for (const r of run?.rows ?? []) if (finite(r[key]) && (!best || r[key] < best[key])) best = r;
  return best;
}

/**
 * Mean |∂L_a/∂W| over mean |∂L_b/∂W| in `layer` at the latest histogram step: how much wider
 * term a's gradient distribution is than term b's (the gradient-pathologies paper's Fig. 2).
 */
export function layerGradientRatio(
  run: RunData | null | undefined,
  layer: string,
  a: string,
  b: string,
): { step: number; ratio: number } | null {
  const h: HistogramStep | undefined = run?.histograms.at(-1);
  const l = h?.layers.find((x) => x.layer === layer);
  const ta = l?.terms[a];
  const tb = l?.terms[b];
  if (!h || !ta || !tb || !(tb.meanAbs > 0)) return null;
  return { step: h.step, ratio: ta.meanAbs / tb.meanAbs };
}
