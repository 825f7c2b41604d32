/// <reference lib="webworker" />
/**
 * Worker entry: owns the tfjs backend and the trainer, answers `ToWorker` commands with
 * `FromWorker` snapshots. The engine does the work; see session.ts for the training loop.
 */
import './backends';
import { backendIds, browserOrder, selectBackend, type BackendId } from '../engine/backend';
import { pdeIds, pdes } from '../engine/pdes';
import { assertNever, type FromWorker, type PdeInfo, type ToWorker } from './protocol';
import { Session } from './session';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(msg: FromWorker, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

const session = new Session(post);
let backendReady = false;

function catalog(): PdeInfo[] {
  return pdeIds.map((id) => {
    const p = pdes[id];
    return { id, label: p.label, equation: p.equation, axes: p.axes, outputs: p.outputs, terms: Object.keys(p.terms) };
  });
}

/** The requested backends first (validated), then the rest of the browser order as fallbacks. */
function backendOrder(requested: readonly string[] = []): BackendId[] {
  for (const b of requested) {
    if (!backendIds.includes(b as BackendId)) throw new Error(`unknown backend '${b}' (allowed: ${backendIds.join(', ')})`);
  }
  const first = requested as BackendId[];
  return [...first, ...browserOrder.filter((b) => !first.includes(b))];
}

async function handle(msg: ToWorker): Promise<void> {
  if (msg.type !== 'init' && !backendReady) throw new Error(`'${msg.type}' before the backend is ready`);
  switch (msg.type) {
    case 'init': {
      post({ type: 'catalog', pdes: catalog() });
      const choice = await selectBackend(backendOrder(msg.backends));
      backendReady = true;
      post({ type: 'ready', backend: choice.backend, reason: choice.reason });
      return;
    }
    case 'start':
      return session.start(msg.config);
    case 'pause':
      return session.pause();
    case 'step':
      return session.stepOnce(msg.config);
    case 'reset':
      return session.reset();
    case 'setLr':
      return session.setLr(msg.lr);
    default:
      return assertNever(msg);
  }
}

scope.onmessage = (e: MessageEvent<ToWorker>) => session.enqueue(() => handle(e.data));
