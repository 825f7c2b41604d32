import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config';
import { trainFor } from '../loop';
import { Trainer } from '../trainer';
import { stateFromJson, stateToJson } from './state-file';

const weightsOf = async (t: Trainer) => (await t.exportWeights()).map((w) => Array.from(w.data));

describe('state.json (--resume)', () => {
  it.each([
    ['grad-norm balancing', {}],
    ['RAD sampling (the density travels in the file)', { sampling: { method: 'rad', every: 4, candidates: 128 } }],
    [
      'RAR-D sampling (the added points travel in the file)',
      { sampling: { method: 'rar', every: 4, candidates: 128, add: 8 } },
    ],
  ])('a run resumed from its state file follows the uninterrupted trajectory exactly: %s', async (_, over) => {
    const cfg = resolveConfig({
      pde: 'burgers',
      arch: 'mlp',
      archOptions: { depth: 1, width: 8 },
      batch: 32,
      lr: 1e-2,
      logEvery: 5,
      balancing: { method: 'gradnorm', every: 5 },
      ...over,
    });
    const straight = new Trainer(cfg);
    await trainFor(straight, 20);
    const first = new Trainer(cfg);
    await trainFor(first, 10);
    const text = stateToJson(await first.exportState());
    first.dispose();
    const before = tf.memory().numTensors;
    const resumed = new Trainer(cfg);
    resumed.importState(stateFromJson(text));
    await trainFor(resumed, 10);
    expect(resumed.stepCount).toBe(20);
    expect(await weightsOf(resumed)).toEqual(await weightsOf(straight));
    expect(resumed.weights).toEqual(straight.weights);
    resumed.dispose();
    straight.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  });
  it('rejects text that is not a state, naming the file', () => {
    expect(() => stateFromJson('{"weights": []}', 'run/state.json')).toThrow(/run\/state.json is not a training state/);
    expect(() => stateFromJson('nope')).toThrow(/state.json is not a training state/);
  });
});
