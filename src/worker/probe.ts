/**
 * Timing candidate backends for the automatic choice (issue 14): each candidate runs a few real
 * training steps of the experiment in its own short-lived copy of this worker (same script,
 * `probe` message), so a slow one is cut off at the cap by terminating it — nothing waits for
 * a SwiftShader step to finish — and the training worker's own backends stay untouched.
 */
import { selectBackend } from '../engine/backend';
import type { BackendTiming, Candidate } from '../engine/backend-pick';
import { timeSteps } from '../engine/bench/time-steps';
import { resolveConfig, type ConfigInput } from '../engine/config';
import { Trainer } from '../engine/trainer';
import { backendThreads, useWasmThreads } from './backends';
import { deviceLabel } from './device-label';

/** The message a probe copy of the worker answers (not part of the UI's protocol). */
export interface ProbeRequest {
  type: 'probe';
  candidate: Candidate;
  config: ConfigInput;
}

/** Its one reply. */
export interface ProbeReply {
  type: 'probed';
  timing: BackendTiming;
}

/** Longest a candidate may take, worker start and first step included. */
export const probeCapMs = 4000;

/** In a probe worker: start `c` and time one warm-up step then two steps of `config`. */
export async function probeHere(c: Candidate, config: ConfigInput): Promise<BackendTiming> {
  try {
    useWasmThreads(c.backend === 'wasm' ? c.threads : 1);
    await selectBackend([c.backend]);
    const trainer = new Trainer(resolveConfig({ ...config, logEvery: 1_000_000 }));
    try {
      const t = await timeSteps(trainer, { warmup: 1, steps: 2, runs: 1 });
      return { backend: c.backend, threads: backendThreads(), msPerStep: t.msPerStep };
    } finally {
      trainer.dispose();
    }
  } catch (e) {
    return { backend: c.backend, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Time `c` in a fresh copy of the worker at `script`, giving up after `capMs`. */
function probeInWorker(script: string, c: Candidate, config: ConfigInput, capMs: number): Promise<BackendTiming> {
  const worker = new Worker(script, { type: 'module', name: `probe-${c.backend}-${c.threads}` });
  return new Promise<BackendTiming>((resolve) => {
    const timer = setTimeout(() => resolve({ backend: c.backend, error: `no steps within ${capMs / 1000} s` }), capMs);
    worker.onmessage = (e: MessageEvent<ProbeReply | { type: string }>) => {
      if (!('timing' in e.data)) return;
      clearTimeout(timer);
      resolve(e.data.timing);
    };
    worker.onerror = (e) => {
      clearTimeout(timer);
      resolve({ backend: c.backend, error: e.message || 'the probe worker failed' });
    };
    worker.postMessage({ type: 'probe', candidate: c, config } satisfies ProbeRequest);
  }).finally(() => worker.terminate());
}

/** Why a GPU candidate on a software rasterizer is not timed (it would only run into the cap). */
export const softwareGpuSkip = 'software GPU (SwiftShader), not timed: 50–100× slower than wasm (README, Performance)';

/**
 * Time every candidate in turn (never two at once: they would share the cores). A GPU backend
 * whose adapter is SwiftShader is reported, not timed: its first step alone outlasts the cap.
 */
export async function measureCandidates(
  script: string,
  candidates: readonly Candidate[],
  config: ConfigInput,
  capMs = probeCapMs,
): Promise<BackendTiming[]> {
  const out: BackendTiming[] = [];
  for (const c of candidates) {
    const soft = c.backend !== 'wasm' && (await deviceLabel(c.backend).catch(() => null))?.device === 'swiftshader';
    out.push(soft ? { backend: c.backend, error: softwareGpuSkip } : await probeInWorker(script, c, config, capMs));
  }
  return out;
}
