/**
 * Start files for `npm run train`: `--init-weights FILE` (safetensors, e.g. trained by the
 * exported PyTorch package, or a weights.json list) and `--resume DIR` (the state.json an
 * earlier `--out DIR` wrote). Errors name the flag and the file; the trainer then checks
 * names and shapes against the network and lists what does not fit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSafetensors, type NamedArray } from '../src/engine/io/safetensors';
import { stateFromJson } from '../src/engine/export/state-file';
import type { Trainer } from '../src/engine/trainer';
import { UsageError } from './args';

function read(flag: string, path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UsageError(`${flag}: cannot read ${path} (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Named tensors from a safetensors file, or from a `.json` list of {name, shape, data}. */
export function readWeightsFile(path: string, flag = '--init-weights'): NamedArray[] {
  const bytes = read(flag, path);
  try {
    if (!path.toLowerCase().endsWith('.json')) return decodeSafetensors(bytes).tensors;
    const data = JSON.parse(new TextDecoder().decode(bytes));
    const list: unknown = Array.isArray(data) ? data : data.tensors;
    if (!Array.isArray(list)) throw new Error('expected a list of {name, shape, data}');
    return list.map((t: { name?: unknown; shape?: unknown; data?: unknown }, i) => {
      if (typeof t?.name !== 'string' || !Array.isArray(t.shape) || !Array.isArray(t.data))
        throw new Error(`entry ${i} is not {name, shape, data}`);
      return { name: t.name, shape: t.shape as number[], data: Float32Array.from(t.data as number[]) };
    });
  } catch (e) {
    throw new UsageError(`${flag}: ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Apply `--resume DIR` and `--init-weights FILE` to a fresh trainer (at most one of them). */
export function applyStart(trainer: Trainer, values: Record<string, string>): void {
  const resume = values.resume;
  const init = values['init-weights'];
  if (resume !== undefined && init !== undefined)
    throw new UsageError('--resume and --init-weights: give one of them, not both');
  if (resume !== undefined) {
    const path = join(resume, 'state.json');
    try {
      trainer.importState(stateFromJson(new TextDecoder().decode(read('--resume', path)), path));
    } catch (e) {
      if (e instanceof UsageError) throw e;
      throw new UsageError(`--resume: ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (init !== undefined) {
    const tensors = readWeightsFile(init);
    try {
      trainer.importWeights(tensors);
    } catch (e) {
      throw new UsageError(`--init-weights: ${init}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
