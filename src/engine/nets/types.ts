import type * as tf from '@tensorflow/tfjs';
import type { Jet, LayerTap } from '../jet/jet';

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
   * The jet of the outputs [B, outputDim] from the jet of the inputs [B, inputDim]. With
   * `taps`, every dense layer appends a LayerTap (for per-sample gradients) named like its
   * parameters' prefix (`layer0` for `layer0.weight`, `layer0.bias`).
   */
  forwardJet(input: Jet, taps?: LayerTap[]): Jet;
  /** Values only: X [B, inputDim] → [B, outputDim]. */
  forward(x: tf.Tensor2D): tf.Tensor2D;
  dispose(): void;
}

/** Total number of scalar parameters. */
export function countParams(net: Network): number {
  return net.params.reduce((s, p) => s + p.variable.size, 0);
}
