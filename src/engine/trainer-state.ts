import type { NamedArray } from './io/safetensors';
import type { OptimizerId } from './optim';
import type { HostContainer } from './optim/container';
import type { AdaptiveState } from './adaptive-sampling';
import { rngStateProblem, type RngState } from './rng';

/**
 * A host snapshot of everything `step()` (and the loop's balancing, diagnostics and L-BFGS
 * phase) depends on, to continue the same trajectory in another Trainer with the same config,
 * e.g. on another backend after the GPU device was lost. Typed arrays and plain objects only:
 * structured-clone safe (transferable buffers), no tensors. Left out: the last two steps'
 * flattened directions (inter-step alignment reappears two captured steps later), the last
 * losses (the next `checkpoint()` reports after a step), the evaluation grid (recomputed) and
 * L-BFGS's curvature pairs, which live only within one `trainFor` call (a state taken between
 * calls, as the worker's are, resumes exactly).
 */
export interface TrainerState {
  /** The optimizer the state belongs to. */
  optimizerId: OptimizerId;
  /** Steps taken. */
  step: number;
  /** Base learning rate in force (it may have been changed while training). */
  lr: number;
  /** Whether the architecture's physics-informed initialisation has run (see `prepare`). */
  initialised: boolean;
  /** Weights by readable name, as `exportWeights` gives them. */
  weights: NamedArray[];
  /** The optimizer's state (Adam moments, SOAP factors and bases, step counts, …). */
  optimizer: HostContainer;
  /** Position of the collocation stream. */
  sampler: RngState;
  /** Position of the probe stream (balancing, diagnostics, L-BFGS batches). */
  probe: RngState;
  /** Loss weights by term (set by loss balancing). */
  lossWeights: Record<string, number>;
  /** The adaptive sampler's distribution or added points (absent when sampling is uniform). */
  sampling?: AdaptiveState | null;
}

/**
 * What keeps `s` from being a state of a trainer with this optimizer and these loss terms,
 * apart from the weights and the optimizer state's layout (checked against the trainer's own).
 */
export function stateProblems(s: TrainerState, optimizer: OptimizerId, termNames: readonly string[]): string[] {
  const problems: string[] = [];
  if (s.optimizerId !== optimizer) problems.push(`it is a ${s.optimizerId} state, this trainer uses ${optimizer}`);
  if (!(Number.isInteger(s.step) && s.step >= 0)) problems.push(`step ${s.step} is not a non-negative integer`);
  if (!(Number.isFinite(s.lr) && s.lr > 0)) problems.push(`learning rate ${s.lr} is not positive`);
  const terms = Object.keys(s.lossWeights ?? {});
  if (terms.join() !== termNames.join())
    problems.push(`loss weights are for terms [${terms.join(', ')}], expected [${termNames.join(', ')}]`);
  else if (!terms.every((t) => Number.isFinite(s.lossWeights[t]) && s.lossWeights[t] >= 0))
    problems.push('a loss weight is negative or not finite');
  for (const k of ['sampler', 'probe'] as const) {
    const p = rngStateProblem(s[k]);
    if (p) problems.push(`${k}: ${p}`);
  }
  if (typeof s.initialised !== 'boolean') problems.push('initialised is not a boolean');
  return problems;
}
