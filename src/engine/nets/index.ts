import type { ArchChoice } from '../schema/choice';
import type { OptionsEntry } from '../schema/option';
import { createMlp, mlpDefaults, mlpSchema, type MlpOptions, type NetContext } from './mlp';
import { createModifiedMlp, modifiedMlpDefaults, modifiedMlpSchema, type ModifiedMlpOptions } from './modified_mlp';
import { createPirateNet, pirateNetDefaults, pirateNetSchema, type PirateNetOptions } from './pirate_net';
import type { Network } from './types';

export type { Network, NamedParam } from './types';
export { countParams } from './types';
export { archChoice, type ArchChoice } from '../schema/choice';
export type { NetContext } from './mlp';

/** Architecture options by id (every option has a default; see each file). */
export interface ArchOptions {
  mlp: MlpOptions;
  modified_mlp: ModifiedMlpOptions;
  pirate_net: PirateNetOptions;
}

/** An architecture id. */
export type ArchId = keyof ArchOptions;

export interface ArchEntry<K extends ArchId> extends OptionsEntry<ArchOptions[K]> {
  /** Hidden units and parameter count for `inputDim` inputs (the resource budget's estimate). */
  size(opts: ArchOptions[K], inputDim: number, outputDim: number): { units: number; params: number };
  /** A problem across options (named `archOptions.<key>: …`), or null. */
  check?(opts: ArchOptions[K]): string | null;
  /** Shared options it accepts (so a switch keeps them) but does not use; the UI shows no field. */
  unused?: readonly string[];
  create(opts: Partial<ArchOptions[K]>, ctx: NetContext): Network;
}

/** Parameters of `count` dense layers of `n → m`. */
const dense = (n: number, m: number, count: number) => count * (n + 1) * m;
/** Width of the network's input after the Fourier features (which replace the raw inputs). */
const inputsOf = (o: { fourierSize: number }, d: number) => (o.fourierSize > 0 ? 2 * o.fourierSize : d);

/** Architectures by id. */
export const architectures: { [K in ArchId]: ArchEntry<K> } = {
  mlp: {
    label: 'MLP',
    schema: mlpSchema,
    defaults: mlpDefaults,
    create: createMlp,
    size: (o, d, m) => ({
      units: o.depth * o.width,
      params: dense(inputsOf(o, d), o.width, 1) + dense(o.width, o.width, o.depth - 1) + dense(o.width, m, 1),
    }),
  },
  modified_mlp: {
    label: 'Modified MLP',
    schema: modifiedMlpSchema,
    defaults: modifiedMlpDefaults,
    create: createModifiedMlp,
    size: (o, d, m) => ({
      units: (o.depth + 2) * o.width,
      params: dense(inputsOf(o, d), o.width, 3) + dense(o.width, o.width, o.depth - 1) + dense(o.width, m, 1),
    }),
  },
  pirate_net: {
    label: 'PirateNet',
    schema: pirateNetSchema,
    defaults: pirateNetDefaults,
    create: createPirateNet,
    size: (o, _d, m) => ({
      units: (3 * o.blocks + 2) * o.width,
      params: dense(o.width, o.width, 3 * o.blocks + 2) + dense(o.width, m, 1) + o.blocks,
    }),
    // its embedding always has width/2 Fourier features: Φ feeds the residual blocks
    unused: ['fourierSize'],
    check: (o) =>
      o.width % 2 ? `archOptions.width: ${o.width} is odd; PirateNet needs an even width (Φ = [cos, sin])` : null,
  },
};

/** The ids, for menus and CLI validation. */
export const archIds = Object.keys(architectures) as ArchId[];

/** Architecture `c.arch`'s registry entry applied to `c`'s own options (no cast at the call site). */
export function withArch<R>(c: ArchChoice, f: <K extends ArchId>(entry: ArchEntry<K>, opts: ArchOptions[K]) => R): R {
  return f(architectures[c.arch], c.archOptions);
}
