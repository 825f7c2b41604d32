/**
 * The training state as a file (state.json next to an export): `Trainer.exportState` with its
 * typed arrays written as JSON number lists (each float32 and every double — the random
 * streams' spare normal — round-trips exactly), so `npm run train -- --resume DIR` continues
 * the same trajectory.
 */
import { adaptiveStateFromJson, adaptiveStateToJson } from '../adaptive-sampling';
import { isHostTensor, mapLeaves } from '../optim/container';
import type { TrainerState } from '../trainer';

/** Tag of a tensor leaf in the JSON. */
const TAG = '__tensor';
const typed = { float32: Float32Array, int32: Int32Array, bool: Uint8Array } as const;

/** state.json text for a trainer state. */
export function stateToJson(s: TrainerState): string {
  const optimizer = mapLeaves(s.optimizer, (x) =>
    isHostTensor(x) ? { [TAG]: true, shape: x.shape, dtype: x.dtype, data: Array.from(x.data) } : x,
  );
  const weights = s.weights.map((w) => ({ name: w.name, shape: w.shape, data: Array.from(w.data) }));
  const sampling = 'sampling' in s ? { sampling: adaptiveStateToJson(s.sampling) } : {};
  return JSON.stringify({ kind: 'pinn-playground-state', version: 1, ...s, weights, optimizer, ...sampling });
}

/**
 * A trainer state from state.json text; throws a readable error when the text is not one
 * (`Trainer.importState` then checks that it fits the network and optimizer).
 */
export function stateFromJson(text: string, name = 'state.json'): TrainerState {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text, (_k, v) => {
      if (v && typeof v === 'object' && v[TAG] === true) {
        const T = typed[v.dtype as keyof typeof typed];
        if (!T || !Array.isArray(v.data)) throw new Error(`a tensor has dtype ${v.dtype} or no data list`);
        return { shape: v.shape, dtype: v.dtype, data: T.from(v.data) };
      }
      return v;
    });
  } catch (e) {
    throw new Error(`${name} is not a training state (${e instanceof Error ? e.message : String(e)})`);
  }
  if (data?.kind !== 'pinn-playground-state')
    throw new Error(`${name} is not a training state (no kind 'pinn-playground-state')`);
  if (!Array.isArray(data.weights)) throw new Error(`${name}: weights is not a list`);
  const weights = (data.weights as { name: string; shape: number[]; data: number[] }[]).map((w) => ({
    name: w.name,
    shape: w.shape,
    data: Float32Array.from(w.data ?? []),
  }));
  const { kind: _k, version: _v, ...rest } = data;
  const sampling = 'sampling' in data ? { sampling: adaptiveStateFromJson(data.sampling) } : {};
  return { ...(rest as unknown as TrainerState), weights, ...sampling };
}
