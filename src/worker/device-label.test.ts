import { afterEach, describe, expect, it } from 'vitest';
import { withSoftwareHint } from './device-label';

/** A navigator whose WebGPU adapter reports `description`. */
function fakeGpu(description: string): void {
  Object.defineProperty(globalThis, 'navigator', {
    configurable: true,
    value: {
      gpu: { requestAdapter: async () => ({ info: { vendor: 'google', architecture: '', device: '', description } }) },
    },
  });
}

describe('the software-GPU hint on the backend line', () => {
  const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  afterEach(() => {
    if (saved) Object.defineProperty(globalThis, 'navigator', saved);
    else delete (globalThis as { navigator?: unknown }).navigator;
  });

  it("is added inside the reason's parentheses when WebGPU runs on SwiftShader", async () => {
    fakeGpu('SwiftShader Device (Subzero)');
    expect(await withSoftwareHint('webgpu', 'webgpu (first choice)')).toBe(
      'webgpu (first choice; software GPU (SwiftShader): add ?backend=wasm to the address to train far faster)',
    );
  });

  it('is not added for a hardware adapter, for wasm and cpu, or when the adapter cannot be read', async () => {
    fakeGpu('NVIDIA GeForce RTX 4090');
    expect(await withSoftwareHint('webgpu', 'webgpu (first choice)')).toBe('webgpu (first choice)');
    expect(await withSoftwareHint('wasm', 'webgpu: no adapter → using wasm')).toBe('webgpu: no adapter → using wasm');
    Object.defineProperty(globalThis, 'navigator', { configurable: true, value: {} });
    expect(await withSoftwareHint('webgpu', 'webgpu (first choice)')).toBe('webgpu (first choice)');
  });
});
