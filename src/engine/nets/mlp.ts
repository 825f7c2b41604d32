import type * as tf from '@tensorflow/tfjs';
import { activations, type ActivationId } from '../activations';
import { activateJet, denseJet, inputJet, type Jet, type LayerTap } from '../jet/jet';
import type { Rng } from '../rng';
import { embedPeriodic, embeddedDim, type PeriodicEmbedding } from './embedding';
import { denseParams } from './init';
import type { NamedParam, Network } from './types';

/** Options of the plain multilayer perceptron. */
export interface MlpOptions {
  /** Number of hidden layers. */
  depth: number;
  /** Units per hidden layer. */
  width: number;
  activation: ActivationId;
}

/** Defaults: 3 hidden layers of 50 tanh units (the gradient-pathologies paper's M1). */
export const mlpDefaults: MlpOptions = { depth: 3, width: 50, activation: 'tanh' };

/** Shape of the problem a network is built for. */
export interface NetContext {
  axes: readonly string[];
  outputDim: number;
  periodic?: PeriodicEmbedding;
  rng: Rng;
}

/**
 * u(X) = W_L φ(… φ(W_1 E(X) + b_1) …) + b_L with E the optional periodic embedding,
 * Glorot-normal weights and zero biases. Parameters are named `layer{i}.weight|bias`.
 */
export function createMlp(opts: MlpOptions, ctx: NetContext): Network {
  const act = activations[opts.activation];
  const dims = [embeddedDim(ctx.axes, ctx.periodic), ...Array(opts.depth).fill(opts.width), ctx.outputDim];
  const layers = dims.slice(1).map((out, i) => denseParams(ctx.rng, dims[i], out, `layer${i}`));
  const params: NamedParam[] = layers.flatMap((l) => l.named);
  const forwardJet = (input: Jet, taps?: LayerTap[]): Jet => {
    let h = ctx.periodic ? embedPeriodic(input, ctx.periodic) : input;
    layers.forEach((l, i) => {
      const tap = taps ? { layer: `layer${i}`, inputs: {}, grads: {} } : undefined;
      if (tap) taps!.push(tap);
      h = denseJet(h, l.w, l.b, tap);
      if (i < layers.length - 1) h = activateJet(h, act);
    });
    return h;
  };
  return {
    inputDim: ctx.axes.length,
    outputDim: ctx.outputDim,
    params,
    forwardJet,
    forward: (x) => forwardJet(inputJet(x, ctx.axes, [''])).streams[''] as tf.Tensor2D,
    dispose: () => params.forEach((p) => p.variable.dispose()),
  };
}
