import type { DiagnosticsReport } from './diagnostics/run';
import type { Checkpoint } from './trainer';

/**
 * One logged step as a flat record — the shape the worker streams, the CLI prints and
 * metrics.csv stores: `step`, `loss`, `loss.<term>`, `weight.<term>`, `msPerStep`,
 * optionally `relL2` and the diagnostics' metrics (see DiagnosticsReport).
 */
export type MetricsRow = Record<string, number>;

export function metricsRow(c: Checkpoint, msPerStep: number, extra: { relL2?: number; diag?: DiagnosticsReport } = {}): MetricsRow {
  const row: MetricsRow = { step: c.step, loss: c.loss };
  for (const [t, v] of Object.entries(c.losses)) row[`loss.${t}`] = v;
  for (const [t, v] of Object.entries(c.weights)) row[`weight.${t}`] = v;
  if (c.causal?.length) {
    row['causal.min'] = Math.min(...c.causal);
    row['causal.mean'] = c.causal.reduce((a, b) => a + b, 0) / c.causal.length;
    row['causal.last'] = c.causal[c.causal.length - 1];
  }
  if (extra.relL2 !== undefined) row.relL2 = extra.relL2;
  Object.assign(row, extra.diag?.metrics);
  row.msPerStep = msPerStep;
  return row;
}

/** CSV of rows with the union of their keys as columns (first-seen order); gaps are empty. */
export function toCsv(rows: readonly MetricsRow[]): string {
  const cols: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  const lines = rows.map((r) => cols.map((c) => (r[c] === undefined ? '' : String(r[c]))).join(','));
  return [cols.join(','), ...lines].join('\n') + '\n';
}
