import { activationOption, activations, type ActivationId } from '../activations';
import { defaultsOf, int, type SchemaOf } from '../schema/option';
import { gateJets } from '../jet/algebra';
import { activateJet, type Jet } from '../jet/jet';
import { createDense } from './dense';
import { commonArchSchema, createInputPipeline, rwfOf, type CommonArchOptions } from './inputs';
import type { NetContext } from './mlp';
import { assembleNetwork, type Network } from './types';

/** Options of the modified MLP. */
export interface ModifiedMlpOptions extends CommonArchOptions {
  /** Number of gated hidden layers. */
  depth: number;
  width: number;
  activation: ActivationId;
}

export const modifiedMlpSchema: SchemaOf<ModifiedMlpOptions> = {
  depth: int('Gated layers', 3, 1, 16, 'Number of gated hidden layers H^k.'),
  width: int('Width', 50, 1, 512, 'Units per hidden layer (and per encoder U, V).', { unit: 'units per layer' }),
  activation: activationOption,
  ...commonArchSchema,
};

export const modifiedMlpDefaults: ModifiedMlpOptions = defaultsOf(modifiedMlpSchema);

/**
 * Modified MLP (Wang, Teng, Perdikaris 2021, eq. 33–37): two encoders of the input
 * U = φ(X W¹ + b¹), V = φ(X W² + b²); H¹ = φ(X W^{z,1} + b^{z,1}),
 * Z^k = φ(H^k W^{z,k} + b^{z,k}), H^{k+1} = (1 − Z^k) ⊙ U + Z^k ⊙ V, output linear in H^{L+1}.
 * Here the first gated layer reads X and each later one reads H^k (so `depth` layers of
 * weights W^{z,k}); parameters `encoder_u`, `encoder_v`, `layer{k}`, `output`.
 */
export function createModifiedMlp(opts: Partial<ModifiedMlpOptions>, ctx: NetContext): Network {
  const o = { ...modifiedMlpDefaults, ...opts };
  const act = activations[o.activation];
  const rwf = rwfOf(o);
  const input = createInputPipeline(ctx.rng, ctx.axes, ctx.periodic, o, ctx.domain);
  const encU = createDense(ctx.rng, input.dim, o.width, 'encoder_u', { rwf });
  const encV = createDense(ctx.rng, input.dim, o.width, 'encoder_v', { rwf });
  const hidden = Array.from({ length: o.depth }, (_, k) =>
    createDense(ctx.rng, k === 0 ? input.dim : o.width, o.width, `layer${k}`, { rwf }),
  );
  const out = createDense(ctx.rng, o.width, ctx.outputDim, 'output', { rwf });
  return assembleNetwork(
    ctx,
    [...input.layers, encU, encV, ...hidden, out],
    [],
    (jet, taps) => {
      const x = input.apply(jet, taps);
      const u = activateJet(encU.apply(x, taps), act);
      const v = activateJet(encV.apply(x, taps), act);
      let h: Jet = x;
      for (const layer of hidden) {
        const z = activateJet(layer.apply(h, taps), act);
        h = gateJets(z, v, u); // (1 − Z) ⊙ U + Z ⊙ V
      }
      return out.apply(h, taps);
    },
    input.frozen,
  );
}
