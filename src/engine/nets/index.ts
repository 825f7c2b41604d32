import { createMlp, mlpDefaults, type MlpOptions, type NetContext } from './mlp';
import { createModifiedMlp, modifiedMlpDefaults, type ModifiedMlpOptions } from './modified_mlp';
import { createPirateNet, pirateNetDefaults, type PirateNetOptions } from './pirate_net';
import type { Network } from './types';

export type { Network, NamedParam } from './types';
export { countParams } from './types';
export type { NetContext } from './mlp';

/** Architecture options by id (every option has a default; see each file). */
export interface ArchOptions {
  mlp: MlpOptions;
  modified_mlp: ModifiedMlpOptions;
  pirate_net: PirateNetOptions;
}

/** An architecture id. */
export type ArchId = keyof ArchOptions;

interface ArchEntry<K extends ArchId> {
  label: string;
  defaults: ArchOptions[K];
  create(opts: Partial<ArchOptions[K]>, ctx: NetContext): Network;
}

/** Architectures by id. */
export const architectures: { [K in ArchId]: ArchEntry<K> } = {
  mlp: { label: 'MLP', defaults: mlpDefaults, create: createMlp },
  modified_mlp: { label: 'Modified MLP', defaults: modifiedMlpDefaults, create: createModifiedMlp },
  pirate_net: { label: 'PirateNet', defaults: pirateNetDefaults, create: createPirateNet },
};

/** The ids, for menus and CLI validation. */
export const archIds = Object.keys(architectures) as ArchId[];
