/**
 * Reading an imported file (the worker does it, never the page): safetensors → weights (F32,
 * offsets tiling the data, see safetensors.ts); JSON with tensors → weights (a list of
 * `{name, shape, data}`, each name once); other JSON → a config (validated by `loadExperiment`).
 * Only the file's own consistency is checked here; `Trainer.importWeights` checks the weights
 * against the network.
 */
import { importSizeProblem } from './import-limit';
import { decodeSafetensors, type NamedArray } from './safetensors';

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

/** What an imported file holds. */
export type ImportedFile = { kind: 'weights'; tensors: NamedArray[] } | { kind: 'config'; text: string };

/** A ZIP archive's first bytes (`PK\x03\x04`): an export bundle, whose parts import one by one. */
const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Classify and read an imported file: safetensors → weights; JSON with tensors → weights;
 * other JSON → a config. Throws a readable Error (starting with the file's name) for anything else.
 */
export function readImport(name: string, bytes: Uint8Array): ImportedFile {
  const tooBig = importSizeProblem(name, bytes.length);
  if (tooBig) throw new Error(tooBig);
  if (isZip(bytes))
    throw new Error(
      `${name} is a ZIP archive (an export bundle?): import the weights.safetensors or config.json in it`,
    );
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
