/**
 * A dense layer on a derivative jet as one fused kernel forward and one backward
 * (`PinnDenseJet`, `PinnDenseJetGrad`), on cpu, wasm, webgl and webgpu. Every stream X_s
 * ([B, in], or [1, in] when constant over the batch) is multiplied by the same W [in, out];
 * the bias b [out] touches only the value (docs/ARCHITECTURE.md, "Derivatives"):
 *   Y_s = X_s W (+ b for s = value);  dX_s = dY_s Wᵀ,  dW = Σ_s X_sᵀ dY_s,  db = 1ᵀ dY_value.
 * The taped version (`linear` + `addBias` per stream) costs ~4 engine kernels per stream
 * forward and ~8 backward, each with tfjs's bookkeeping and saved-tensor clones. On wasm the
 * transposes are explicit (its transposed BatchMatMul is 6–7× slower) and Wᵀ is formed once
 * per layer instead of once per stream.
 */
import * as tf from '@tensorflow/tfjs';
import './wasm-rows';
import { hasFused, registerFused, registerFusedGradient, runMulti, type DirectOps } from './direct';

const forwardName = 'PinnDenseJet';
const backwardName = 'PinnDenseJetGrad';

/** Attributes: whether a bias is the second input; the streams follow (value first). */
interface DenseAttrs {
  hasBias: boolean;
}

/** Whether one product over all streams pays here (a row split: a copy on wasm, a dispatch on a GPU). */
const stacks = (d: DirectOps) => d.backendName === 'wasm';

const heights = (xs: tf.TensorInfo[]) => xs.map((x) => x.shape[0]);

function forward(d: DirectOps, inputs: tf.TensorInfo[], a: DenseAttrs): tf.TensorInfo[] {
  const [w] = inputs;
  const xs = inputs.slice(a.hasBias ? 2 : 1);
  const ys = stacks(d) ? d.splitRows(d.matMul(d.concatRows(xs), w), heights(xs)) : xs.map((x) => d.matMul(x, w));
  if (a.hasBias) ys[0] = d.add(ys[0], inputs[1]);
  return ys;
}

function backward(d: DirectOps, inputs: tf.TensorInfo[], a: DenseAttrs): tf.TensorInfo[] {
  const [w] = inputs;
  const first = a.hasBias ? 2 : 1;
  const n = (inputs.length - first) / 2;
  const xs = inputs.slice(first, first + n);
  const dys = inputs.slice(first + n);
  if (stacks(d)) return backwardStacked(d, w, xs, dys, a);
  const dy = d.concatRows(dys);
  const dw = d.matMul(d.concatRows(xs), dy, true, false);
  const dxs = dys.map((g) => d.matMul(g, w, false, true));
  const db = a.hasBias ? [d.reshape(d.sumRows(dys[0]), [w.shape[1]])] : [];
  return [dw, ...db, ...dxs];
}

/**
 * The wasm backward pass: [dW; db] = [X | 1]ᵀ·dY as one product over all streams (the ones
 * column is 1 on the value's rows, which alone carry the bias), with the narrower of [X | 1]
 * and dY as the operand XNNPACK packs (wasm-rows.ts says why that costs), and every dX_s
 * from one product dY·Wᵀ split by rows.
 */
function backwardStacked(
  d: DirectOps,
  w: tf.TensorInfo,
  xs: tf.TensorInfo[],
  dys: tf.TensorInfo[],
  a: DenseAttrs,
): tf.TensorInfo[] {
  const [fanIn, fanOut] = w.shape;
  const dy = d.concatRows(dys);
  const ones = a.hasBias ? xs[0].shape[0] : -1;
  const width = fanIn + (a.hasBias ? 1 : 0);
  const stack = (transpose: boolean) => d.run('PinnStackRows', xs as never, { ones, transpose });
  const g = width < fanOut ? d.transpose(d.matMul(d.transpose(dy), stack(false))) : d.matMul(stack(true), dy);
  const [dw, db] = a.hasBias ? d.splitRows(g, [fanIn, 1]) : [g];
  const dxs = d.splitRows(d.matMul(dy, d.transpose(w)), heights(dys));
  return [dw, ...(db ? [d.reshape(db, [fanOut])] : []), ...dxs];
}

registerFused(forwardName, forward);
registerFused(backwardName, backward);
registerFusedGradient(forwardName, backwardName);

/**
 * The non-null `streams` (value first) through X ↦ X W (+ b on the value) as one fused
 * kernel where the backend has it; null elsewhere (the caller takes the taped ops).
 */
export function fusedDense(streams: tf.Tensor2D[], w: tf.Tensor2D, b: tf.Tensor1D | null): tf.Tensor2D[] | null {
  if (!hasFused(forwardName)) return null;
  const attrs: DenseAttrs = { hasBias: b !== null };
  return runMulti(forwardName, [w, ...(b ? [b] : []), ...streams], attrs) as tf.Tensor2D[];
}
