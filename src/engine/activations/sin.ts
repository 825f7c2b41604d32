import type { ActivationDefinition } from './types';

/** sin with derivatives cos z, −sin z, −cos z, sin z, … (period 4). */
export const sin: ActivationDefinition = {
  id: 'sin',
  scalar: Math.sin,
  derivativesOn(ops, z, order) {
    const s = ops.sin(z);
    const out = [s];
    if (order < 1) return out;
    const c = ops.cos(z);
    const cycle = [s, c, ops.scale(s, -1), ops.scale(c, -1)];
    for (let k = 1; k <= order; k++) out.push(cycle[k % 4]);
    return out;
  },
};
