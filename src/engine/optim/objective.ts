/**
 * The closure interface of the standalone float64 optimizers (L-BFGS, Newton): the loss and its
 * exact gradient at a point, possibly computed asynchronously (e.g. a tfjs forward/backward
 * pass read back with `await data()`). Vectors are `Float64Array`s; all accumulations in these
 * optimizers are float64 even when the objective itself is evaluated in float32.
 */
export interface Evaluation {
  loss: number;
  grad: Float64Array;
}

/** x ↦ { f(x), ∇f(x) }. Must not keep or modify `x`. */
export type Objective = (x: Float64Array) => Evaluation | Promise<Evaluation>;

/** xᵀy. */
export function dot(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
}

/** ‖x‖₂. */
export function norm(x: ArrayLike<number>): number {
  return Math.sqrt(dot(x, x));
}

/** ‖x‖∞. */
export function normInf(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
}

/** x + a·y as a new vector. */
export function axpy(x: ArrayLike<number>, a: number, y: ArrayLike<number>): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = x[i] + a * y[i];
  return out;
}

/** Evaluate, checking the gradient's length (non-finite losses are left to the caller). */
export async function evaluate(f: Objective, x: Float64Array): Promise<Evaluation> {
  const e = await f(x);
  if (e.grad.length !== x.length)
    throw new Error(`objective returned a gradient of length ${e.grad.length} for ${x.length} parameters`);
  return e;
}
