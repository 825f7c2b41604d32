/**
 * Plane-flow geometry for the flow panel, in plain TypeScript: bilinear sampling of a velocity
 * field given on a tensor grid, the speed, a profile along a vertical line, and streamlines —
 * unit-speed RK4 integration from seeds spread over the domain, kept apart by an occupancy
 * grid as in matplotlib's `streamplot` (Jobard & Lefer 1997, "Creating evenly-spaced
 * streamlines of arbitrary density").
 */

/**
 * A planar velocity field on a tensor grid: components u (along x) and v (along y) at
 * (x[i], y[j]) stored as u[j][i], v[j][i] — Plotly's heatmap layout. Ticks ascend.
 */
export interface VelocityField {
  x: number[];
  y: number[];
  u: number[][];
  v: number[][];
}

/** A point (x, y) in the field's coordinates. */
export type Point = [number, number];

/**
 * Where `s` falls among ascending `ticks`: the index i of the cell [ticks[i], ticks[i+1]] and
 * the fraction t ∈ [0, 1] across it; null outside the ticks' range.
 */
export function bracket(ticks: readonly number[], s: number): [number, number] | null {
  const n = ticks.length;
  if (!(s >= ticks[0] && s <= ticks[n - 1])) return null;
  if (n === 1) return [0, 0];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ticks[mid] <= s) lo = mid;
    else hi = mid;
  }
  return [lo, (s - ticks[lo]) / (ticks[hi] - ticks[lo])];
}

/** The velocity at (x, y) by bilinear interpolation (exact for fields linear in x and y); null outside the grid. */
export function sample(f: VelocityField, x: number, y: number): Point | null {
  const bx = bracket(f.x, x);
  const by = bracket(f.y, y);
  if (!bx || !by) return null;
  const [i, s] = bx;
  const [j, t] = by;
  const i1 = Math.min(i + 1, f.x.length - 1);
  const j1 = Math.min(j + 1, f.y.length - 1);
  const at = (z: number[][]) => (1 - t) * ((1 - s) * z[j][i] + s * z[j][i1]) + t * ((1 - s) * z[j1][i] + s * z[j1][i1]);
  return [at(f.u), at(f.v)];
}

/** The speed |u| = √(u² + v²) at every grid point, rows z[j][i] like the field's. */
export function speed(f: VelocityField): number[][] {
  return f.u.map((row, j) => row.map((u, i) => Math.hypot(u, f.v[j][i])));
}

/**
 * The profile of u along the vertical line x = `x0`: u(x0, y[j]) for every tick y[j],
 * linear between the two grid columns around x0 (exact when x0 is a tick); null when x0 is
 * outside the grid. The cavity's classic validation plot (Ghia, Ghia & Shin 1982) at x0 = 0.5.
 */
export function profileAt(f: VelocityField, x0: number): number[] | null {
  const b = bracket(f.x, x0);
  if (!b) return null;
  const [i, s] = b;
  const i1 = Math.min(i + 1, f.x.length - 1);
  return f.u.map((row) => (1 - s) * row[i] + s * row[i1]);
}

/** The grid's lower-left corner and extent (1 for a single tick), which map it to the unit square. */
function box(f: VelocityField): { x0: number; y0: number; lx: number; ly: number } {
  const [x0, y0] = [f.x[0], f.y[0]];
  return { x0, y0, lx: f.x[f.x.length - 1] - x0 || 1, ly: f.y[f.y.length - 1] - y0 || 1 };
}

/** How a streamline is traced. Lengths are in units of the domain's size (the unit square it maps to). */
export interface TraceOptions {
  /** Length of one RK4 step. */
  step: number;
  /** Longest line (each direction). */
  maxLength: number;
  /** The line stops where the speed falls below this (the field's units). */
  minSpeed: number;
  /** Called with each new point; returning false ends the line before it (e.g. a crowded cell). */
  visit?: (p: Point) => boolean;
}

/**
 * One streamline from `start`, downstream (`direction` 1) or upstream (−1), starting point
 * included: RK4 on the unit-speed field d p/ds = ±w/|w| in coordinates scaled to the unit
 * square (so steps have equal length on screen whatever the speed; the cavity's speeds span
 * four decades). It ends at the walls (a stage outside the grid), where the speed drops below
 * `minSpeed`, after `maxLength`, or when `visit` refuses a point.
 */
export function trace(f: VelocityField, start: Point, direction: 1 | -1, o: TraceOptions): Point[] {
  const { x0, y0, lx, ly } = box(f);
  const dir = (sx: number, sy: number): Point | null => {
    const w = sample(f, x0 + sx * lx, y0 + sy * ly);
    if (!w || !(Math.hypot(w[0], w[1]) >= o.minSpeed)) return null;
    const [a, b] = [w[0] / lx, w[1] / ly];
    const n = direction / Math.hypot(a, b);
    return [a * n, b * n];
  };
  const h = o.step;
  let [sx, sy] = [(start[0] - x0) / lx, (start[1] - y0) / ly];
  const line: Point[] = [start];
  for (let k = 0; k * h < o.maxLength; k++) {
    const k1 = dir(sx, sy);
    const k2 = k1 && dir(sx + (h / 2) * k1[0], sy + (h / 2) * k1[1]);
    const k3 = k2 && dir(sx + (h / 2) * k2[0], sy + (h / 2) * k2[1]);
    const k4 = k3 && dir(sx + h * k3[0], sy + h * k3[1]);
    if (!k1 || !k2 || !k3 || !k4) break;
    sx += (h / 6) * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
    sy += (h / 6) * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
    const p: Point = [x0 + sx * lx, y0 + sy * ly];
    if (o.visit && !o.visit(p)) break;
    line.push(p);
  }
  return line;
}

/** Options of `streamlines`: `density` 1 spaces lines about 1/16 of the domain apart. */
export interface StreamlineOptions {
  density?: number;
  /** Speeds below this fraction of the field's largest end a line. */
  minRelSpeed?: number;
}

/** Cells of an m × m grid (index ci·m + cj), outermost ring first, as matplotlib seeds. */
function ringOrder(m: number): number[] {
  const ring = (c: number) => Math.min(Math.floor(c / m), c % m, m - 1 - Math.floor(c / m), m - 1 - (c % m));
  return Array.from({ length: m * m }, (_, c) => c).sort((a, b) => ring(a) - ring(b) || a - b);
}

/**
 * Evenly spaced streamlines, each ordered downstream. The domain is split into m × m cells
 * (m = 16·density); from each empty cell's centre, outermost first, a line is traced both
 * ways, claiming the cells it crosses, and it ends on entering a cell already claimed (by
 * another line or by itself — so closed orbits close once). Lines shorter than two cells are
 * dropped and their cells freed.
 */
export function streamlines(f: VelocityField, opts: StreamlineOptions = {}): Point[][] {
  const m = Math.max(2, Math.round(16 * (opts.density ?? 1)));
  const top = speed(f)
    .flat()
    .reduce((a, b) => (b > a ? b : a), 0);
  if (!(top > 0)) return [];
  const { x0, y0, lx, ly } = box(f);
  const cellOf = ([x, y]: Point) =>
    Math.min(m - 1, Math.floor(((x - x0) / lx) * m)) * m + Math.min(m - 1, Math.floor(((y - y0) / ly) * m));
  const owner = new Int32Array(m * m);
  const step = 0.25 / m;
  const lines: Point[][] = [];
  let id = 0;
  for (const c of ringOrder(m)) {
    if (owner[c]) continue;
    id++;
    const mine: number[] = [];
    let current = -1;
    const visit = (p: Point) => {
      const k = cellOf(p);
      if (k === current) return true;
      if (owner[k]) return false;
      owner[k] = id;
      mine.push(k);
      current = k;
      return true;
    };
    const seed: Point = [x0 + ((Math.floor(c / m) + 0.5) / m) * lx, y0 + (((c % m) + 0.5) / m) * ly];
    visit(seed);
    const o: TraceOptions = { step, maxLength: 4, minSpeed: top * (opts.minRelSpeed ?? 1e-3), visit };
    const down = trace(f, seed, 1, o);
    current = c;
    const up = trace(f, seed, -1, o);
    if (down.length + up.length - 2 < 2 / (step * m)) {
      for (const k of mine) owner[k] = 0;
      continue;
    }
    lines.push([...up.reverse(), ...down.slice(1)]);
  }
  return lines;
}
