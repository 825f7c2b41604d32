/**
 * Loss-balancing update rules on host numbers. Terms are indexed like the trainer's
 * `termNames`; `res` is the index of the PDE residual term.
 */

/**
 * Learning-rate annealing (Wang, Teng, Perdikaris 2021, Alg. 1, eq. 40):
 * λ̂_i = max_θ |∇θ L_res| / mean_θ |∇θ (λ_i L_i)| for every i ≠ res — the gradient of the
 * *weighted* term, as in the paper and its code — then λ_i ← (1 − α) λ_i + α λ̂_i (the code's
 * β = 0.9 is α = 0.1). `meanAbs` are the unweighted mean |∇θ L_i|; the residual's weight stays 1.
 * The fixed point is λ_i = √(max|∇L_res| / mean|∇L_i|).
 */
export function annealingWeights(prev: readonly number[], maxAbs: readonly number[], meanAbs: readonly number[], res: number, alpha: number): number[] {
  return prev.map((w, i) => {
    if (i === res) return 1;
    const hat = maxAbs[res] / Math.max(w * meanAbs[i], 1e-30);
    return (1 - alpha) * w + alpha * hat;
  });
}

/**
 * Grad-norm weighting (jaxpi `grad_norm`): ŵ_i = (Σ_j ‖∇L_j‖) / ‖∇L_i‖, so every weighted
 * term has the same gradient norm, then w_i ← (1 − α) w_i + α ŵ_i.
 */
export function gradNormWeights(prev: readonly number[], norms: readonly number[], alpha: number): number[] {
  const total = norms.reduce((a, b) => a + b, 0);
  return prev.map((w, i) => (1 - alpha) * w + (alpha * total) / Math.max(norms[i], 1e-30));
}
