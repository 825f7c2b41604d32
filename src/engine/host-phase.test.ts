import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig, type ConfigInput } from './config';
import { flatObjective, getFlat } from './host-objective';
import { trainFor } from './loop';
import { metricsRow } from './metrics';
import { newton } from './optim/newton';
import { Trainer } from './trainer';

const tiny = (over: ConfigInput = {}) =>
  resolveConfig({
    pde: 'poisson1d',
    params: { C: 2 },
    archOptions: { depth: 1, width: 10, activation: 'tanh' },
    batch: 48,
    seed: 3,
    logEvery: 5,
    optimizer: 'newton',
    ...over,
  });

describe('Newton as a training optimizer', () => {
  it('runs the same iteration as newton() on the trainer’s fixed batch, in chunks, without leaks', async () => {
    const config = tiny({ optimizerOptions: { damped: true } });
    const ref = new Trainer(config);
    const x0 = await getFlat(ref.vars);
    const f = flatObjective(ref, ref.fixedBatch());
    const direct = await newton(f, x0, { damping: 'lm', maxIterations: 5, fdStep: 10 ** -2.5, gtol: 0 });
    ref.dispose();

    const t = new Trainer(config);
    const r = await trainFor(t, 5);
    expect(t.stepCount).toBe(5);
    const got = await getFlat(t.vars);
    got.forEach((v, i) => expect(v).toBeCloseTo(direct.x[i], 5));
    const f0 = direct.history.length ? (await f(x0)).loss : NaN;
    expect(r.last.loss).toBeLessThan(0.2 * f0); // LM-damped Newton: a big decrease in 5 iterations
    // the checkpoint carries the last iteration's Hessian extremes, as newton() saw them
    const last = direct.history[4];
    expect(r.last.optimizer!['newton.lambdaMax']).toBeCloseTo(last.lambdaMax, 2);
    expect(r.last.optimizer!['newton.lambdaMin']).toBeCloseTo(last.lambdaMin, 2);
    expect(metricsRow(r.last, 0)['newton.lambdaMin']).toBe(r.last.optimizer!['newton.lambdaMin']);
    const before = tf.memory().numTensors;
    await trainFor(t, 3);
    expect(tf.memory().numTensors).toBe(before);
    t.dispose();
  });

  it('undamped: the fixed batch survives chunks and a state import', async () => {
    const config = tiny();
    const b = new Trainer(config);
    await trainFor(b, 4);
    const state = structuredClone(await b.exportState());
    await trainFor(b, 4);
    const c = new Trainer(config);
    c.importState(state);
    await trainFor(c, 4);
    // (one call of 8 keeps x in float64 between iterations where chunks round it to the float32
    // weights; undamped Newton from random weights amplifies that, so only chunks are compared)
    expect(Array.from(await getFlat(c.vars))).toEqual(Array.from(await getFlat(b.vars)));
    [b, c].forEach((t) => t.dispose());
  });

  it('refuses a network too big for a dense Hessian, naming the count and the cap', () => {
    const config = tiny({ archOptions: { depth: 3, width: 50 } });
    expect(() => new Trainer(config)).toThrow(ConfigError);
    expect(() => new Trainer(config)).toThrow(
      /newton .* this network has \d+ parameters, more than optimizerOptions.maxParams = 1000/,
    );
  });

  it('cannot be stepped as a transform', () => {
    const t = new Trainer(tiny());
    expect(() => t.step()).toThrow(/newton is a host optimizer/);
    t.dispose();
  });
});
