import type { ParamValues, Pde, Region } from './pdes/types';
import type { Rng } from './rng';

/** A batch of points for one loss term: coordinates [n × dim] and aux columns [n] each. */
export interface PointBatch {
  n: number;
  x: Float32Array;
  aux: Float32Array[];
}

/**
 * Draw one point of `region` uniformly: the interior of the box; a face of the box chosen
 * uniformly among the 2·|axes| faces (then uniform on it); or the box with some axes fixed.
 */
function drawPoint(pde: Pde, region: Region, rng: Rng): number[] {
  const p = pde.axes.map((a) => rng.uniform(pde.domain[a][0], pde.domain[a][1]));
  if (region.kind === 'boundary') {
    const face = Math.floor(rng.next() * 2 * region.axes.length);
    const axis = region.axes[face >> 1];
    p[pde.axes.indexOf(axis)] = pde.domain[axis][face & 1];
  } else if (region.kind === 'slice') {
    for (const [axis, v] of Object.entries(region.fixed)) p[pde.axes.indexOf(axis)] = v;
  }
  return p;
}

/**
 * A fresh batch of n points for loss term `termName`, with its aux constants (source terms,
 * boundary targets) evaluated in float64 and rounded to float32 once.
 */
export function sampleTerm(pde: Pde, termName: string, params: ParamValues, rng: Rng, n: number): PointBatch {
  const term = pde.terms[termName];
  const d = pde.axes.length;
  const x = new Float32Array(n * d);
  let aux: Float32Array[] = [];
  for (let i = 0; i < n; i++) {
    const p = drawPoint(pde, term.region, rng);
    for (let k = 0; k < d; k++) x[i * d + k] = p[k];
    if (term.aux) {
      const a = term.aux(p, params);
      if (i === 0) aux = a.map(() => new Float32Array(n));
      for (let k = 0; k < a.length; k++) aux[k][i] = a[k];
    }
  }
  return { n, x, aux };
}

/**
 * The evaluation grid: `pde.grid[k]` equispaced points per axis including the ends, as a
 * row-major product with the first axis slowest. Points [N × dim] and the per-axis ticks.
 */
export function evaluationGrid(pde: Pde): { x: Float32Array; ticks: number[][]; n: number } {
  return productGrid(
    pde.axes.map((a, k) => {
      const [lo, hi] = pde.domain[a];
      const m = pde.grid[k];
      return Array.from({ length: m }, (_, i) => lo + ((hi - lo) * i) / (m - 1));
    }),
  );
}

/** The row-major product of per-axis ticks (first axis slowest) as points [N × dim]. */
export function productGrid(ticks: number[][]): { x: Float32Array; ticks: number[][]; n: number } {
  const n = ticks.reduce((s, t) => s * t.length, 1);
  const d = ticks.length;
  const x = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    let r = i;
    for (let k = d - 1; k >= 0; k--) {
      const m = ticks[k].length;
      x[i * d + k] = ticks[k][r % m];
      r = Math.floor(r / m);
    }
  }
  return { x, ticks, n };
}

/** Relative L2 error ‖pred − ref‖ / ‖ref‖ (float64 accumulation). */
export function relativeL2(pred: ArrayLike<number>, ref: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < ref.length; i++) {
    num += (pred[i] - ref[i]) ** 2;
    den += ref[i] ** 2;
  }
  return Math.sqrt(num / den);
}
