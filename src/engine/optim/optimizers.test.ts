/**
 * The optimizer table (in the style of optax's alias tests): every registered optimizer must
 * converge on the same small problems, to the stated tolerances, with finite losses all the
 * way. A new registry entry without a row here fails the first test.
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { optimizerChoice, optimizerIds, optimizers, Stateful, withOptimizer, type OptimizerId } from '.';
import { gramSchmidt, mul, transpose } from './reference64';

/**
 * The per-step (transform) optimizers; host optimizers (Newton) need the loss itself and are
 * tested on the same kind of problems in newton.test.ts.
 */
const stepIds = optimizerIds.filter((id) => !optimizers[id].host) as Exclude<OptimizerId, 'newton'>[];

/** Learning rate and step budget per optimizer and problem (tuned once, then fixed). */
const table: Record<
  Exclude<OptimizerId, 'newton'>,
  { quadratic: [lr: number, steps: number]; rosenbrock: [lr: number, steps: number] }
> = {
  adam: { quadratic: [0.1, 800], rosenbrock: [0.03, 3000] },
  adamw: { quadratic: [0.1, 800], rosenbrock: [0.03, 3000] },
  sgd: { quadratic: [0.03, 800], rosenbrock: [1e-3, 3000] },
  soap: { quadratic: [0.03, 800], rosenbrock: [0.03, 3000] },
  // no per-sample moments here, so s = g²: Adam without bias correction; β₁ = 0.99 needs more steps
  pde_aware: { quadratic: [0.01, 1500], rosenbrock: [0.01, 3000] },
  // both parameters are matrices, so both problems run Muon's orthogonalised path (not its Adam
  // part); its steps have a fixed spectral size, so a constant η must be small to settle
  muon: { quadratic: [0.03, 800], rosenbrock: [0.003, 6000] },
};

const rng = createRng(3);
/** Q diag(d) Qᵀ for a random orthogonal Q. */
const spd = (d: number[]) => {
  const q = gramSchmidt(d.map(() => d.map(() => rng.normal())));
  return mul(
    q.map((r) => r.map((x, j) => x * d[j])),
    transpose(q),
  );
};

/**
 * f(X) = ½ tr(Xᵀ A X B) for SPD A (6 × 6, κ = 100) and B (4 × 4, κ = 40): a convex quadratic
 * in the 2-D parameter X whose Hessian B ⊗ A (κ = 4000) is Kronecker-factored — the structure
 * SOAP/Shampoo precondition. Minimum 0 at X = 0.
 */
const A = spd([10, 5, 2, 1, 0.5, 0.1]);
const B = spd([4, 1, 0.25, 0.1]);
function quadratic(x: tf.Tensor): tf.Scalar {
  return tf.tidy(
    () => tf.mul(0.5, tf.sum(tf.mul(x, tf.matMul(tf.matMul(tf.tensor2d(A), x), tf.tensor2d(B))))) as tf.Scalar,
  );
}

/** Rosenbrock (1 − a)² + 100 (b − a²)² on the [1, 2] parameter (a, b); minimum 0 at (1, 1). */
function rosenbrock(x: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const a = tf.slice(x, [0, 0], [1, 1]);
    const b = tf.slice(x, [0, 1], [1, 1]);
    return tf.sum(tf.add(tf.square(tf.sub(1, a)), tf.mul(100, tf.square(tf.sub(b, tf.square(a)))))) as tf.Scalar;
  });
}

/** Minimise `loss` from x0 with the optimizer's defaults; returns the loss history and the final x. */
function minimise(
  id: Exclude<OptimizerId, 'newton'>,
  lr: number,
  steps: number,
  x0: tf.Tensor,
  loss: (x: tf.Tensor) => tf.Scalar,
) {
  const x = tf.variable(x0);
  const opt = new Stateful(
    withOptimizer(optimizerChoice(id, optimizers[id].defaults), (entry, o) => entry.create(o, () => lr)),
    [x],
  );
  const before = tf.memory().numTensors;
  const losses: number[] = [];
  for (let k = 0; k < steps; k++) {
    const { value, grads } = tf.variableGrads(() => loss(x), [x]);
    losses.push(value.dataSync()[0]);
    opt.apply([grads[x.name]]);
    tf.dispose([value, grads]);
  }
  const leaked = tf.memory().numTensors - before;
  const final = loss(x);
  losses.push(final.dataSync()[0]);
  const xs = Array.from(x.dataSync());
  tf.dispose([final, x]);
  opt.dispose();
  return { losses, xs, leaked };
}

describe('optimizer table', () => {
  it('has a row for every registered optimizer', () => {
    expect(Object.keys(table).sort()).toEqual([...stepIds].sort());
  });

  const x0 = tf.tidy(() => tf.tensor2d(Array.from({ length: 6 }, () => Array.from({ length: 4 }, () => rng.normal()))));
  const f0 = quadratic(x0).dataSync()[0];

  it.each(stepIds)('%s: ill-conditioned Kronecker quadratic to f ≤ 1e-4 f(X₀)', (id) => {
    const [lr, steps] = table[id].quadratic;
    const { losses, leaked } = minimise(id, lr, steps, x0, quadratic);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses[losses.length - 1]).toBeLessThan(1e-4 * f0);
    expect(leaked).toBe(0);
    // SOAP's eigenbasis preconditioning: far below the others on the same budget
    if (id === 'soap') expect(losses[losses.length - 1]).toBeLessThan(1e-12 * f0);
  });

  it.each(stepIds)('%s: Rosenbrock from (−1.2, 1) to within 1e-2 of (1, 1)', (id) => {
    const [lr, steps] = table[id].rosenbrock;
    const { losses, xs, leaked } = minimise(id, lr, steps, tf.tensor2d([[-1.2, 1]]), rosenbrock);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(Math.hypot(xs[0] - 1, xs[1] - 1)).toBeLessThan(1e-2);
    expect(losses[losses.length - 1]).toBeLessThan(1e-4);
    expect(leaked).toBe(0);
  });
});
