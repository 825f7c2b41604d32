import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { resolveConfig, type ConfigInput } from '../engine/config';
import { trainFor } from '../engine/loop';
import { Trainer, type Checkpoint } from '../engine/trainer';
import { configChange } from './continuable';
import { divergeAfterOneStep, harness, tiny } from './session-harness';

const weightsOf = async (h: ReturnType<typeof harness>) => {
  const n = h.of('weights').length;
  h.run((s) => s.exportWeights(0));
  await h.until(() => h.of('weights').length === n + 1);
  return h.of('weights')[n].tensors.map((t) => Array.from(t.data));
};

describe('continuing a paused run after a settings change', () => {
  it('classifies changes: rate, batch, weights, balancing, diagnostics, steps continue; the rest restart', () => {
    const a = resolveConfig(tiny);
    expect(configChange(a, resolveConfig({ ...tiny }))).toEqual({ kind: 'same', fields: [] });
    expect(configChange(a, resolveConfig({ ...tiny, batch: 64, steps: 50 }))).toEqual({
      kind: 'continue',
      fields: ['batch', 'steps'],
    });
    expect(configChange(a, resolveConfig({ ...tiny, lossWeights: { bc: 10 } })).kind).toBe('continue');
    expect(configChange(a, resolveConfig({ ...tiny, balancing: { method: 'annealing' } })).kind).toBe('continue');
    expect(configChange(a, resolveConfig({ ...tiny, archOptions: { depth: 2, width: 9 } }))).toEqual({
      kind: 'restart',
      fields: ['archOptions'],
    });
    expect(configChange(a, resolveConfig({ ...tiny, seed: 3, lr: 1e-4 }))).toEqual({
      kind: 'restart',
      fields: ['lr', 'seed'],
    });
  });

  it('a longer Steps target continues exactly the uninterrupted trajectory', async () => {
    const h = harness();
    const short = { ...tiny, steps: 10 };
    h.run((s) => s.start([short]));
    await h.until(() => h.stops().length === 1);
    h.run((s) => s.start([{ ...tiny, steps: 20 }]));
    await h.until(() => h.stops().length === 2);
    expect(h.of('started')).toHaveLength(1);
    expect(h.of('continued')).toMatchObject([{ run: 0, step: 10, fields: ['steps'] }]);
    expect(h.stops()[1]).toMatchObject({ reason: 'finished', steps: [20] });
    const reference = new Trainer(resolveConfig({ ...tiny, steps: 20 }));
    const expected = new Map<number, Checkpoint>();
    await trainFor(reference, 20, (c) => {
      expected.set(c.step, c);
    });
    reference.dispose();
    for (const r of h.rows()) expect(r.loss).toBe(expected.get(r.step)!.loss);
  });

  it('a new batch size keeps the weights and the step count (and frees the old trainer)', async () => {
    const h = harness();
    h.run((s) => s.start([{ ...tiny, steps: 200 }]));
    await h.until(() => h.stops().length === 1);
    const before = await weightsOf(h);
    const lossBefore = h.rows().at(-1)!.loss;
    const tensors = tf.memory().numTensors;
    h.run((s) => s.stepOnce([{ ...tiny, steps: 300, batch: 64 }]));
    await h.until(() => h.stops().length === 2);
    expect(h.of('continued')).toMatchObject([{ step: 200, fields: ['batch', 'steps'], config: { batch: 64 } }]);
    expect(h.of('started')).toHaveLength(1);
    expect(h.stops()[1]).toMatchObject({ reason: 'stepped', steps: [201] });
    expect(tf.memory().numTensors).toBe(tensors);
    // one Adam step from the trained weights: the loss stays near where it was, far below a fresh net's
    const fresh = new Trainer(resolveConfig({ ...tiny, batch: 64 }));
    const first = (await trainFor(fresh, 1)).last.loss;
    fresh.dispose();
    const after = h.rows().at(-1)!.loss;
    expect(after).toBeLessThan(3 * lossBefore);
    expect(after).toBeLessThan(first / 10);
    // Reset-free continuation: the weights moved by one step only
    const now = await weightsOf(h);
    const drift = Math.max(...now.flatMap((w, i) => w.map((v, k) => Math.abs(v - before[i][k]))));
    expect(drift).toBeGreaterThan(0);
    expect(drift).toBeLessThan(0.01);
  });

  it('changing loss weights applies them (fixed balancing) from the current weights', async () => {
    const h = harness();
    h.run((s) => s.stepOnce([tiny]));
    h.run((s) => s.stepOnce([{ ...tiny, lossWeights: { bc: 10 } } as ConfigInput]));
    await h.until(() => h.stops().length === 2);
    expect(h.rows().at(-1)).toMatchObject({ step: 2, 'weight.bc': 10, 'weight.res': 1 });
  });

  it('a diverged run continues from its last good weights once the learning rate is lowered', async () => {
    const h = harness();
    await divergeAfterOneStep(h);
    await h.until(() => h.stops().at(-1)!.reason === 'diverged');
    // the same settings: refused, saying what would work
    h.run((s) => s.start([tiny]));
    await h.until(() => h.of('error').length === 1);
    expect(h.of('error')[0].message).toMatch(
      /lower the learning rate .* continue from its last good weights \(step 1\)/,
    );
    h.run((s) => s.stepOnce([{ ...tiny, lr: 1e-4 }]));
    await h.until(() => h.stops().at(-1)!.reason === 'stepped');
    expect(h.of('continued')).toMatchObject([{ step: 1, fields: ['lr'] }]);
    expect(h.rows().at(-1)).toMatchObject({ step: 2, lr: 1e-4 });
    expect(Number.isFinite(h.rows().at(-1)!.loss)).toBe(true);
  });

  it('a change of architecture starts a fresh run', async () => {
    const h = harness();
    h.run((s) => s.stepOnce([tiny]));
    h.run((s) => s.stepOnce([{ ...tiny, archOptions: { depth: 2, width: 9 } }]));
    await h.until(() => h.stops().length === 2);
    expect(h.of('started')).toHaveLength(2);
    expect(h.of('continued')).toHaveLength(0);
    expect(h.stops()[1].steps).toEqual([1]);
  });
});
