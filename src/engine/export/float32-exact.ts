/**
 * Exports computed where float32 is float32. WebGPU and WebGL kernels approximate sin, cos,
 * tanh and exp (SwiftShader's WebGPU predictions measured 9e-5 of max |u| off a float64
 * rebuild; tfjs-cpu and wasm 1e-6), which would fail the PyTorch package's 1e-5 check although
 * the weights are right. So on a GPU backend the export's predictions and check losses are
 * computed by a copy of the trainer on the `cpu` backend, built from the same state.
 */
import * as tf from '@tensorflow/tfjs';
import type { MetricsRow } from '../metrics';
import { Trainer } from '../trainer';
import { exportBundle, type ExportFile } from './bundle';

/** Backends whose float32 elementwise functions are accurate to a few ulp. */
const EXACT = new Set(['cpu', 'wasm']);

/** `exportBundle`, on a cpu-backend copy of `trainer` when its backend approximates. */
export async function exportBundleExact(
  trainer: Trainer,
  rows: readonly MetricsRow[],
  opts: { state?: boolean } = {},
): Promise<ExportFile[]> {
  const backend = tf.getBackend();
  if (EXACT.has(backend)) return exportBundle(trainer, rows, opts);
  const state = await trainer.exportState();
  const tensors = await trainer.exportWeights(true);
  await tf.setBackend('cpu');
  try {
    const copy = new Trainer(trainer.config);
    try {
      copy.importState(state);
      copy.importWeights(tensors); // the frozen tensors too
      return await exportBundle(copy, rows, opts);
    } finally {
      copy.dispose();
    }
  } finally {
    await tf.setBackend(backend);
  }
}
