/**
 * Backends for Node entry points (CLI, bench, tests): registers tfjs-backend-wasm, whose
 * .wasm binaries load from node_modules; the pure-JS cpu backend ships with tfjs.
 * Node-only: imported by cli/ and tests, never by the worker.
 */
import '@tensorflow/tfjs-backend-wasm';
import './kernels/wasm';
import { nodeOrder, selectBackend, type BackendChoice, type BackendId } from './backend';

/** Start `preferred` (or the Node default order wasm → cpu). */
export function startNodeBackend(preferred?: BackendId): Promise<BackendChoice> {
  return selectBackend(preferred ? [preferred] : nodeOrder);
}
