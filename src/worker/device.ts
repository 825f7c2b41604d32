/**
 * The tfjs backend as a resource that can fail: pick one with fallbacks, watch the WebGPU
 * device for loss (driver reset, GPU process crash, `destroy()`), and move to the next
 * backend when it is gone. Only the worker entry calls this; the session gets it as hooks.
 */
import * as tf from '@tensorflow/tfjs';
import { backendIds, browserOrder, selectBackend, type BackendChoice, type BackendId } from '../engine/backend';
import { defaultMemoryLimit, memoryLimits } from '../engine/budget';
import { webglTensorCap, webgpuTensorCap, type BackendLimits } from '../engine/tensor-limits';

/** The parts of a GPUDevice used here. */
interface LosableDevice {
  lost: Promise<{ reason?: string; message?: string }>;
  destroy(): void;
  /** The limits the device was created with (tfjs asks for the adapter's own). */
  limits: { maxStorageBufferBindingSize: number; maxBufferSize: number };
}

/** The requested backends first (validated), then the rest of the browser order as fallbacks. */
export function backendOrder(requested: readonly string[] = []): BackendId[] {
  for (const b of requested) {
    if (!backendIds.includes(b as BackendId))
      throw new Error(`unknown backend '${b}' (allowed: ${backendIds.join(', ')})`);
  }
  const first = requested as BackendId[];
  return [...first, ...browserOrder.filter((b) => !first.includes(b))];
}

function gpuDevice(): LosableDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  return (tf.backend() as unknown as { device?: LosableDevice }).device ?? null;
}

/** Call `onLost(reason)` once if the current backend's GPU device is lost. */
export function watchDevice(onLost: (reason: string) => void): void {
  const device = gpuDevice();
  void device?.lost.then((info) =>
    onLost(`the WebGPU device was lost (${info.message || info.reason || 'no reason given'})`),
  );
}

/** Test hook: destroy the WebGPU device as a driver reset would; false when not on WebGPU. */
export function loseDevice(): boolean {
  const device = gpuDevice();
  device?.destroy();
  return device !== null;
}

/**
 * What the current backend can hold: its memory budget and, on a GPU, the largest tensor its
 * device allows (WebGPU buffer limits, WebGL's MAX_TEXTURE_SIZE), for `checkBackendLimits`.
 */
export function backendLimits(): BackendLimits {
  const backend = tf.getBackend() as BackendId;
  const memory = memoryLimits[backend] ?? defaultMemoryLimit;
  const device = gpuDevice();
  if (device) return { backend, memory, tensor: webgpuTensorCap(device.limits) };
  if (backend === 'webgl')
    return { backend, memory, tensor: webglTensorCap(tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE')) };
  return { backend, memory };
}

/** Whether an error thrown while training on the current backend means the device failed. */
export function isBackendFailure(e: unknown): boolean {
  if (tf.getBackend() !== 'webgpu') return false;
  const text = e instanceof Error ? `${e.name} ${e.message}` : String(e);
  return /device.*(lost|destroyed)|(lost|destroyed).*device|GPUDevice|OperationError|mapAsync/i.test(text);
}

/**
 * Give up the current backend (it failed for `reason`) and start the next one in `order`;
 * the returned reason tells the user what happened.
 */
export async function fallbackFrom(
  order: readonly BackendId[],
  reason: string,
): Promise<BackendChoice & { failed: BackendId }> {
  const failed = tf.getBackend() as BackendId;
  try {
    tf.removeBackend(failed);
  } catch {
    // Disposing a backend whose device is gone may throw; it is unusable either way.
  }
  const rest = order.filter((b) => b !== failed);
  const choice = await selectBackend(rest);
  return {
    ...choice,
    failed,
    reason: `${failed}: ${reason} → using ${choice.backend}, resumed from the last saved weights and optimizer state`,
  };
}
