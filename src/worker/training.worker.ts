/// <reference lib="webworker" />
/**
 * Worker entry: owns the tfjs backend and the runs, answers `ToWorker` commands with
 * `FromWorker` snapshots. The engine does the work; session.ts schedules it, streamer.ts
 * decides what is posted, device.ts handles backend choice and WebGPU device loss.
 */
import { backendThreads } from './backends';
import type { BackendId } from '../engine/backend';
import { buildCatalog } from './catalog';
import { chooseBackend } from './choose';
import { backendLimits, backendOrder, fallbackFrom, isBackendFailure, loseDevice, watchDevice } from './device';
import { withSoftwareHint } from './device-label';
import { loadAnswer, validateExperiment } from './experiments';
import { assertNever, type FromWorker, type ToWorker } from './protocol';
import { probeHere, type ProbeReply, type ProbeRequest } from './probe';
import { Session } from './session';
import type { StreamOptions } from './streamer';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(msg: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

let order: BackendId[] = backendOrder();
let session: Session | null = null;

function newSession(opts: Partial<StreamOptions>): Session {
  const s = new Session(post, opts, {
    fallback: async (reason) => {
      const choice = await fallbackFrom(order, reason);
      order = order.filter((b) => b !== choice.failed);
      watchDevice((r) => s.deviceLost(r));
      return { ...choice, threads: backendThreads() };
    },
    isBackendFailure,
  });
  return s;
}

/** Messages that need no backend are answered at once; the rest go through the session's queue. */
async function handle(msg: ToWorker): Promise<void> {
  if (msg.type !== 'init' && msg.type !== 'validate' && msg.type !== 'load' && !session)
    throw new Error(`'${msg.type}' before the backend is ready`);
  switch (msg.type) {
    case 'init': {
      if (!session) post({ type: 'catalog', catalog: buildCatalog() });
      session?.reset();
      order = backendOrder(msg.backends);
      const choice = await chooseBackend(msg, order);
      session = newSession({ stream: msg.stream ?? true, ...(msg.budget !== undefined ? { budget: msg.budget } : {}) });
      watchDevice((r) => session?.deviceLost(r));
      const reason = await withSoftwareHint(choice.backend, choice.reason);
      post({ type: 'ready', backend: choice.backend, reason, threads: backendThreads() });
      return;
    }
    case 'validate':
      // once a backend runs, an edit is checked against its limits too (the message names the field)
      return post({
        type: 'validated',
        id: msg.id,
        error: validateExperiment(msg.experiment, session ? backendLimits() : undefined),
      });
    case 'load':
      return post(loadAnswer(msg.request));
    case 'start':
      return session!.start(msg.configs);
    case 'pause':
      return session!.pause();
    case 'step':
      return session!.stepOnce(msg.configs);
    case 'reset':
      return session!.reset();
    case 'setLr':
      return session!.setLr(msg.run, msg.lr);
    case 'exportWeights':
      return session!.exportWeights(msg.run);
    case 'exportBundle':
      return session!.exportBundle(msg.run);
    case 'importFile':
      return session!.importFile(msg.run, msg.configs, msg.name, new Uint8Array(msg.bytes));
    case 'landscape':
      return session!.landscape(msg.run);
    case 'loseDevice':
      if (!loseDevice()) post({ type: 'error', message: 'not on WebGPU: there is no device to lose' });
      return;
    default:
      return assertNever(msg);
  }
}

/** One queue for everything, so commands never interleave with a chunk of training. */
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e: MessageEvent<ToWorker | ProbeRequest>) => {
  // A probe copy of this worker (choose.ts) times one backend and is terminated.
  if (e.data.type === 'probe') {
    const { candidate, config } = e.data;
    return void probeHere(candidate, config).then((timing) =>
      scope.postMessage({ type: 'probed', timing } satisfies ProbeReply),
    );
  }
  const msg = e.data;
  // The session reports its own failures (error + stopped); before it exists, only errors.
  if (session) return session.enqueue(() => handle(msg));
  queue = queue
    .then(() => handle(msg))
    .catch((err: unknown) => post({ type: 'error', message: err instanceof Error ? err.message : String(err) }));
};
