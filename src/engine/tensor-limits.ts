/**
 * The per-backend half of the resource budget: besides the memory one step needs in all
 * (`budget.ts`), a GPU backend caps the size of any single tensor — WebGPU a buffer binding
 * (`maxStorageBufferBindingSize`, `maxBufferSize` of the adapter, which tfjs requests in full),
 * WebGL a texture (`MAX_TEXTURE_SIZE` per side, one float per texel unpacked). A config whose
 * largest tensor is over the cap would fail at its first step with a driver error (or, on
 * WebGL, "Requested texture size … greater than WebGL maximum"); `checkBackendLimits` refuses it
 * before anything is allocated, naming the field to shrink.
 *
 * The largest tensors of a step: a layer's jets (batch × jet streams rows × the widest layer,
 * stacked along the batch axis, per loss term), per-sample gradients [samples, in, out] of the
 * widest layer (PDE-aware optimizer: the batch; residual-gradient variance: its samples), the
 * adaptive sampler's candidate jets, and Newton's dense Hessian [n, n].
 */
import type { BackendId } from './backend';
import { checkBudget, estimateStepBytes, termStreams } from './budget';
import type { ExperimentConfig } from './config';
import { optimizers } from './optim';
import type { Pde } from './pdes/types';
import { ConfigError } from './schema/check';

/** What the current backend can hold (the worker reads them off the device; tests inject them). */
export interface BackendLimits {
  backend: BackendId;
  /** Bytes one step may use in all. */
  memory: number;
  /** The largest single tensor in bytes, and where that cap comes from (for the message). */
  tensor?: { bytes: number; source: string };
}

/** WebGPU's cap: the smaller of the adapter's largest buffer binding and largest buffer. */
export function webgpuTensorCap(limits: { maxStorageBufferBindingSize: number; maxBufferSize: number }) {
  const { maxStorageBufferBindingSize: binding, maxBufferSize: buffer } = limits;
  return binding <= buffer
    ? { bytes: binding, source: `WebGPU's maxStorageBufferBindingSize (${mib(binding)} on this device)` }
    : { bytes: buffer, source: `WebGPU's maxBufferSize (${mib(buffer)} on this device)` };
}

/** WebGL's cap: a texture of `maxTextureSize`² texels, one float32 each. */
export function webglTensorCap(maxTextureSize: number) {
  return {
    bytes: 4 * maxTextureSize ** 2,
    source: `WebGL's largest texture (${maxTextureSize} × ${maxTextureSize} on this device)`,
  };
}

const mib = (b: number) => `${(b / 2 ** 20).toFixed(b < 2 ** 20 ? 2 : 0)} MiB`;

/** One large tensor of a step: its size in floats, the field that sets it and how it is made. */
export interface LargeTensor {
  floats: number;
  field: string;
  what: string;
}

/** The largest tensors one step of `config` allocates (see the file comment), largest first. */
export function largestTensors(config: ExperimentConfig, pde: Pick<Pde, 'terms'>, params: number): LargeTensor[] {
  const o = config.archOptions;
  const widest = Math.max(o.width, 2 * o.fourierSize);
  const streams = Math.max(...Object.values(pde.terms).map((t) => termStreams(t.derivs).streams));
  const out: LargeTensor[] = [
    {
      floats: config.batch * streams * widest,
      field: 'batch',
      what: `a layer's jets are batch × streams × width = ${config.batch} × ${streams} × ${widest} floats`,
    },
  ];
  const perSample = (n: number, field: string) => ({
    floats: n * widest * widest,
    field,
    what: `per-sample gradients are ${n} × ${widest} × ${widest} floats`,
  });
  if (optimizers[config.optimizer].needsSampleMoments) out.push(perSample(config.batch, 'batch'));
  const d = config.diagnostics;
  if (d.every > 0 && d.kinds.includes('rgv')) out.push(perSample(d.rgvSamples, 'diagnostics.rgvSamples'));
  if (config.sampling.method !== 'uniform') {
    const n = config.sampling.candidates;
    out.push({
      floats: n * streams * widest,
      field: 'sampling.candidates',
      what: `the candidates' jets are ${n} × ${streams} × ${widest} floats`,
    });
  }
  if (config.optimizer === 'newton')
    out.push({ floats: params ** 2, field: 'archOptions', what: `the Hessian is ${params} × ${params} floats` });
  return out.sort((a, b) => b.floats - a.floats);
}

/**
 * Throw a ConfigError (naming the field) when `config` does not fit the backend: the step's
 * memory over `limits.memory` (see `checkBudget`), or its largest tensor over `limits.tensor`.
 */
export function checkBackendLimits(config: ExperimentConfig, pde: Pde, limits: BackendLimits): void {
  checkBudget(config, pde, limits.memory, limits.backend);
  const cap = limits.tensor;
  if (!cap) return;
  const { params } = estimateStepBytes(config, pde);
  const big = largestTensors(config, pde, params).find((t) => 4 * t.floats > cap.bytes);
  if (!big) return;
  throw new ConfigError(
    `${big.field}: too big for ${limits.backend}: ${big.what} (${mib(4 * big.floats)}), more than ` +
      `${cap.source} holds in one tensor; shrink ${big.field === 'archOptions' ? 'the network' : big.field}` +
      `${big.field === 'batch' ? ' or archOptions.width' : ''} by about ${((4 * big.floats) / cap.bytes).toFixed(1)}×`,
  );
}
