import { choice } from '../schema/option';
import { tensorOps } from './ops';
import type { Activation, ActivationDefinition } from './types';
import { tanh } from './tanh';
import { sin } from './sin';
import { swish } from './swish';

export type { Activation, ActivationDefinition } from './types';

/** `def` with its derivatives also as taped tensors. */
function served(def: ActivationDefinition): Activation {
  return { ...def, derivatives: (z, order) => def.derivativesOn(tensorOps, z, order) };
}

/** Activations by id. */
export const activations = {
  tanh: served(tanh),
  sin: served(sin),
  swish: served(swish),
} satisfies Record<string, Activation>;

/** An activation id. */
export type ActivationId = keyof typeof activations;

/** The ids, for menus and CLI validation. */
export const activationIds = Object.keys(activations) as ActivationId[];

/** The activation option every architecture declares. */
export const activationOption = choice<ActivationId>(
  'Activation',
  'tanh',
  activationIds,
  'Nonlinearity φ of the hidden layers.',
  {
    choiceLabels: { tanh: 'tanh', sin: 'sin', swish: 'swish (x·σ(x))' },
  },
);
