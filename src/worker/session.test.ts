import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ConfigInput } from '../engine/config';
import type { FromWorker } from './protocol';
import { Session } from './session';

const tiny: ConfigInput = { pde: 'poisson1d', archOptions: { depth: 2, width: 8, activation: 'tanh' }, batch: 32, logEvery: 5, steps: 1000 };

/** A session whose posted messages are recorded, driven through its queue like the worker. */
function harness(opts = {}) {
  const msgs: FromWorker[] = [];
  const transfers: Transferable[][] = [];
  const s = new Session((m, t = []) => { msgs.push(m); transfers.push(t); }, opts);
  const run = (f: (s: Session) => void | Promise<void>) => s.enqueue(() => f(s));
  const of = <T extends FromWorker['type']>(type: T) => msgs.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  async function until(pred: () => boolean, ms = 20_000): Promise<void> {
    const t0 = Date.now();
    while (!pred()) {
      if (Date.now() - t0 > ms) throw new Error(`timed out; got ${msgs.map((m) => m.type).join(', ')}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  return { s, msgs, transfers, run, of, until };
}

describe('worker Session', () => {
  it('starts, reports progress and evaluations, pauses, resumes, steps once and resets', async () => {
    const h = harness({ evalEverySteps: 10, evalEveryMs: 1e9 });
    h.run((s) => s.start(tiny));
    await h.until(() => h.of('progress').length >= 4);
    const started = h.of('started');
    expect(started).toHaveLength(1);
    expect(started[0].terms).toEqual(['res', 'bc']);
    expect(h.of('progress').map((p) => p.step).slice(0, 4)).toEqual([5, 10, 15, 20]);
    const ev = h.of('evaluation')[0];
    expect(ev.pred).toBeInstanceOf(Float32Array);
    expect(ev.pred.length).toBe(ev.ticks[0].length);
    // Both arrays travel as transferables (copies: the trainer keeps its own).
    const i = h.msgs.indexOf(ev);
    expect(h.transfers[i]).toEqual([ev.pred.buffer, ev.exact.buffer]);

    h.run((s) => s.pause());
    await h.until(() => h.of('stopped').length === 1);
    expect(h.of('stopped')[0].reason).toBe('paused');
    const pausedAt = h.of('stopped')[0].step;
    await new Promise((r) => setTimeout(r, 50));
    expect(h.of('progress').at(-1)!.step).toBe(pausedAt);

    h.run((s) => s.stepOnce(tiny));
    await h.until(() => h.of('stopped').length === 2);
    expect(h.of('stopped')[1]).toMatchObject({ reason: 'stepped', step: pausedAt + 1 });
    expect(h.of('progress').at(-1)!.relL2).toBeDefined();

    // Same config (lr aside) resumes the same run instead of starting a new one.
    h.run((s) => s.start({ ...tiny, lr: 5e-4 }));
    await h.until(() => h.of('progress').at(-1)!.step >= pausedAt + 10);
    expect(h.of('started')).toHaveLength(1);
    h.run((s) => s.reset());
    await h.until(() => h.of('stopped').some((m) => m.reason === 'reset'));
    const n = h.of('progress').length;
    await new Promise((r) => setTimeout(r, 50));
    expect(h.of('progress')).toHaveLength(n);
  });

  it('finishes after config.steps and says so when started again', async () => {
    const h = harness();
    const short = { ...tiny, steps: 7 };
    h.run((s) => s.start(short));
    await h.until(() => h.of('stopped').length === 1);
    expect(h.of('stopped')[0]).toMatchObject({ reason: 'finished', step: 7 });
    expect(h.of('progress').map((p) => p.step)).toEqual([5, 7]);
    expect(h.of('evaluation').at(-1)!.step).toBe(7);
    h.run((s) => s.start(short));
    await h.until(() => h.of('stopped').length === 2);
    expect(h.of('error')[0].message).toMatch(/finished its 7 steps; press Reset/);
    expect(h.of('stopped')[1].reason).toBe('finished');
  });

  it('reports an invalid config as an error', async () => {
    const h = harness();
    h.run((s) => s.start({ ...tiny, batch: -3 }));
    await h.until(() => h.of('error').length === 1);
    expect(h.of('error')[0].message).toMatch(/batch/);
    expect(h.of('stopped')[0].reason).toBe('error');
  });

  it('stops with an explanation when training diverges', async () => {
    const h = harness();
    h.run((s) => s.stepOnce(tiny));
    await h.until(() => h.of('stopped').length === 1);
    h.run((s) => {
      const p = s['trainer']!.net.params[0].variable;
      p.assign(tf.fill(p.shape, NaN));
      s.start(tiny);
    });
    await h.until(() => h.of('diverged').length === 1);
    expect(h.of('diverged')[0].message).toMatch(/diverged at step 5: loss res = NaN, bc = NaN\. Weights were restored to step 1\. Lower the learning rate/);
    expect(h.of('stopped').at(-1)!.reason).toBe('diverged');
    h.run((s) => s.reset());
    await h.until(() => h.of('stopped').at(-1)!.reason === 'reset');
  });
});
