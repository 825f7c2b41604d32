/**
 * Loss-balancing update rules on host numbers. Terms are indexed like the trainer's
 * `termNames`; `res` is the index of the PDE residual term.
 */

/**
 * Learning-rate annealing (Wang, Teng, Perdikaris 2021, Alg. 1):
 * λ̂_i = max_θ |∇θ L_res| / mean_θ |∇θ L_i| for every i ≠ res, then
 * λ_i ← (1 − α) λ_i + α λ̂_i; the residual's weight stays 1.
 */
export function annealingWeights(prev: readonly number[], maxAbs: readonly number[], meanAbs: readonly number[], res: number, alpha: number): number[] {
  return prev.map((w, i) => {
    if (i === res) return 1;
    const hat = maxAbs[res] / Math.max(meanAbs[i], 1e-30);
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
