import * as tf from '@tensorflow/tfjs';

/** tfjs backends the playground can train on. */
export type BackendId = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export const backendIds: BackendId[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Preference order in a browser (fastest first) and in Node (no GPU backends there). */
export const browserOrder: BackendId[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
export const nodeOrder: BackendId[] = ['wasm', 'cpu'];

/** The backend in use and, when it is not the first choice, why the others were skipped. */
export interface BackendChoice {
  backend: BackendId;
  /** Human-readable, e.g. "webgpu: navigator.gpu is missing → using webgl". */
  reason: string;
  failures: { backend: BackendId; error: string }[];
}

/**
 * Try the backends in `order` until one initialises, with a readable reason for every skip.
 * Entry points import the backend packages they can use (the worker: webgpu + wasm; Node:
 * wasm) before calling this; an unregistered backend is reported as "not available here".
 * `probe` runs a tiny op on the new backend to catch devices that initialise but fail.
 */
export async function selectBackend(order: readonly BackendId[]): Promise<BackendChoice> {
  const failures: BackendChoice['failures'] = [];
  for (const b of order) {
    let error: string | null = null;
    if (!tf.findBackendFactory(b)) error = 'not available here';
    else {
      try {
        if (!(await tf.setBackend(b))) error = 'failed to initialise';
        else {
          const probe = tf.tidy(() => tf.sum(tf.mul(tf.tensor1d([1, 2, 3]), 2)));
          const v = (await probe.data())[0];
          probe.dispose();
          if (v !== 12) error = `self-test returned ${v} instead of 12`;
        }
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    }
    if (error === null) {
      const reason =
        failures.length === 0
          ? `${b} (first choice)`
          : `${failures.map((f) => `${f.backend}: ${f.error}`).join('; ')} → using ${b}`;
      return { backend: b, reason, failures };
    }
    failures.push({ backend: b, error });
  }
  throw new Error(`no tfjs backend could start: ${failures.map((f) => `${f.backend}: ${f.error}`).join('; ')}`);
}
