/// <reference lib="webworker" />
/**
 * Bench worker: starts exactly the requested backend with the app worker's registrations and
 * flags (../worker/backends), times one case with the engine's shared `runCase`, and replies.
 */
import { backendThreads, useWasmThreads } from '../worker/backends';
import { selectBackend } from '../engine/backend';
import { benchCases } from '../engine/bench/cases';
import { runCase } from '../engine/bench/run-case';
import { deviceLabel } from '../worker/device-label';
import type { BenchReply, BenchRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

async function handle(req: BenchRequest): Promise<BenchReply> {
  const c = benchCases.find((b) => b.name === req.caseName);
  if (!c) return { type: 'error', message: `unknown case '${req.caseName}'` };
  useWasmThreads(req.threads); // a fresh worker per case, so wasm starts with these
  await selectBackend([req.backend]); // no fallback: a bench row must be the backend it names
  const label = await deviceLabel(req.backend);
  const row = await runCase(c, { steps: req.steps, runs: req.runs });
  return {
    type: 'row',
    row: {
      ...row,
      env: 'chromium',
      ...label,
      threads: backendThreads(),
      thread: 'worker',
    },
  };
}

scope.onmessage = (e: MessageEvent<BenchRequest>) => {
  handle(e.data).then(
    (reply) => scope.postMessage(reply),
    (err: unknown) =>
      scope.postMessage({
        type: 'error',
        message: err instanceof Error ? err.message : String(err),
      } satisfies BenchReply),
  );
};
