import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { resolveConfig, type ConfigInput } from './config';
import { trainFor } from './loop';
import { Trainer, type TrainerState } from './trainer';

const tiny = (over: ConfigInput = {}) =>
  resolveConfig({
    pde: 'poisson1d',
    archOptions: { depth: 2, width: 8, activation: 'tanh' },
    batch: 32,
    logEvery: 5,
    ...over,
  });

const weightsOf = async (t: Trainer) => (await t.exportWeights()).map((w) => w.data);

/**
 * The reference is the uninterrupted run: N steps, export, M more steps. A fresh trainer that
 * imports the state and takes the same M steps must land on the same weights, bit for bit
 * (same backend, same inputs); one that gets only the weights must not.
 */
async function resumeCase(over: ConfigInput, n: number, m: number) {
  const config = tiny(over);
  const a = new Trainer(config);
  await trainFor(a, n);
  const state = structuredClone(await a.exportState()); // what crosses the worker boundary
  await trainFor(a, m);
  const reference = await weightsOf(a);

  const b = new Trainer(config);
  b.importState(state);
  expect(b.stepCount).toBe(n);
  await trainFor(b, m);
  const resumed = await weightsOf(b);

  const c = new Trainer(config);
  await c.prepare();
  c.importWeights(state.weights);
  c.stepCount = n;
  await trainFor(c, m);
  const weightsOnly = await weightsOf(c);

  const lossWeights = [a.weights, b.weights];
  [a, b, c].forEach((t) => t.dispose());
  return { reference, resumed, weightsOnly, lossWeights };
}

describe('Trainer state export and import', () => {
  it.each([
    ['adam with annealing balancing', { optimizer: 'adam', balancing: { method: 'annealing', every: 5 } }],
    ['soap (bases refreshed across the cut)', { optimizer: 'soap', optimizerOptions: { preconditionFrequency: 3 } }],
    ['RAD sampling refreshed across the cut', { sampling: { method: 'rad', every: 4, candidates: 256 } }],
    [
      'RAR-D sampling with points added across the cut',
      { sampling: { method: 'rar', every: 4, candidates: 256, add: 8 } },
    ],
    [
      'muon with NTK balancing and NTK diagnostics',
      {
        optimizer: 'muon',
        balancing: { method: 'ntk', every: 5 },
        diagnostics: { every: 5, kinds: ['ntk'], ntkPoints: 4 },
      },
    ],
    [
      'pde_aware with grad-norm balancing and probe diagnostics',
      {
        optimizer: 'pde_aware',
        balancing: { method: 'gradnorm', every: 5 },
        diagnostics: { every: 5, kinds: ['hess'], hessIters: 3 },
      },
    ],
  ] as [string, ConfigInput][])('%s: a resumed run continues the same trajectory exactly', async (_, over) => {
    const r = await resumeCase(over, 10, 12);
    r.resumed.forEach((w, i) => expect(w).toEqual(r.reference[i]));
    expect(r.lossWeights[1]).toEqual(r.lossWeights[0]);
    // without the optimizer state and random streams the run goes elsewhere
    expect(r.weightsOnly.some((w, i) => w.some((v, k) => v !== r.reference[i][k]))).toBe(true);
  });

  it('resumes a PirateNet at step 0 without redoing its least-squares initialisation', async () => {
    const config = tiny({
      pde: 'allen_cahn',
      arch: 'pirate_net',
      archOptions: { blocks: 1, width: 8 },
      causal: { enabled: false },
    });
    const a = new Trainer(config);
    await trainFor(a, 0); // prepares: the output layer is fitted to the initial condition
    const state = await a.exportState();
    await trainFor(a, 5);
    const b = new Trainer(config);
    b.importState(state);
    await trainFor(b, 5);
    const reference = await weightsOf(a);
    (await weightsOf(b)).forEach((w, i) => expect(w).toEqual(reference[i]));
    // a state taken before the initialisation leaves it to the importer: it runs again, on other probe points
    const c = new Trainer(config);
    c.importState({ ...state, initialised: false });
    await trainFor(c, 5);
    expect((await weightsOf(c)).some((w, i) => w.some((v, k) => v !== reference[i][k]))).toBe(true);
    [a, b, c].forEach((t) => t.dispose());
  });

  it('refuses a state that does not fit, changing nothing', async () => {
    const a = new Trainer(tiny({ optimizer: 'soap' }));
    await trainFor(a, 5);
    const state = await a.exportState();
    const wider = new Trainer(tiny({ optimizer: 'soap', archOptions: { depth: 2, width: 9, activation: 'tanh' } }));
    expect(() => wider.importState(state)).toThrow(
      new RegExp(
        String.raw`^training state does not fit this mlp network \(\d+ parameters\) with soap: ` +
          String.raw`.*layer0\.weight has shape \[1,8\], expected \[1,9\]`,
      ),
    );
    const adam = new Trainer(tiny({ optimizer: 'adam' }));
    expect(() => adam.importState(state)).toThrow(/it is a soap state, this trainer uses adam/);
    // same network and optimizer, other layout: 1-D parameters preconditioned too
    const other = new Trainer(tiny({ optimizer: 'soap', optimizerOptions: { precondition1d: 1 } }));
    const before = await weightsOf(other);
    expect(() => other.importState(state)).toThrow(
      /optimizer state: missing \[0\]\.params\[1\]\.left\.gg \(float32\[8,8\]\)/,
    );
    const bad: TrainerState = { ...state, lossWeights: { res: 1 } };
    expect(() => a.importState(bad)).toThrow(/loss weights are for terms \[res\], expected \[res, bc\]/);
    expect(() => a.importState({ ...state, sampler: { words: [1, 2], spare: null } as never })).toThrow(
      /sampler: words must be four 32-bit integers/,
    );
    expect(other.stepCount).toBe(0);
    (await weightsOf(other)).forEach((w, i) => expect(w).toEqual(before[i]));
    [a, wider, adam, other].forEach((t) => t.dispose());
  });

  it('keeps the tensor count flat over exports and imports', async () => {
    const config = tiny({ optimizer: 'soap', optimizerOptions: { preconditionFrequency: 2 } });
    const a = new Trainer(config);
    const b = new Trainer(config);
    await trainFor(a, 5);
    await trainFor(b, 5);
    const wrong = new Trainer(tiny({ optimizer: 'soap', archOptions: { depth: 2, width: 9, activation: 'tanh' } }));
    const misfit = await wrong.exportState();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      b.importState(await a.exportState());
      await trainFor(a, 2);
      await trainFor(b, 2);
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(() => b.importState(misfit)).toThrow(/does not fit/);
    expect(tf.memory().numTensors).toBe(before);
    [a, b, wrong].forEach((t) => t.dispose());
  });
});
