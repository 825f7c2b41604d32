import type { Pde } from '../pdes/types';
import { referenceSolution } from './cache';
import { problems, type ProblemId } from './problems';

/**
 * The parts of a `Pde` declaration that a spectral problem determines: axes (t, x), the
 * domain [0, tEnd] × [a, b], the single output u, the tunable parameters, the evaluation
 * grid (the published nt × nx) and the cached spectral reference. The PDE file adds its label
 * and loss terms, so equation data lives in one place (`problems`).
 */
export function spectralPdeFields(
  id: ProblemId,
): Pick<Pde, 'equation' | 'axes' | 'domain' | 'outputs' | 'params' | 'grid' | 'reference'> {
  const p = problems[id];
  return {
    equation: p.equation,
    axes: ['t', 'x'],
    domain: { t: [0, p.tEnd], x: p.x },
    outputs: ['u'],
    params: p.params,
    grid: [p.nt, p.nx],
    reference: (params) => referenceSolution(id, params),
  };
}
