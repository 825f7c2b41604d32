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
import { hasFused, registerFused, registerFusedGradient, runMulti, type DirectOps } from './direct';

const forwardName = 'PinnDenseJet';
const backwardName = 'PinnDenseJetGrad';

/** Attributes: whether a bias is the second input; the streams follow (value first). */
interface DenseAttrs {
  hasBias: boolean;
}

function forward(d: DirectOps, inputs: tf.TensorInfo[], a: DenseAttrs): tf.TensorInfo[] {
  const [w] = inputs;
  const xs = inputs.slice(a.hasBias ? 2 : 1);
  return xs.map((x, s) => {
    const y = d.matMul(x, w);
    return s === 0 && a.hasBias ? d.add(y, inputs[1]) : y;
  });
}

function backward(d: DirectOps, inputs: tf.TensorInfo[], a: DenseAttrs): tf.TensorInfo[] {
  const [w] = inputs;
  const first = a.hasBias ? 2 : 1;
  const n = (inputs.length - first) / 2;
  const xs = inputs.slice(first, first + n);
  const dys = inputs.slice(first + n);
  const wt = d.backendName === 'wasm' ? d.transpose(w) : null;
  const dxs = dys.map((dy) => (wt ? d.matMul(dy, wt) : d.matMul(dy, w, false, true)));
  let dw: tf.TensorInfo | null = null;
  xs.forEach((x, s) => {
    const g = d.matMul(x, dys[s], true, false);
    dw = dw ? d.add(dw, g) : g;
  });
  const db = a.hasBias ? [d.reshape(d.sumRows(dys[0]), [w.shape[1]])] : [];
  return [dw!, ...db, ...dxs];
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
