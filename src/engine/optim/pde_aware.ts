import * as tf from '@tensorflow/tfjs';
import { defaultsOf, type SchemaOf } from '../schema/option';
import { adamMoments } from './adam';
import type { Transform } from './transform';

/**
 * PDE-aware optimizer (Shukla, Khullar, Churiwala 2025, "PDE-aware Optimizer for
 * Physics-informed Neural Networks", arXiv 2507.08118): Adam's first moment of the gradient,
 * but a second moment built from the per-sample PDE-residual gradients g_i of the batch
 * instead of the squared batch gradient, so parameters whose residual gradients disagree
 * across collocation points (high variance: stiff regions, sharp fronts) take smaller steps.
 *
 * Per step, with ḡ the gradient of the weighted loss Σ_t w_t L_t:
 *   m ← β₁ m + (1 − β₁) ḡ
 *   v ← β₂ v + (1 − β₂) s
 *   u = m / (√v + ε)            (scaleByLearningRate then gives −η u; no bias correction)
 * Defaults η 1e-3, β₁ 0.99, β₂ 0.99, ε 1e-8 (the paper's).
 *
 * The second moment s (per parameter, elementwise). The paper's formula is over residual
 * samples only: s = mean_i g_i². Our loss also has boundary/initial terms, so:
 *   s = mean_i c_i² + (ḡ − mean_i c_i)²,
 * where c_i is sample i's weighted contribution to the residual gradient (c_i = w_res g_i
 * without causal weighting, so mean_i c_i = w_res ∇L_res; see `residualSampleMoments`)
 * and ḡ − mean_i c_i is the batch gradient of all other terms, which enter as one squared
 * batch gradient (they have no per-sample split here, and costing one more reverse pass per
 * term for it would buy little). Several residual terms (LDC's res_u, res_v, res_c) add their
 * moments. With B = 1 and no other terms s = ḡ², so the update is Adam's without bias
 * correction. Parameters without per-sample gradients (PirateNet's α), and every parameter
 * when the trainer supplies no `sampleMoments` (a PDE without residual terms, or a plain
 * objective as in the optimizer table), fall back to s = ḡ².
 *
 * The state keeps the per-parameter variance Var_i[c_i] = mean_i c_i² − (mean_i c_i)² of the
 * last step (the paper's diagnostic; equal to Var_i[g_i] when w_res = 1 and causal weighting
 * is off); `layerSampleVariance` summarises it per layer like the 'rgv' diagnostic does.
 */
export interface PdeAwareOptions {
  b1: number;
  b2: number;
  eps: number;
}

export const pdeAwareSchema: SchemaOf<PdeAwareOptions> = adamMoments(0.99, 0.99);

export const pdeAwareDefaults: PdeAwareOptions = defaultsOf(pdeAwareSchema);

/**
 * State of `scaleByPdeAware`: moments m, v per parameter; `variance` = Var_i[c_i] of the last
 * step per parameter (zeros where `sampled[k]` is 0: no per-sample gradients that step).
 */
export interface PdeAwareState {
  [key: string]: tf.TensorContainer;
  kind: 'pde_aware';
  mu: tf.Tensor[];
  nu: tf.Tensor[];
  variance: tf.Tensor[];
  sampled: number[];
}

/** The PDE-aware scaling m / (√v + ε) described above; chain with `scaleByLearningRate`. */
export function scaleByPdeAware(o: PdeAwareOptions = pdeAwareDefaults): Transform<PdeAwareState> {
  if (!(o.b1 >= 0 && o.b1 < 1 && o.b2 >= 0 && o.b2 < 1 && o.eps >= 0)) {
    throw new Error(`pde_aware: need 0 ≤ b1, b2 < 1 and eps ≥ 0 (got b1 ${o.b1}, b2 ${o.b2}, eps ${o.eps})`);
  }
  return {
    init: (params) => ({
      kind: 'pde_aware',
      mu: params.map((p) => tf.zerosLike(p)),
      nu: params.map((p) => tf.zerosLike(p)),
      variance: params.map((p) => tf.zerosLike(p)),
      sampled: params.map(() => 0),
    }),
    update: (grads, state, _params, extras) => {
      const mom = extras?.sampleMoments;
      const has = grads.map((_, k) => Boolean(mom?.mean[k] && mom?.sq[k]));
      const s = grads.map((g, k) => (has[k] ? tf.add(mom!.sq[k]!, tf.square(tf.sub(g, mom!.mean[k]!))) : tf.square(g)));
      const variance = grads.map((g, k) =>
        has[k] ? tf.relu(tf.sub(mom!.sq[k]!, tf.square(mom!.mean[k]!))) : tf.zerosLike(g),
      );
      const mu = grads.map((g, k) => tf.add(tf.mul(o.b1, state.mu[k]), tf.mul(1 - o.b1, g)));
      const nu = s.map((sk, k) => tf.add(tf.mul(o.b2, state.nu[k]), tf.mul(1 - o.b2, sk)));
      const updates = mu.map((m, k) => tf.div(m, tf.add(tf.sqrt(nu[k]), o.eps)));
      return { updates, state: { kind: 'pde_aware', mu, nu, variance, sampled: has.map(Number) } };
    },
  };
}

/** The PDE-aware state inside an optimizer state (itself, or an element of a chain's list). */
export function findPdeAwareState(c: tf.TensorContainer): PdeAwareState | null {
  if (Array.isArray(c)) {
    for (const e of c) {
      const found = findPdeAwareState(e);
      if (found) return found;
    }
    return null;
  }
  const r = c as Partial<PdeAwareState> | null;
  return r !== null && typeof r === 'object' && r.kind === 'pde_aware' ? (r as PdeAwareState) : null;
}

/** Layer name of a parameter (`layer0` for `layer0.weight`). */
const layerOf = (name: string) => (name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : name);

/**
 * Per-layer mean of the last step's per-sample residual-gradient variance Var_i[c_i] held in
 * a PDE-aware optimizer state (e.g. `Stateful.current`), keyed by layer (`layer0`, …), read
 * from the device; `names` are the parameter names in parameter order. Layers without
 * per-sample gradients are left out. Null when `optState` holds no PDE-aware state.
 */
export async function layerSampleVariance(
  optState: tf.TensorContainer,
  names: readonly string[],
): Promise<Record<string, number> | null> {
  const st = findPdeAwareState(optState);
  if (!st) return null;
  const layers = [...new Set(names.map(layerOf))].filter((l) =>
    names.some((n, k) => layerOf(n) === l && st.sampled[k]),
  );
  if (!layers.length) return {};
  const summary = tf.tidy(() =>
    tf.stack(
      layers.map((l) => {
        const idx = names.map((n, k) => (layerOf(n) === l && st.sampled[k] ? k : -1)).filter((k) => k >= 0);
        return tf.mean(tf.concat(idx.map((k) => tf.reshape(st.variance[k], [-1]))));
      }),
    ),
  );
  const vals = await summary.data();
  summary.dispose();
  return Object.fromEntries(layers.map((l, i) => [l, vals[i]]));
}
