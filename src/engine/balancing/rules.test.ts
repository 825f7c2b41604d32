import { describe, expect, it } from 'vitest';
import { annealingWeights, gradNormWeights } from './rules';

describe('loss balancing rules', () => {
  it('learning-rate annealing matches a hand computation', () => {
    // terms [res, bc, ic]; max|∇L_res| = 8; mean|∇L_bc| = 0.5, mean|∇L_ic| = 2; λ = [1, 1, 3]
    const w = annealingWeights([1, 1, 3], [8, 1, 1], [1, 0.5, 2], 0, 0.1);
    // λ̂_bc = 8 / (1·0.5) = 16 → 0.9·1 + 0.1·16 = 2.5; λ̂_ic = 8 / (3·2) = 4/3 → 0.9·3 + 0.1·4/3 = 2.8333…
    expect(w[0]).toBe(1);
    expect(w[1]).toBeCloseTo(2.5, 12);
    expect(w[2]).toBeCloseTo(2.7 + 0.4 / 3, 12);
    // iterating converges to √(max|∇L_res| / mean|∇L_i|)
    let v = [1, 1, 1];
    for (let k = 0; k < 500; k++) v = annealingWeights(v, [8, 1, 1], [1, 0.5, 2], 0, 0.1);
    expect(v[1]).toBeCloseTo(4, 6);
    expect(v[2]).toBeCloseTo(2, 6);
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
