import * as tf from '@tensorflow/tfjs';
import { scaleByAdam, type AdamState } from './adam';
import { bool, defaultsOf, float, int, type SchemaOf } from '../schema/option';
import { adamSchema } from './adam';
import type { Transform } from './transform';

/**
 * Muon's hyperparameters (K. Jordan et al. 2024, "Muon: an optimizer for hidden layers";
 * a baseline in Wang, Bhartari, Li, Perdikaris 2025, arXiv 2502.00604, Table 1).
 */
export interface MuonOptions {
  /** Momentum μ of the 2-D parameters' buffer m ← μ m + g. */
  momentum: number;
  /** Nesterov (orthogonalise g + μ m), else heavy ball (orthogonalise m). */
  nesterov: boolean;
  /** Newton–Schulz iterations. */
  nsSteps: number;
  /**
   * Off = Jordan's quintic (a, b, c) = (3.4445, −4.7750, 2.0315): fast, singular values end in
   * ≈ [0.7, 1.2] rather than at 1; on = the cubic X ← 1.5 X − 0.5 X XᵀX, which converges to
   * the exact polar factor (slowly for tiny singular values).
   */
  cubic: boolean;
  /**
   * Update RMS target: a 2-D update is scaled by `rms`·√max(rows, cols) (Liu et al. 2025,
   * "Muon is scalable for LLM training"), so its RMS is about Adam's (≈ 0.2) and one learning
   * rate serves both parameter groups.
   */
  rms: number;
  /** Adam's β₁, β₂, ε for the other parameters (biases, 1-D scales, PirateNet's α). */
  b1: number;
  b2: number;
  eps: number;
}

export const muonSchema: SchemaOf<MuonOptions> = {
  momentum: float('Momentum μ', 0.95, 0, 0.99999, "Decay of the 2-D parameters' momentum buffer m ← μ m + g."),
  nesterov: bool('Nesterov', true, 'Orthogonalise g + μ m (Nesterov) instead of m (heavy ball).'),
  nsSteps: int('Newton–Schulz iterations', 5, 1, 100, 'Iterations of the orthogonalisation of each 2-D update.'),
  cubic: bool(
    'Exact polar factor (cubic)',
    false,
    "The cubic iteration (exact, slower) instead of Jordan's quintic (fast, approximate).",
  ),
  rms: float('Update RMS', 0.2, 0, 10, "A 2-D update is scaled to this RMS × √max(rows, cols) (about Adam's)."),
  ...adamSchema,
};

export const muonDefaults: MuonOptions = defaultsOf(muonSchema);

/** Muon's state: momentum buffers of the 2-D parameters, Adam's state for the rest. */
export interface MuonState {
  [key: string]: tf.TensorContainer;
  momentum: tf.Tensor[];
  adam: AdamState;
}

const QUINTIC: [number, number, number] = [3.4445, -4.775, 2.0315];
const CUBIC: [number, number, number] = [1.5, -0.5, 0];

/**
 * Newton–Schulz orthogonalisation of a matrix G [m, n]: X₀ = G / ‖G‖_F (so every singular
 * value is ≤ 1), then `steps` iterations X ← a X + (b A + c A²) X with A = X Xᵀ, on the
 * wide orientation (the smaller Gram matrix). Each iteration maps every singular value σ by
 * the odd polynomial aσ + bσ³ + cσ⁵ and keeps the singular vectors, so the limit of the cubic
 * (1.5, −0.5, 0) is the polar factor U Vᵀ of G = U Σ Vᵀ. Float32; call inside a tidy.
 */
export function newtonSchulz(g: tf.Tensor2D, steps: number, cubic = false): tf.Tensor2D {
  const [a, b, c] = cubic ? CUBIC : QUINTIC;
  const tall = g.shape[0] > g.shape[1];
  let x = (tall ? tf.transpose(g) : g) as tf.Tensor2D;
  x = tf.div(x, tf.add(tf.norm(x), 1e-7)) as tf.Tensor2D;
  for (let k = 0; k < steps; k++) {
    const A = tf.matMul(x, x, false, true);
    const poly = c === 0 ? tf.mul(b, A) : tf.add(tf.mul(b, A), tf.mul(c, tf.matMul(A, A)));
    x = tf.add(tf.mul(a, x), tf.matMul(poly, x)) as tf.Tensor2D;
  }
  return (tall ? tf.transpose(x) : x) as tf.Tensor2D;
}

/**
 * Muon as a gradient transformation (followed by −η scaling): for each 2-D parameter
 * (a weight matrix) m ← μ m + g, u = g + μ m (Nesterov) or m, and the update is
 * NS(u) · rms · √max(rows, cols); every other parameter goes through `scaleByAdam`, as in
 * the reference implementation. Parameter groups are fixed by rank at `init`.
 */
export function scaleByMuon(o: MuonOptions = muonDefaults): Transform<MuonState> {
  const adam = scaleByAdam({ b1: o.b1, b2: o.b2, eps: o.eps });
  const isMatrix = (p: tf.Tensor) => p.rank === 2;
  const others = <T>(xs: readonly T[], params: readonly tf.Tensor[]) => xs.filter((_, i) => !isMatrix(params[i]));
  return {
    init: (params) => ({
      momentum: params.filter(isMatrix).map((p) => tf.zerosLike(p)),
      adam: adam.init(others(params, params)),
    }),
    update: (grads, state, params) => {
      const rest = adam.update(others(grads, params), state.adam, others(params, params));
      const momentum: tf.Tensor[] = [];
      let j = 0;
      let r = 0;
      const updates = grads.map((g, i) => {
        if (!isMatrix(params[i])) return rest.updates[r++];
        const m = tf.add(tf.mul(o.momentum, state.momentum[j++]), g);
        momentum.push(m);
        const u = o.nesterov ? tf.add(g, tf.mul(o.momentum, m)) : m;
        const [rows, cols] = g.shape;
        return tf.mul(newtonSchulz(u as tf.Tensor2D, o.nsSteps, o.cubic), o.rms * Math.sqrt(Math.max(rows, cols)));
      });
      return { updates, state: { momentum, adam: rest.state } };
    },
  };
}
