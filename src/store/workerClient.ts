import type { FromWorker, ToWorker } from '../worker/protocol';

/** A typed handle on the training worker. */
export interface WorkerClient {
  /** Post `msg`, transferring `transfer` (big buffers: the page keeps no copy). */
  send(msg: ToWorker, transfer?: Transferable[]): void;
  terminate(): void;
}

/** Start the training worker (an ES module worker bundled by Vite) and route its messages. */
export function connectWorker(onMessage: (msg: FromWorker) => void, onError: (message: string) => void): WorkerClient {
  const worker = new Worker(new URL('../worker/training.worker.ts', import.meta.url), {
    type: 'module',
    name: 'training',
  });
  worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
  worker.onerror = (e: ErrorEvent) => {
    e.preventDefault();
    onError(`training worker failed: ${e.message || 'could not load'}`);
  };
  worker.onmessageerror = () => onError('training worker sent a message that could not be read');
  return {
    send: (msg, transfer = []) => worker.postMessage(msg, transfer),
    terminate: () => worker.terminate(),
  };
}
