/** Test helper of the Session specs: a session whose posted messages are recorded. */
import * as tf from '@tensorflow/tfjs';
import type { ConfigInput } from '../engine/config';
import type { FromWorker } from './protocol';
import { Session, type BackendHooks } from './session';
import type { StreamOptions } from './streamer';

/** A small, fast Poisson run. */
export const tiny: ConfigInput = {
  pde: 'poisson1d',
  archOptions: { depth: 2, width: 8, activation: 'tanh' },
  batch: 32,
  logEvery: 5,
  steps: 1000,
};

/** A session whose posted messages are recorded, driven through its queue like the worker. */
export function harness(opts: Partial<StreamOptions> = {}, hooks?: BackendHooks) {
  const msgs: FromWorker[] = [];
  const transfers: Transferable[][] = [];
  const s = new Session(
    (m, t = []) => {
      msgs.push(m);
      transfers.push(t);
    },
    { flushEveryMs: 0, minEvalIntervalMs: 0, ...opts },
    hooks,
  );
  const run = (f: (s: Session) => void | Promise<void>) => s.enqueue(() => f(s));
  const of = <T extends FromWorker['type']>(type: T) =>
    msgs.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  const rows = (run = 0) =>
    of('progress')
      .filter((p) => p.run === run)
      .flatMap((p) => p.rows);
  const stops = () => of('stopped');
  async function until(pred: () => boolean, ms = 30_000): Promise<void> {
    const t0 = Date.now();
    while (!pred()) {
      if (Date.now() - t0 > ms) throw new Error(`timed out; got ${msgs.map((m) => m.type).join(', ')}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  return { s, msgs, transfers, run, of, rows, stops, until };
}

/** One step of `tiny`, then poisoned weights and Start: the run diverges at its next log point (step 5). */
export async function divergeAfterOneStep(h: ReturnType<typeof harness>): Promise<void> {
  h.run((s) => s.stepOnce([tiny]));
  await h.until(() => h.stops().length === 1);
  h.run(async (s) => {
    const p = s['runs'][0].trainer.net.params[0].variable;
    p.assign(tf.fill(p.shape, NaN));
    await s.start([tiny]);
  });
}
