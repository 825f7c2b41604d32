import type { ParamValues, ReferenceSolution } from '../pdes/types';
import { problems, type ProblemId } from './problems';
import { resolveParams, solveSpectral } from './solve';

/**
 * In-memory cache of spectral reference solutions per (problem, parameters): a solve takes
 * about a second, and the trainer, the UI and the tests ask for the same one repeatedly.
 * Keyed by the id and the resolved parameter values (defaults filled in, sorted by name);
 * the oldest entry is dropped beyond `capacity` (each holds nt × nx float32 ≈ 0.4 MB).
 */
const cache = new Map<string, Promise<ReferenceSolution>>();
const capacity = 16;

/**
 * The reference solution of problem `id` for `params` as the PDE interface wants it: ticks
 * [t ticks, x ticks] and values [nt · nx] with t slowest. Solved once per parameter set;
 * rejects on a parameter outside its range.
 */
export function referenceSolution(id: ProblemId, params: ParamValues): Promise<ReferenceSolution> {
  const problem = problems[id];
  let p: ParamValues;
  try {
    p = resolveParams(problem, Object.fromEntries(Object.entries(params).filter(([k]) => k in problem.params)));
  } catch (e) {
    return Promise.reject(e);
  }
  const key = `${id}:${JSON.stringify(
    Object.keys(p)
      .sort()
      .map((k) => [k, p[k]]),
  )}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = Promise.resolve().then(() => {
      const s = solveSpectral(problem, p);
      return { ticks: [s.t, s.x], values: s.u };
    });
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
    if (cache.size > capacity) cache.delete(cache.keys().next().value!);
  }
  return hit;
}
