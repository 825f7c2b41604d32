/**
 * The NTK spectrum picture (Wang, Yu, Perdikaris 2022, Figs. 3–4): for each loss term t the
 * eigenvalues of its NTK block K_tt, sorted descending against their index on a log scale,
 * at the newest diagnostics step (solid) and the first one (dotted), so a student sees the
 * residual block's eigenvalues dwarf the boundary block's and how training moves them.
 * Reads the `ntk.<term>.eig.<k>` metrics the worker streams in its rows.
 */
import type { MetricsRow } from '../../engine/metrics';
import type { Figure } from './plotly';

/** The eigenvalues of term `t`'s block in one row (descending), or [] when the row has none. */
export function spectrumOf(row: MetricsRow, term: string): number[] {
  const out: number[] = [];
  for (let k = 0; `ntk.${term}.eig.${k}` in row; k++) out.push(row[`ntk.${term}.eig.${k}`]);
  return out;
}

/** The rows that carry an NTK reading for any of `terms` (oldest first). */
export function ntkRows(rows: readonly MetricsRow[], terms: readonly string[]): MetricsRow[] {
  return rows.filter((r) => terms.some((t) => `ntk.${t}.eig.0` in r));
}

/**
 * Spectra of every term at the first and the newest NTK reading (null when there is none),
 * term i drawn in `colors[i]`.
 */
export function ntkFigure(
  rows: readonly MetricsRow[],
  terms: readonly string[],
  run: string,
  colors: readonly string[],
): Figure | null {
  const readings = ntkRows(rows, terms);
  if (!readings.length) return null;
  const first = readings[0];
  const last = readings[readings.length - 1];
  const shown = readings.length > 1 ? [first, last] : [last];
  // eigenvalues at round-off (≤ 0 in float32) cannot go on a log axis; they are left out
  const positive = (v: number[]) => v.map((x) => (x > 0 ? x : null));
  const data = shown.flatMap((row) =>
    terms
      .filter((t) => spectrumOf(row, t).length)
      .map((t) => {
        const ev = spectrumOf(row, t);
        const i = terms.indexOf(t);
        const late = row === last;
        return {
          type: 'scatter' as const,
          mode: 'lines+markers' as const,
          x: ev.map((_, k) => k + 1),
          y: positive(ev),
          name: `K_${t} · step ${row.step}${run ? ` (run ${run})` : ''}`,
          line: {
            color: colors[i % colors.length],
            dash: late ? ('solid' as const) : ('dot' as const),
            width: late ? 2 : 1,
          },
          marker: { size: late ? 5 : 3 },
          hovertemplate: `K_${t}, step ${row.step}: λ_%{x} = %{y:.3g}<extra></extra>`,
        };
      }),
  );
  return {
    data,
    layout: {
      margin: { l: 64, r: 16, t: 16, b: 40 },
      xaxis: { title: { text: 'eigenvalue index (descending)' } },
      yaxis: { type: 'log', exponentformat: 'power', title: { text: 'eigenvalue of K_tt' } },
    },
  };
}
