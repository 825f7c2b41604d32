/**
 * Everything an export writes, as named files: the weights (frozen tensors included) as
 * safetensors and JSON, config.json with its `export` section, metrics.csv, predictions.json,
 * the fixed check batch, optionally the training state, and the PyTorch package under
 * `pytorch/`. The CLI's `--out DIR` writes them to disk; the UI zips them.
 */
import { encodeSafetensors, type NamedArray } from '../io/safetensors';
import { toCsv, type MetricsRow } from '../metrics';
import type { Trainer } from '../trainer';
import { checkBatch } from './check-batch';
import { predictions } from './predictions';
import { pinnPy } from './python/pinn-py';
import { problemPy } from './python/problem-py';
import { soapPy } from './python/soap-py';
import { trainPy } from './python/train-py';
import { packageReadme } from './readme';
import { EXPORT_FORMAT_VERSION, exportSection, TENSOR_NAMING, type NetworkSpec } from './spec';
import { stateToJson } from './state-file';

/** One file of an export, by its path inside the export folder. */
export interface ExportFile {
  path: string;
  data: string | Uint8Array;
}

/** The PyTorch package's files (`pytorch/…`). */
export const pytorchPackage: readonly ExportFile[] = [
  { path: 'pytorch/pinn.py', data: pinnPy },
  { path: 'pytorch/problem.py', data: problemPy },
  { path: 'pytorch/train.py', data: trainPy },
  { path: 'pytorch/soap.py', data: soapPy },
  { path: 'pytorch/README.md', data: packageReadme },
];

/**
 * safetensors `__metadata__` of an export: format name and version, the config, the step,
 * the architecture spec (JSON) and the tensor naming scheme.
 */
export function weightsMetadata(config: object, network: NetworkSpec, step: number): Record<string, string> {
  return {
    format: 'pinn-playground',
    format_version: String(EXPORT_FORMAT_VERSION),
    config: JSON.stringify(config),
    step: String(step),
    architecture: JSON.stringify(network),
    naming: TENSOR_NAMING,
  };
}

/** weights.safetensors bytes of named tensors with the export metadata. */
export function weightsFile(tensors: NamedArray[], config: object, network: NetworkSpec, step: number): Uint8Array {
  return encodeSafetensors(tensors, weightsMetadata(config, network, step));
}

/** The files of an export of `trainer` now; `rows` are the logged metrics so far. */
export async function exportBundle(
  trainer: Trainer,
  rows: readonly MetricsRow[],
  opts: { state?: boolean } = {},
): Promise<ExportFile[]> {
  const { config } = trainer;
  const step = trainer.stepCount;
  const section = exportSection(config, trainer.net, step, trainer.pde);
  const tensors = await trainer.exportWeights(true);
  const files: ExportFile[] = [
    { path: 'weights.safetensors', data: weightsFile(tensors, config, section.network, step) },
    {
      path: 'weights.json',
      data: JSON.stringify(tensors.map((w) => ({ name: w.name, shape: w.shape, data: Array.from(w.data) }))),
    },
    { path: 'config.json', data: JSON.stringify({ ...config, export: section }, null, 2) + '\n' },
    { path: 'metrics.csv', data: toCsv(rows) },
    { path: 'predictions.json', data: JSON.stringify(await predictions(trainer)) },
    { path: 'check.json', data: JSON.stringify(await checkBatch(trainer)) },
  ];
  if (opts.state) files.push({ path: 'state.json', data: stateToJson(await trainer.exportState()) });
  return [...files, ...pytorchPackage];
}
