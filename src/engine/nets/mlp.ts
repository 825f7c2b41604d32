import { activationOption, activations, type ActivationId } from '../activations';
import { defaultsOf, int, type SchemaOf } from '../schema/option';
import { activateJet, type Jet } from '../jet/jet';
import type { Rng } from '../rng';
import { createDense } from './dense';
import type { PeriodicEmbedding } from './embedding';
import { commonArchSchema, createInputPipeline, rwfOf, type CommonArchOptions, type InputDomain } from './inputs';
import { assembleNetwork, type Network } from './types';

/** Options of the plain multilayer perceptron. */
export interface MlpOptions extends CommonArchOptions {
  /** Number of hidden layers. */
  depth: number;
  /** Units per hidden layer. */
  width: number;
  activation: ActivationId;
}

/** Defaults: 3 hidden layers of 50 tanh units (the gradient-pathologies paper's M1). */
export const mlpSchema: SchemaOf<MlpOptions> = {
  depth: int('Hidden layers', 3, 1, 16, 'Number of hidden layers.'),
  width: int('Width', 50, 1, 512, 'Units per hidden layer.', { unit: 'units per layer' }),
  activation: activationOption,
  ...commonArchSchema,
};

export const mlpDefaults: MlpOptions = defaultsOf(mlpSchema);

/** Shape of the problem a network is built for. */
export interface NetContext {
  axes: readonly string[];
  outputDim: number;
  periodic?: PeriodicEmbedding;
  /** Each axis's interval (for input standardization). */
  domain?: InputDomain;
  rng: Rng;
}

/**
 * u(X) = W_L φ(… φ(W_1 E(X) + b_1) …) + b_L with E the input pipeline (periodic embedding,
 * Fourier features), Glorot-normal weights (optionally factorized) and zero biases.
 * Parameters are named `layer{i}.weight|bias` (`layer{i}.v|s` with RWF).
 */
export function createMlp(opts: Partial<MlpOptions>, ctx: NetContext): Network {
  const o = { ...mlpDefaults, ...opts };
  const act = activations[o.activation];
  const input = createInputPipeline(ctx.rng, ctx.axes, ctx.periodic, o, ctx.domain);
  const dims = [input.dim, ...Array(o.depth).fill(o.width), ctx.outputDim];
  const layers = dims.slice(1).map((out, i) => createDense(ctx.rng, dims[i], out, `layer${i}`, { rwf: rwfOf(o) }));
  return assembleNetwork(
    ctx,
    [...input.layers, ...layers],
    [],
    (jet, taps) => {
      let h: Jet = input.apply(jet, taps);
      layers.forEach((l, i) => {
        h = l.apply(h, taps);
        if (i < layers.length - 1) h = activateJet(h, act);
      });
      return h;
    },
    input.frozen,
  );
}
