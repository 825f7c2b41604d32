/**
 * The backend an `init` starts: when the user left a choice (no backend, or wasm without
 * `?threads=`), the candidates are timed on the page's experiment in probe copies of this
 * worker and the fastest wins, with the figures as the reason ("wasm (fastest measured: wasm
 * 9.1 ms/step · webgpu 850 ms/step · …)"); otherwise, or when nothing could be timed, the first
 * backend of `order` that starts. An explicit choice is never overruled.
 */
import { selectBackend, type BackendChoice, type BackendId } from '../engine/backend';
import { candidatesFor, pickFastest } from '../engine/backend-pick';
import { resolveConfig, type ConfigInput } from '../engine/config';
import { decodeExperiment } from '../engine/io/url';
import { defaultWasmThreads, useWasmThreads } from './backends';
import { measureCandidates } from './probe';

/** The experiment a page opened with (its hash), else the defaults: what the probes time. */
function probeConfig(hash: string | undefined): ConfigInput {
  try {
    return (hash && decodeExperiment(hash, resolveConfig)?.config) || {};
  } catch {
    return {}; // a broken link is reported by `load`; the defaults are timed instead
  }
}

/** What `init` asked for. */
export interface InitRequest {
  backends?: string[];
  threads?: number;
  hash?: string;
}

/** Start the backend for `req` (see the file comment); `order` is the validated preference order. */
export async function chooseBackend(req: InitRequest, order: readonly BackendId[]): Promise<BackendChoice> {
  const threads = req.threads ?? defaultWasmThreads();
  const candidates = typeof Worker === 'undefined' ? null : candidatesFor(req.backends, threads, req.threads);
  if (candidates) {
    const timings = await measureCandidates(self.location.href, candidates, probeConfig(req.hash));
    const best = pickFastest(timings);
    if (best) {
      useWasmThreads(best.backend === 'wasm' ? best.threads : threads);
      const choice = await selectBackend([best.backend, ...order.filter((b) => b !== best.backend)]);
      return choice.backend === best.backend ? { ...choice, reason: `${best.backend} (${best.reason})` } : choice;
    }
  }
  useWasmThreads(threads);
  return selectBackend(order);
}
