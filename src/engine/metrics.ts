import type { DiagnosticsReport } from './diagnostics/run';
import type { Checkpoint } from './trainer';

/**
 * One logged step as a flat record — the shape the worker streams, the CLI prints and
 * metrics.csv stores: `step`, `loss`, `lr` (the rate the step used), `loss.<term>`,
 * `weight.<term>`, `msPerStep`, optionally `relL2`, `causal.*` and the diagnostics' metrics
 * (see DiagnosticsReport).
 */
export type MetricsRow = Record<string, number>;

export function metricsRow(
  c: Checkpoint,
  msPerStep: number,
  extra: { relL2?: number; diag?: DiagnosticsReport } = {},
): MetricsRow {
  const row: MetricsRow = { step: c.step, loss: c.loss };
  if (c.lr !== undefined) row.lr = c.lr;
  for (const [t, v] of Object.entries(c.losses)) row[`loss.${t}`] = v;
  for (const [t, v] of Object.entries(c.weights)) row[`weight.${t}`] = v;
  if (c.causal?.length) {
    row['causal.min'] = Math.min(...c.causal);
    row['causal.mean'] = c.causal.reduce((a, b) => a + b, 0) / c.causal.length;
    row['causal.last'] = c.causal[c.causal.length - 1];
  }
  if (extra.relL2 !== undefined) row.relL2 = extra.relL2;
  Object.assign(row, c.optimizer, extra.diag?.metrics);
  row.msPerStep = msPerStep;
  return row;
}

/** Columns every metrics.csv has, first and in this order (empty where a row has no value). */
export const FIXED_COLUMNS = ['step', 'loss', 'lr', 'relL2', 'msPerStep'] as const;

/** Rank of a column after the fixed ones: per-term losses, weights, causal, then the rest. */
const groupOf = (c: string) =>
  c.startsWith('loss.') ? 0 : c.startsWith('weight.') ? 1 : c.startsWith('causal.') ? 2 : 3;
const CAUSAL = ['causal.min', 'causal.mean', 'causal.last'];

/**
 * The column order of metrics.csv, independent of run length and of which row first has a
 * value: `run` (when comparing), FIXED_COLUMNS, then `loss.<term>` and `weight.<term>` in the
 * PDE's term order (first seen), `causal.min|mean|last`, then every other metric (diagnostics)
 * in alphabetical order.
 */
export function csvColumns(rows: readonly MetricsRow[]): string[] {
  const seen: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!seen.includes(k)) seen.push(k);
  const fixed: readonly string[] = FIXED_COLUMNS;
  const rest = seen.filter((c) => c !== 'run' && !fixed.includes(c));
  const rank = (c: string) => (groupOf(c) === 2 ? CAUSAL.indexOf(c) : 0);
  const ordered = rest
    .map((c, i) => ({ c, i }))
    .sort(
      (a, b) =>
        groupOf(a.c) - groupOf(b.c) || (groupOf(a.c) === 3 ? (a.c < b.c ? -1 : 1) : rank(a.c) - rank(b.c) || a.i - b.i),
    )
    .map((x) => x.c);
  return [...(seen.includes('run') ? ['run'] : []), ...fixed, ...ordered];
}

/** CSV of rows in `csvColumns` order; gaps are empty. */
export function toCsv(rows: readonly MetricsRow[]): string {
  const cols = csvColumns(rows);
  const lines = rows.map((r) => cols.map((c) => (r[c] === undefined ? '' : String(r[c]))).join(','));
  return [cols.join(','), ...lines].join('\n') + '\n';
}
