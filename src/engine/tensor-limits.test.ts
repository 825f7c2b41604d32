import { describe, expect, it } from 'vitest';
import { estimateStepBytes } from './budget';
import { pdeOf, resolveConfig, type ConfigInput } from './config';
import {
  checkBackendLimits,
  largestTensors,
  webglTensorCap,
  webgpuTensorCap,
  type BackendLimits,
} from './tensor-limits';

const MiB = 2 ** 20;
const GiB = 2 ** 30;
/** Poisson 1-D (jets: u, u_x, u_xx) with one 512-wide layer: its widest tensor is batch × 3 × 512 floats. */
const wide = (batch: number, more: ConfigInput = {}) =>
  resolveConfig({ pde: 'poisson1d', archOptions: { depth: 1, width: 512 }, batch, ...more });
const gpu = (binding: number, buffer = 4 * GiB): BackendLimits => ({
  backend: 'webgpu',
  memory: 2 * GiB,
  tensor: webgpuTensorCap({ maxStorageBufferBindingSize: binding, maxBufferSize: buffer }),
});
const check = (config: ReturnType<typeof wide>, limits: BackendLimits) =>
  checkBackendLimits(config, pdeOf(config), limits);

describe('per-backend limits, checked before anything is allocated', () => {
  it('reads the caps: the smaller WebGPU buffer limit, WebGL side² floats', () => {
    expect(webgpuTensorCap({ maxStorageBufferBindingSize: 128 * MiB, maxBufferSize: 256 * MiB })).toEqual({
      bytes: 128 * MiB,
      source: "WebGPU's maxStorageBufferBindingSize (128 MiB on this device)",
    });
    expect(webgpuTensorCap({ maxStorageBufferBindingSize: 4 * GiB, maxBufferSize: 256 * MiB }).source).toBe(
      "WebGPU's maxBufferSize (256 MiB on this device)",
    );
    expect(webglTensorCap(4096)).toEqual({
      bytes: 64 * MiB,
      source: "WebGL's largest texture (4096 × 4096 on this device)",
    });
  });

  it('counts the jets of the widest layer as the largest tensor', () => {
    const c = wide(16384);
    const [top] = largestTensors(c, pdeOf(c), estimateStepBytes(c, pdeOf(c)).params);
    expect(top).toMatchObject({ floats: 16384 * 3 * 512, field: 'batch' });
  });

  it('refuses a tensor over the WebGPU binding limit, naming the field, and passes one under it', () => {
    expect(() => check(wide(16384), gpu(64 * MiB))).toThrow(
      "batch: too big for webgpu: a layer's jets are batch × streams × width = 16384 × 3 × 512 floats (96 MiB), " +
        "more than WebGPU's maxStorageBufferBindingSize (64 MiB on this device) holds in one tensor; " +
        'shrink batch or archOptions.width by about 1.5×',
    );
    expect(() => check(wide(8192), gpu(64 * MiB))).not.toThrow();
    expect(() => check(wide(16384), gpu(128 * MiB))).not.toThrow();
    expect(() => check(wide(16384), { backend: 'wasm', memory: 3 * GiB })).not.toThrow(); // no tensor cap
  });

  it('refuses a tensor over WebGL\u2019s texture size', () => {
    const webgl: BackendLimits = { backend: 'webgl', memory: 2 * GiB, tensor: webglTensorCap(4096) };
    expect(() => check(wide(16384), webgl)).toThrow(
      /^batch: too big for webgl: .* \(96 MiB\), more than WebGL's largest texture \(4096 × 4096 on this device\)/,
    );
    expect(() => check(wide(4096), webgl)).not.toThrow();
  });

  it('names the diagnostics field when per-sample gradients are the largest tensor', () => {
    const c = resolveConfig({
      pde: 'poisson1d',
      archOptions: { depth: 2, width: 128 },
      batch: 64,
      diagnostics: { every: 10, kinds: ['rgv'], rgvSamples: 4096 },
    });
    expect(() => check(c, gpu(128 * MiB))).toThrow(
      /^diagnostics\.rgvSamples: too big for webgpu: per-sample gradients are 4096 × 128 × 128 floats \(256 MiB\)/,
    );
  });

  it("checks the step's memory against the backend's own limit (2 GiB on a GPU, 3 GiB on wasm)", () => {
    const c = resolveConfig({ pde: 'burgers', archOptions: { depth: 8, width: 256 }, batch: 4800 });
    const bytes = estimateStepBytes(c, pdeOf(c)).bytes;
    expect(bytes).toBeGreaterThan(2 * GiB);
    expect(bytes).toBeLessThan(3 * GiB); // so resolveConfig (the wasm limit) accepted it
    expect(() => check(c, { backend: 'webgpu', memory: 2 * GiB })).toThrow(
      /^batch: this experiment needs about 2\.\d GiB per step \(limit 2\.0 GiB on webgpu\)/,
    );
    expect(() => check(c, { backend: 'wasm', memory: 3 * GiB })).not.toThrow();
  });
});
