/**
 * Weight files for download, in the same two formats as the CLI's `--out`: safetensors (F32,
 * with the config and step as metadata; loadable by the `safetensors` Python package) and JSON
 * (a list of `{name, shape, data}`). Imported files are read by the worker
 * (engine/io/import-file.ts), never on the page.
 */
import type { ExperimentConfig } from '../../engine/config';
import { encodeSafetensors, type NamedArray } from '../../engine/io/safetensors';

/** safetensors bytes with the config and step in `__metadata__`. */
export function weightsToSafetensors(tensors: NamedArray[], config: ExperimentConfig, step: number): Uint8Array {
  return encodeSafetensors(tensors, { format: 'pinn-playground', config: JSON.stringify(config), step: String(step) });
}

/** JSON text: `[{name, shape, data}]`, as the CLI writes weights.json. */
export function weightsToJson(tensors: NamedArray[]): string {
  return JSON.stringify(tensors.map((t) => ({ name: t.name, shape: t.shape, data: Array.from(t.data) })));
}
