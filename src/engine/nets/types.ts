import type * as tf from '@tensorflow/tfjs';
import { inputJet, type Jet, type LayerTap } from '../jet/jet';
import type { DenseLayer } from './dense';

/** A trainable parameter with a stable, readable name (used in exports and diagnostics). */
export interface NamedParam {
  name: string;
  variable: tf.Variable;
}

/**
 * A network u: R^inputDim → R^outputDim whose forward pass runs on derivative jets.
 * The engine owns the variables; `dispose` frees them.
 */
export interface Network {
  readonly inputDim: number;
  readonly outputDim: number;
  /** Trainable parameters in a fixed order (optimizer state follows this order). */
  readonly params: NamedParam[];
  /**
   * Frozen tensors the forward pass reads (fixed Fourier matrices `fourier.weight`): not
   * trained, but part of the function, so exports include them.
   */
  readonly buffers: NamedParam[];
  /** The trainable dense layers (their taps give per-sample gradients). */
  readonly layers: DenseLayer[];
  /**
   * The jet of the outputs [B, outputDim] from the jet of the inputs [B, inputDim]. With
   * `taps`, every trainable dense layer appends a LayerTap named like the layer.
   */
  forwardJet(input: Jet, taps?: LayerTap[]): Jet;
  /** Values only: X [B, inputDim] → [B, outputDim]. */
  forward(x: tf.Tensor2D): tf.Tensor2D;
  /**
   * Physics-informed initialisation, where the architecture has one (PirateNet): fit the
   * output layer by least squares so that u(x_i) ≈ targets_i [n × outputDim] at init.
   */
  leastSquaresInit?(x: tf.Tensor2D, targets: Float32Array): Promise<void>;
  dispose(): void;
}

/** Total number of scalar parameters. */
export function countParams(net: Network): number {
  return net.params.reduce((s, p) => s + p.variable.size, 0);
}

/**
 * A Network from its trainable dense layers, any extra parameters (e.g. PirateNet's α), its
 * jet forward pass and its frozen layers (freed with it); `forward` is the same pass on a
 * value-only jet.
 */
export function assembleNetwork(
  ctx: { axes: readonly string[]; outputDim: number },
  layers: DenseLayer[],
  extra: NamedParam[],
  forwardJet: (input: Jet, taps?: LayerTap[]) => Jet,
  frozen: DenseLayer[] = [],
): Network {
  const params = [...layers.flatMap((l) => l.params), ...extra];
  return {
    inputDim: ctx.axes.length,
    outputDim: ctx.outputDim,
    params,
    buffers: frozen.flatMap((l) => l.buffers ?? []),
    layers,
    forwardJet,
    forward: (x) => forwardJet(inputJet(x, ctx.axes, [''])).streams[''] as tf.Tensor2D,
    dispose: () => {
      [...layers, ...frozen].forEach((l) => l.dispose());
      extra.forEach((p) => p.variable.dispose());
    },
  };
}
