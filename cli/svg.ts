/**
 * Minimal dependency-free SVG charts for the reproduction reports: line charts with a log
 * y axis, and overlaid step histograms.
 */

export interface Series {
  name: string;
  x: number[];
  y: number[];
}

const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];
const W = 640;
const H = 400;
const M = { l: 70, r: 150, t: 40, b: 50 };

function frame(title: string, xLabel: string, yLabel: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
    `font-family="sans-serif" font-size="12">
<rect width="${W}" height="${H}" fill="white"/>
<text x="${W / 2 - M.r / 2}" y="22" text-anchor="middle" font-size="14">${esc(title)}</text>
<text x="${M.l + (W - M.l - M.r) / 2}" y="${H - 10}" text-anchor="middle">${esc(xLabel)}</text>
<text transform="translate(16 ${M.t + (H - M.t - M.b) / 2}) rotate(-90)" text-anchor="middle">${esc(yLabel)}</text>
<rect x="${M.l}" y="${M.t}" width="${W - M.l - M.r}" height="${H - M.t - M.b}" fill="none" stroke="#999"/>
${body}
</svg>
`
  );
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function scale(lo: number, hi: number, a: number, b: number) {
  const span = hi - lo || 1;
  return (v: number) => a + ((v - lo) / span) * (b - a);
}

function legend(names: string[]): string {
  return names
    .map(
      (n, i) =>
        `<rect x="${W - M.r + 10}" y="${M.t + 18 * i}" width="12" height="3" fill="${COLORS[i % COLORS.length]}"/>` +
        `<text x="${W - M.r + 28}" y="${M.t + 18 * i + 5}">${esc(n)}</text>`,
    )
    .join('\n');
}

/** Line chart with a log₁₀ y axis (non-positive values are skipped). */
export function logLineChart(title: string, xLabel: string, yLabel: string, series: Series[]): string {
  const pts = series
    .flatMap((s) => s.x.map((x, i) => [x, s.y[i]] as const))
    .filter(([, y]) => y > 0 && Number.isFinite(y));
  if (!pts.length) return frame(title, xLabel, yLabel, '');
  const xs = pts.map((p) => p[0]);
  const ly = pts.map((p) => Math.log10(p[1]));
  const [y0, y1] = [Math.floor(Math.min(...ly)), Math.ceil(Math.max(...ly))];
  const sx = scale(Math.min(...xs), Math.max(...xs), M.l, W - M.r);
  const sy = scale(y0, y1 === y0 ? y0 + 1 : y1, H - M.b, M.t);
  const ticks = Array.from({ length: y1 - y0 + 1 }, (_, k) => y0 + k)
    .map(
      (e) =>
        `<text x="${M.l - 6}" y="${sy(e) + 4}" text-anchor="end">1e${e}</text>` +
        `<line x1="${M.l}" x2="${W - M.r}" y1="${sy(e)}" y2="${sy(e)}" stroke="#eee"/>`,
    )
    .join('\n');
  const xt = [Math.min(...xs), Math.max(...xs)]
    .map((v) => `<text x="${sx(v)}" y="${H - M.b + 16}" text-anchor="middle">${v}</text>`)
    .join('');
  const lines = series.map((s, i) => {
    const d = s.x
      .map((x, k) => [x, s.y[k]] as const)
      .filter(([, y]) => y > 0 && Number.isFinite(y))
      .map(([x, y]) => `${sx(x).toFixed(1)},${sy(Math.log10(y)).toFixed(1)}`)
      .join(' ');
    return `<polyline fill="none" stroke="${COLORS[i % COLORS.length]}" stroke-width="1.5" points="${d}"/>`;
  });
  return frame(title, xLabel, yLabel, [ticks, xt, ...lines, legend(series.map((s) => s.name))].join('\n'));
}

/** Overlaid step histograms over shared bin edges (counts normalised to densities). */
export function histogramChart(
  title: string,
  xLabel: string,
  edges: ArrayLike<number>,
  counts: { name: string; counts: ArrayLike<number> }[],
): string {
  const n = edges.length - 1;
  const dens = counts.map((c) => {
    const total = Array.from(c.counts).reduce((a, b) => a + b, 0) || 1;
    return Array.from(c.counts, (v) => v / total / ((edges[n] - edges[0]) / n));
  });
  const ymax = Math.max(...dens.flat(), 1e-30);
  const sx = scale(edges[0], edges[n], M.l, W - M.r);
  const sy = scale(0, ymax, H - M.b, M.t);
  const paths = dens.map((d, i) => {
    let p = `M${sx(edges[0]).toFixed(1)},${sy(0).toFixed(1)}`;
    for (let k = 0; k < n; k++)
      p += ` L${sx(edges[k]).toFixed(1)},${sy(d[k]).toFixed(1)} L${sx(edges[k + 1]).toFixed(1)},${sy(d[k]).toFixed(1)}`;
    return (
      `<path d="${p} L${sx(edges[n]).toFixed(1)},${sy(0).toFixed(1)}" fill="none" ` +
      `stroke="${COLORS[i % COLORS.length]}" stroke-width="1.5"/>`
    );
  });
  const xt = [edges[0], edges[n]]
    .map((v) => `<text x="${sx(v)}" y="${H - M.b + 16}" text-anchor="middle">${Number(v).toExponential(1)}</text>`)
    .join('');
  return frame(title, xLabel, 'density', [xt, ...paths, legend(counts.map((c) => c.name))].join('\n'));
}
