/**
 * A config's per-choice parts: the architecture with that architecture's options, the optimizer
 * with that optimizer's hyperparameters. Each is a union discriminated on the id, so
 * `config.arch === 'pirate_net'` narrows `config.archOptions` to PirateNet's options. Pure types
 * and two constructors (no registries), so the UI builds configs with them too.
 *
 * TypeScript cannot see that an `{arch: K, archOptions: ArchOptions[K]}` pair built for a generic
 * `K` is the `K` member of the union (its known limit with correlated unions): the constructors
 * are the one place that says so. Their callers have resolved the options against the id's schema.
 */
import type { ArchId, ArchOptions } from '../nets';
import type { OptimizerId, OptimizerOptions } from '../optim';

type ArchChoices = { [K in ArchId]: { arch: K; archOptions: ArchOptions[K] } };
type OptimizerChoices = { [K in OptimizerId]: { optimizer: K; optimizerOptions: OptimizerOptions[K] } };

/** An architecture and its options (`ArchChoice<'mlp'>` for one). */
export type ArchChoice<K extends ArchId = ArchId> = ArchChoices[K];

/** An optimizer and its hyperparameters (`OptimizerChoice<'soap'>` for one). */
export type OptimizerChoice<K extends OptimizerId = OptimizerId> = OptimizerChoices[K];

/** `arch` with `archOptions` as a config's architecture part. */
export function archChoice<K extends ArchId>(arch: K, archOptions: ArchOptions[K]): ArchChoice<K> {
  return { arch, archOptions } as ArchChoices[K];
}

/** `optimizer` with `optimizerOptions` as a config's optimizer part. */
export function optimizerChoice<K extends OptimizerId>(
  optimizer: K,
  optimizerOptions: OptimizerOptions[K],
): OptimizerChoice<K> {
  return { optimizer, optimizerOptions } as OptimizerChoices[K];
}
