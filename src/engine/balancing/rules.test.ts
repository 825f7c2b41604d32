import { describe, expect, it } from 'vitest';
import { annealingWeights, gradNormWeights } from './rules';

describe('loss balancing rules', () => {
  it('learning-rate annealing matches a hand computation', () => {
    // terms [res, bc, ic]; max|∇L_res| = 8; mean|∇L_bc| = 0.5, mean|∇L_ic| = 2
    const w = annealingWeights([1, 1, 3], [8, 1, 1], [1, 0.5, 2], 0, 0.9);
    // λ̂_bc = 16, λ̂_ic = 4 → bc: 0.1·1 + 0.9·16 = 14.5; ic: 0.1·3 + 0.9·4 = 3.9
    expect(w[0]).toBe(1);
    expect(w[1]).toBeCloseTo(14.5, 12);
    expect(w[2]).toBeCloseTo(3.9, 12);
  });
  it('grad-norm weighting equalises weighted gradient norms at α = 1', () => {
    const norms = [10, 1, 4];
    const w = gradNormWeights([1, 1, 1], norms, 1);
    expect(w).toEqual([1.5, 15, 3.75]);
    const weighted = w.map((wi, i) => wi * norms[i]);
    expect(new Set(weighted).size).toBe(1);
    expect(gradNormWeights([1, 1, 1], norms, 0.1)[1]).toBeCloseTo(0.9 + 1.5, 12);
  });
});
