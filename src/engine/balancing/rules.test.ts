import { describe, expect, it } from 'vitest';
import { annealingWeights, gradNormWeights, ntkWeights } from './rules';

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
  it("annealing with base weights is the code's λ·(b·L): λ starts at 1, the fixed point is √(b·R/m)", () => {
    // code: loss = L_res + λ·(4 edge means); λ̂ = max|∇L_res| / mean|∇(λ·4·L_bc)|, λ ← 0.9λ + 0.1λ̂
    const R = 8;
    const m = 0.5; // mean |∇ L_bc| of the unweighted boundary mean
    let lambda = 1;
    let w = [1, 4]; // effective weights b·λ with b = [1, 4]
    for (let k = 0; k < 300; k++) {
      const hat = R / (lambda * 4 * m);
      lambda = 0.9 * lambda + 0.1 * hat;
      w = annealingWeights(w, [R, 1], [1, m], 0, 0.1, [1, 4]);
      expect(w[1]).toBeCloseTo(4 * lambda, 10);
      expect(w[0]).toBe(1);
    }
    expect(w[1]).toBeCloseTo(Math.sqrt((4 * R) / m), 6); // 8, where base 1 would give 4
  });
  it('grad-norm weighting equalises weighted gradient norms at α = 1 (the mean norm, not the sum)', () => {
    const norms = [10, 1, 4];
    const w = gradNormWeights([1, 1, 1], norms, 1);
    expect(w[0]).toBeCloseTo(0.5, 14);
    expect(w[1]).toBeCloseTo(5, 14);
    expect(w[2]).toBeCloseTo(1.25, 14);
    for (const [i, n] of norms.entries()) expect(w[i] * n).toBeCloseTo(5, 12);
    expect(gradNormWeights([1, 1, 1], norms, 0.1)[1]).toBeCloseTo(0.9 + 0.5, 12);
  });
  it("grad-norm reproduces jaxpi's formula on the issue's example: res 0.957, bc 1.299 after one update", () => {
    // jaxpi: mean_grad_norm = mean(‖∇L_res‖, ‖∇L_bc‖); w ← 0.9 w + 0.1 · mean_grad_norm / ‖∇L‖.
    // ‖∇L_bc‖/‖∇L_res‖ = 0.1433 is the ratio behind the "sum" numbers (1.014, 1.698).
    const norms = [2.5, 2.5 * 0.1433];
    const jaxpi = (n: number) => 0.9 + (0.1 * ((norms[0] + norms[1]) / 2)) / n;
    const w = gradNormWeights([1, 1], norms, 0.1);
    expect(w[0]).toBeCloseTo(jaxpi(norms[0]), 14);
    expect(w[1]).toBeCloseTo(jaxpi(norms[1]), 14);
    expect(w.map((x) => x.toFixed(3))).toEqual(['0.957', '1.299']);
    // the old sum-of-norms rule gave n× these targets: 1.014, 1.698
    const sum = norms.map((n) => (0.9 + (0.1 * (norms[0] + norms[1])) / n).toFixed(3));
    expect(sum).toEqual(['1.014', '1.698']);
  });
  it('NTK weighting: ŵ_i = mean_j tr(K_j) / tr(K_i), then the EMA', () => {
    // mean diagonals tr(K_res)/n = 400, tr(K_bc)/n = 4 (the residual block dwarfs the boundary one)
    const w = ntkWeights([1, 1], [400, 4], 1);
    expect(w[0]).toBeCloseTo(202 / 400, 14);
    expect(w[1]).toBeCloseTo(202 / 4, 14);
    expect(w[0] * 400).toBeCloseTo(w[1] * 4, 10); // weighted traces equal
    expect(ntkWeights([1, 1], [400, 4], 0.1)[1]).toBeCloseTo(0.9 + 0.1 * 50.5, 12);
  });
});
