import { createMlp, mlpDefaults, type MlpOptions, type NetContext } from './mlp';
import type { Network } from './types';

export type { Network, NamedParam } from './types';
export { countParams } from './types';
export type { NetContext } from './mlp';

/** Architecture options by id (absent sub-options = defaults). */
export interface ArchOptions {
  mlp: MlpOptions;
}

/** An architecture id. */
export type ArchId = keyof ArchOptions;

interface ArchEntry<K extends ArchId> {
  label: string;
  defaults: ArchOptions[K];
  create(opts: ArchOptions[K], ctx: NetContext): Network;
}

/** Architectures by id. */
export const architectures: { [K in ArchId]: ArchEntry<K> } = {
  mlp: { label: 'MLP', defaults: mlpDefaults, create: createMlp },
};

/** The ids, for menus and CLI validation. */
export const archIds = Object.keys(architectures) as ArchId[];
