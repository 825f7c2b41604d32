/**
 * Imported files are parsed in the worker (issue 15): weights load into the run, and anything
 * refused — unreadable, hostile, a ZIP, weights that do not fit — is an `importError` that leaves
 * the current runs exactly as they were (same trainers, same step, no tensors leaked).
 */
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { encodeSafetensors } from '../engine/io/safetensors';
import { harness, tiny } from './session-harness';

const enc = new TextEncoder();

/** A safetensors file whose 200 entries alias one 4 MB region (allocated 763 MB before the fix). */
function aliasing(): Uint8Array {
  const entry = { dtype: 'F32', shape: [1024, 1024], data_offsets: [0, 4 << 20] };
  const head = enc.encode(JSON.stringify(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`w${i}`, entry]))));
  const out = new Uint8Array(8 + head.length + (4 << 20));
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  return out;
}

/** A session with `tiny` stepped twice, and its exported weights as a safetensors file. */
async function twoSteps() {
  const h = harness();
  h.run((s) => s.stepOnce([tiny]));
  h.run((s) => s.stepOnce([tiny]));
  h.run((s) => s.exportWeights(0));
  await h.until(() => h.of('weights').length === 1);
  return { h, file: encodeSafetensors(h.of('weights')[0].tensors) };
}

describe('importing files in the worker', () => {
  it('loads exported weights into a fresh session: the same solution', async () => {
    const { h: a, file } = await twoSteps();
    const b = harness();
    b.run((s) => s.importFile(0, [tiny], 'w.safetensors', file));
    await b.until(() => b.of('evaluation').length === 1);
    expect(b.of('started')).toHaveLength(1);
    expect(b.of('imported')[0]).toMatchObject({ run: 0, name: 'w.safetensors' });
    expect(b.of('evaluation')[0].relL2).toBeCloseTo(a.of('evaluation').at(-1)!.relL2, 6);
    expect(b.of('importError')).toEqual([]);
  });

  it.each([
    ['alias.safetensors', aliasing, /^alias\.safetensors: safetensors: w1 starts at byte 0 of the data/],
    ['bundle.zip', () => enc.encode('PK\x03\x04...'), /^bundle\.zip is a ZIP archive/],
    ['w.json', () => enc.encode('[{"name": "a", "shape": [2], "data": [1]}]'), /^w\.json: a has 1 values/],
  ])('refuses %s and keeps the current run as it was', async (name, bytes, reason) => {
    const { h } = await twoSteps();
    const before = h.s['runs'][0];
    const tensors = tf.memory().numTensors;
    h.run((s) => s.importFile(0, [tiny], name, bytes()));
    await h.until(() => h.of('importError').length === 1);
    expect(h.of('importError')[0]).toMatchObject({ name, message: expect.stringMatching(reason) });
    expect(h.s['runs'][0]).toBe(before);
    expect(before.step).toBe(2);
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('weights for another network: the new runs are built aside and dropped, the current one kept', async () => {
    const { h, file } = await twoSteps();
    const before = h.s['runs'][0];
    const tensors = tf.memory().numTensors;
    const wide = { ...tiny, archOptions: { depth: 2, width: 9 } };
    h.run((s) => s.importFile(0, [wide], 'w.safetensors', file));
    await h.until(() => h.of('importError').length === 1);
    expect(h.of('importError')[0].message).toMatch(
      new RegExp(
        String.raw`^w\.safetensors was not loaded: weights do not fit this mlp network` +
          String.raw`.*layer0\.weight has shape \[1,8\], expected \[1,9\]`,
      ),
    );
    expect(h.of('started')).toHaveLength(1); // the first run's only
    expect(h.s['runs'][0]).toBe(before);
    expect(tf.memory().numTensors).toBe(tensors);
    h.run((s) => s.stepOnce([tiny])); // it still trains from where it was
    await h.until(() => h.stops().length === 3);
    expect(before.step).toBe(3);
  });

  it('a config file loads as an experiment; run B without compare is refused', async () => {
    const { h, file } = await twoSteps();
    h.run((s) => s.importFile(0, [tiny], 'c.json', enc.encode('{"pde": "wave", "batch": 64}')));
    h.run((s) => s.importFile(1, [tiny], 'w.safetensors', file));
    await h.until(() => h.of('importError').length === 1);
    const loaded = h.of('experiment')[0];
    expect(loaded).toMatchObject({ source: 'file', experiment: { config: { pde: 'wave', batch: 64 } } });
    expect(h.of('importError')[0].message).toBe(
      'w.safetensors was not loaded: there is no run B to load weights into (turn on Compare first)',
    );
  });
});
