import * as tf from '@tensorflow/tfjs';
import { paramGrads } from './grads';
import type { Evaluation, Objective } from './optim/objective';
import type { PointBatch } from './sampling';
import type { Trainer } from './trainer';

/**
 * The trainer's weighted loss on fixed batches as a float64 objective over the flattened
 * parameters, for the host optimizers (L-BFGS, Newton): x ↦ set θ = x, one forward and one
 * reverse pass, read loss and gradient back (async, backend-safe). The loss is computed in
 * float32 on the device; accumulations in the optimizers are float64.
 * Parameter order and shapes follow `trainer.vars`. After the call θ = x.
 */
export function flatObjective(trainer: Trainer, batches: Record<string, PointBatch>): Objective {
  return lossObjective(trainer.vars, () => {
    const w = tf.tensor1d(trainer.weights);
    return tf.sum(tf.mul(trainer.lossesOn(batches), w)) as tf.Scalar;
  });
}

/** Any scalar loss of `vars` as a float64 objective over the flattened parameters (θ = x after the call). */
export function lossObjective(vars: readonly tf.Variable[], loss: () => tf.Scalar): Objective {
  return async (x: Float64Array): Promise<Evaluation> => {
    setFlat(vars, x);
    const { value, grads } = paramGrads(vars, loss);
    const flat = tf.tidy(() => tf.concat(grads.map((g) => tf.reshape(g, [-1]))));
    const [l] = await value.data();
    const g = await flat.data();
    tf.dispose([value, flat, ...grads]);
    return { loss: l, grad: Float64Array.from(g) };
  };
}

/** The parameters flattened (float64) in `vars` order. */
export async function getFlat(vars: readonly tf.Variable[]): Promise<Float64Array> {
  const parts = await Promise.all(vars.map((v) => v.data()));
  const out = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** θ ← x (rounded to float32), in `vars` order. */
export function setFlat(vars: readonly tf.Variable[], x: Float64Array): void {
  let o = 0;
  for (const v of vars) {
    const t = tf.tensor(Float32Array.from(x.subarray(o, o + v.size)), v.shape);
    v.assign(t);
    t.dispose();
    o += v.size;
  }
}
