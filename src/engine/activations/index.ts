import { choice } from '../schema/option';
import type { Activation } from './types';
import { tanh } from './tanh';
import { sin } from './sin';
import { swish } from './swish';

export type { Activation } from './types';

/** Activations by id. */
export const activations = { tanh, sin, swish } satisfies Record<string, Activation>;

/** An activation id. */
export type ActivationId = keyof typeof activations;

/** The ids, for menus and CLI validation. */
export const activationIds = Object.keys(activations) as ActivationId[];

/** The activation option every architecture declares. */
export const activationOption = choice<ActivationId>('Activation', 'tanh', activationIds, 'Nonlinearity φ of the hidden layers.', {
  choiceLabels: { tanh: 'tanh', sin: 'sin', swish: 'swish (x·σ(x))' },
});
