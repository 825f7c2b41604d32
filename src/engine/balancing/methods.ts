/**
 * The loss-balancing methods and their options, each method with its own defaults (so that
 * switching the method switches the defaults, as switching the optimizer does): learning-rate
 * annealing rebalances every 10 steps as the gradient-pathologies paper's code does (Wang, Teng,
 * Perdikaris 2021, Alg. 1), grad-norm weighting every 100 (jaxpi). α is the weight of the new
 * estimate in λ ← (1 − α)λ + α λ̂ (0.1: the paper's β = 0.9 and jaxpi's momentum 0.9).
 */
import { float, int, type SchemaOf } from '../schema/option';

/**
 * Loss-balancing methods (Wang, Teng, Perdikaris 2021 Alg. 1; jaxpi grad-norm; NTK weighting,
 * Wang, Yu, Perdikaris 2022, on `diagnostics.ntkPoints` probe points per term).
 */
export const balancingMethods = ['fixed', 'annealing', 'gradnorm', 'ntk'] as const;
export type BalancingMethod = (typeof balancingMethods)[number];

/** A balancing method's options (unused by `fixed`, which keeps them for a later switch). */
export interface BalancingOptions {
  alpha: number;
  every: number;
}

const options = (every: number): SchemaOf<BalancingOptions> => ({
  alpha: float(
    'Balancing rate α',
    0.1,
    0,
    1,
    'Weight of the new estimate in λ ← (1 − α)λ + α λ̂; 0 = weights never move.',
  ),
  every: int(
    'Rebalance every',
    every,
    1,
    1e7,
    'Recompute the loss weights from per-term gradients every this many steps.',
    { unit: 'steps' },
  ),
});

/** Each method's label and options schema (its own defaults). */
export const balancing: Record<BalancingMethod, { label: string; schema: SchemaOf<BalancingOptions> }> = {
  fixed: { label: 'Fixed weights', schema: options(100) },
  annealing: { label: 'Learning-rate annealing (Wang et al. 2021)', schema: options(10) },
  gradnorm: { label: 'Gradient-norm weighting', schema: options(100) },
  ntk: { label: 'NTK weighting (Wang, Yu, Perdikaris 2022)', schema: options(100) },
};
