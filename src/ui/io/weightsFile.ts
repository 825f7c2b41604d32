/**
 * Weight files, in the same two formats as the CLI's `--out`: safetensors (F32, with the
 * config and step as metadata; loadable by the `safetensors` Python package) and JSON (a list
 * of `{name, shape, data}`). Reading either gives named arrays for `Trainer.importWeights`,
 * which checks them against the network; here only the file's own consistency is checked.
 */
import type { ExperimentConfig } from '../../engine/config';
import { decodeSafetensors, encodeSafetensors, type NamedArray } from '../../engine/io/safetensors';

/** safetensors bytes with the config and step in `__metadata__`. */
export function weightsToSafetensors(tensors: NamedArray[], config: ExperimentConfig, step: number): Uint8Array {
  return encodeSafetensors(tensors, { format: 'pinn-playground', config: JSON.stringify(config), step: String(step) });
}

/** JSON text: `[{name, shape, data}]`, as the CLI writes weights.json. */
export function weightsToJson(tensors: NamedArray[]): string {
  return JSON.stringify(tensors.map((t) => ({ name: t.name, shape: t.shape, data: Array.from(t.data) })));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Named arrays from parsed weights JSON (a list, or `{tensors: [...]}`); throws a readable Error. */
export function weightsFromJson(name: string, data: unknown): NamedArray[] {
  const list = isRecord(data) ? data.tensors : data;
  if (!Array.isArray(list)) throw new Error(`${name}: expected a list of {name, shape, data} tensors`);
  if (!list.length) throw new Error(`${name} holds no tensors`);
  const seen = new Set<string>();
  return list.map((t, i) => {
    if (!isRecord(t) || typeof t.name !== 'string') throw new Error(`${name}: tensor ${i} has no name`);
    if (seen.has(t.name)) throw new Error(`${name}: tensor ${i} repeats the name '${t.name}' (each name once)`);
    seen.add(t.name);
    const shape = t.shape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0))
      throw new Error(`${name}: ${t.name} has no valid shape`);
    if (!Array.isArray(t.data) || !t.data.every((v) => typeof v === 'number'))
      throw new Error(`${name}: ${t.name} has no list of numbers as data`);
    const size = (shape as number[]).reduce((a, b) => a * b, 1);
    if (t.data.length !== size)
      throw new Error(`${name}: ${t.name} has ${t.data.length} values for shape [${shape.join(', ')}]`);
    return { name: t.name, shape: shape as number[], data: Float32Array.from(t.data as number[]) };
  });
}

/** Largest file accepted (the largest network the budget allows has ~13M parameters, 52 MB). */
export const maxImportBytes = 64 * 2 ** 20;

/** What an imported file holds. */
export type ImportedFile = { kind: 'weights'; tensors: NamedArray[] } | { kind: 'config'; text: string };

/**
 * Classify and read an imported file: safetensors → weights; JSON with tensors → weights;
 * other JSON → a config (validated by the worker). Throws a readable Error for anything else.
 */
export function readImport(name: string, bytes: Uint8Array): ImportedFile {
  if (bytes.length > maxImportBytes) {
    throw new Error(
      `${name} is ${(bytes.length / 2 ** 20).toFixed(0)} MiB; ` +
        `files up to ${maxImportBytes / 2 ** 20} MiB can be imported`,
    );
  }
  const first = bytes.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
  const looksJson = first === 0x7b || first === 0x5b || name.toLowerCase().endsWith('.json'); // '{' or '[', or named so
  if (name.toLowerCase().endsWith('.safetensors') || (!looksJson && bytes.length >= 8)) {
    try {
      const { tensors } = decodeSafetensors(bytes);
      if (!tensors.length) throw new Error('safetensors: the file holds no tensors');
      return { kind: 'weights', tensors };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(
        looksJson || name.toLowerCase().endsWith('.safetensors')
          ? `${name}: ${why}`
          : `${name} is neither JSON nor a safetensors file (${why})`,
      );
    }
  }
  const text = new TextDecoder().decode(bytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${name} is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (Array.isArray(data) || (isRecord(data) && Object.prototype.hasOwnProperty.call(data, 'tensors')))
    return { kind: 'weights', tensors: weightsFromJson(name, data) };
  return { kind: 'config', text };
}
