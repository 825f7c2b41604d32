/**
 * Loss-balancing update rules on host numbers. Terms are indexed like the trainer's
 * `termNames`; `res` is the index of the PDE residual term.
 */

/**
 * Learning-rate annealing (Wang, Teng, Perdikaris 2021, Alg. 1, eq. 40), in the form of the
 * paper's code: each term i ≠ res carries a fixed base weight b_i (the config's `lossWeights`,
 * e.g. 4 for "the sum of four edge means") times an adaptive λ_i that starts at 1, and
 * λ̂_i = max_θ |∇θ L_res| / mean_θ |∇θ (λ_i b_i L_i)| — the gradient of the *weighted* term,
 * as the code computes it — then λ_i ← (1 − α) λ_i + α λ̂_i (the code's β = 0.9 is α = 0.1).
 * `prev` are the effective weights w_i = b_i λ_i; `meanAbs` the unweighted mean |∇θ L_i|;
 * the residual keeps its base weight. The fixed point is w_i = √(b_i max|∇L_res| / mean|∇L_i|).
 */
export function annealingWeights(
  prev: readonly number[],
  maxAbs: readonly number[],
  meanAbs: readonly number[],
  res: number,
  alpha: number,
  base: readonly number[] = prev.map(() => 1),
): number[] {
  return prev.map((w, i) => {
    if (i === res) return base[i];
    const hat = maxAbs[res] / Math.max(w * meanAbs[i], 1e-30);
    return (1 - alpha) * w + alpha * base[i] * hat;
  });
}

/**
 * Grad-norm weighting (jaxpi `compute_weights` with `scheme: grad_norm`): ŵ_i =
 * mean_j ‖∇L_j‖ / ‖∇L_i‖ — the *mean* of the term-gradient norms, so the weights do not grow
 * with the number of terms — giving every weighted term the same gradient norm, then the EMA
 * w_i ← (1 − α) w_i + α ŵ_i (jaxpi's momentum 0.9 is α = 0.1).
 */
export function gradNormWeights(prev: readonly number[], norms: readonly number[], alpha: number): number[] {
  return emaTowards(
    prev,
    norms.map((n) => mean(norms) / Math.max(n, 1e-30)),
    alpha,
  );
}

/**
 * NTK weighting (Wang, Yu, Perdikaris 2022, "When and why PINNs fail to train", eq. 6.5;
 * jaxpi `scheme: ntk`): ŵ_i = mean_j tr(K_j) / tr(K_i) with tr(K_i) the trace of term i's NTK
 * block, taken as the mean of its diagonal (jaxpi) so terms with different probe sizes
 * compare; then the same EMA. `traces` are those mean diagonals.
 */
export function ntkWeights(prev: readonly number[], traces: readonly number[], alpha: number): number[] {
  return emaTowards(
    prev,
    traces.map((t) => mean(traces) / Math.max(t, 1e-30)),
    alpha,
  );
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** w ← (1 − α) w + α ŵ, elementwise. */
function emaTowards(prev: readonly number[], hat: readonly number[], alpha: number): number[] {
  return prev.map((w, i) => (1 - alpha) * w + alpha * hat[i]);
}
