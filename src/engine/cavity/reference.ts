import type { ParamValues, ReferenceSolution } from '../pdes/types';
import { solveCavity } from './solver';

const cache = new Map<number, Promise<ReferenceSolution>>();

/** Grid of the reference (129² points, h = 1/128; ≈ 3e-3 from published data away from the lid). */
const N = 129;

/**
 * The cavity's velocity (u, v) on the 129 × 129 grid (x slowest) from our finite-difference
 * solver, cached per Reynolds number.
 */
export function cavityReference({ Re }: ParamValues): Promise<ReferenceSolution> {
  let hit = cache.get(Re);
  if (!hit) {
    hit = Promise.resolve().then(() => {
      const s = solveCavity(Re, { n: N, tol: 1e-8 });
      const values = new Float32Array(N * N * 2);
      for (let k = 0; k < N * N; k++) {
        values[2 * k] = s.u[k];
        values[2 * k + 1] = s.v[k];
      }
      const ticks = Array.from({ length: N }, (_, i) => i / (N - 1));
      return { ticks: [ticks, ticks], values };
    });
    cache.set(Re, hit);
  }
  return hit;
}
