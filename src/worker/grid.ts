/**
 * Display grids: the heatmaps need a few hundred ticks per axis, not the 201 × 512 points a
 * spectral reference has, so the worker sends a subsampled grid (the relative L2 error is
 * still measured on the full grid by the engine).
 */

/** `m` indices spread evenly over 0..n−1, both ends included (all of them when n ≤ m). */
export function spreadIndices(n: number, m: number): number[] {
  if (n <= m) return Array.from({ length: n }, (_, i) => i);
  if (m <= 1) return [0];
  return Array.from({ length: m }, (_, k) => Math.round((k * (n - 1)) / (m - 1)));
}

/**
 * Subsample row-major grid values [Π nᵢ × nOut] (first axis slowest) to at most `maxTicks`
 * ticks per axis. Returns the picked ticks and the new values, always a fresh array.
 */
export function subsampleGrid(
  values: Float32Array,
  ticks: number[][],
  nOut: number,
  maxTicks: number,
): { values: Float32Array; ticks: number[][] } {
  const picks = ticks.map((t) => spreadIndices(t.length, maxTicks));
  const sizes = ticks.map((t) => t.length);
  const count = picks.reduce((s, p) => s * p.length, 1);
  const out = new Float32Array(count * nOut);
  const idx = new Array<number>(picks.length).fill(0);
  for (let o = 0; o < count; o++) {
    let flat = 0;
    for (let a = 0; a < picks.length; a++) flat = flat * sizes[a] + picks[a][idx[a]];
    for (let k = 0; k < nOut; k++) out[o * nOut + k] = values[flat * nOut + k];
    for (let a = picks.length - 1; a >= 0; a--) {
      if (++idx[a] < picks[a].length) break;
      idx[a] = 0;
    }
  }
  return { values: out, ticks: picks.map((p, a) => p.map((i) => ticks[a][i])) };
}
