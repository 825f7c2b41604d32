/**
 * The resource budget: an estimate of the memory one training step needs, checked before a
 * run is built, so that a config that would exhaust the wasm heap or a browser tab (a 16 × 512
 * PirateNet on Kuramoto–Sivashinsky, a 16 × 512 MLP at batch 65,536) is refused with a message
 * that says what to shrink, instead of dying minutes later with "memory access out of bounds".
 *
 * The model: the forward jets keep, per loss term, batch × streams values per hidden unit, and
 * the backward pass and the activation's Faà di Bruno products multiply that by a factor that
 * grows with the derivative order (6 + 4·order; calibrated on the fuzzing report's 4.4 GB for
 * PirateNet 16 × 512 on KS at batch 256, estimated here at 3.6 GB); parameters cost weights,
 * gradients and two moments (×4), SOAP's Kronecker factors and bases another ×4, per-sample
 * gradients (PDE-aware optimizer, residual-gradient variance) batch × parameters each.
 */
import type { BackendId } from './backend';
import type { ExperimentConfig } from './config';
import { withArch } from './nets';
import { optimizers } from './optim';
import type { Pde } from './pdes/types';
import { ConfigError } from './schema/check';
import { own } from './schema/option';

const GiB = 2 ** 30;

/** Memory one step may use, by backend (wasm: the 4 GiB heap less headroom; GPUs: a tab's share). */
export const memoryLimits: Record<BackendId, number> = { wasm: 3 * GiB, cpu: 3 * GiB, webgl: 2 * GiB, webgpu: 2 * GiB };

/** The limit `resolveConfig` checks when the backend is not known yet (the most common one). */
export const defaultMemoryLimit = memoryLimits.wasm;

/** Streams a term's jets carry: the value and every derivative with its lower orders (u_xxxx needs x, xx, xxx). */
export function termStreams(derivs: readonly string[]): { streams: number; order: number } {
  const keys = new Set<string>();
  for (const d of derivs) for (let i = 1; i <= d.length; i++) keys.add([...d.slice(0, i)].sort().join(''));
  return { streams: 1 + keys.size, order: Math.max(0, ...derivs.map((d) => d.length)) };
}

/** An estimate of one step's memory in bytes, and the parts it is made of. */
export function estimateStepBytes(
  config: ExperimentConfig,
  pde: Pick<Pde, 'terms' | 'axes' | 'outputs'>,
): { bytes: number; params: number; units: number } {
  const size = withArch(config, (entry, o) => entry.size(o, pde.axes.length, pde.outputs.length));
  const { units } = size;
  // random weight factorization adds one scale per output unit of every dense layer
  const params = size.params + (config.archOptions.rwf ? units + pde.outputs.length : 0);
  let activations = 0;
  for (const [name, term] of Object.entries(pde.terms)) {
    const { streams, order } = termStreams(term.derivs);
    activations += (own(config.termBatch, name) ?? config.batch) * streams * units * (6 + 4 * order);
  }
  const soap = config.optimizer === 'soap' ? 4 : 0;
  const perSample = optimizers[config.optimizer].needsSampleMoments ? 2 * config.batch : 0;
  const rgv =
    config.diagnostics.every > 0 && config.diagnostics.kinds.includes('rgv') ? config.diagnostics.rgvSamples : 0;
  const lbfgs = config.lbfgs.from >= 0 ? 2 * config.lbfgs.history + 4 : 0;
  const floats = activations + params * (4 + soap + perSample + rgv + lbfgs);
  return { bytes: 4 * floats, params, units };
}

const gib = (b: number) => `${(b / GiB).toFixed(b < GiB ? 2 : 1)} GiB`;

/**
 * Throw a ConfigError when `config` needs more than `limit` bytes per step, saying what to
 * shrink (the batch, the network's width and depth) and by about how much.
 */
export function checkBudget(
  config: ExperimentConfig,
  pde: Pick<Pde, 'terms' | 'axes' | 'outputs'>,
  limit = defaultMemoryLimit,
  backend = 'this backend',
): void {
  const { bytes, params } = estimateStepBytes(config, pde);
  if (bytes <= limit) return;
  const depth =
    config.arch === 'pirate_net' ? `blocks ${config.archOptions.blocks}` : `depth ${config.archOptions.depth}`;
  const size = `${depth}, width ${config.archOptions.width}`;
  throw new ConfigError(
    `batch: this experiment needs about ${gib(bytes)} per step (limit ${gib(limit)} on ${backend}): ` +
      `shrink the batch (now ${config.batch}) or the network (${size}, ${params.toLocaleString('en')} parameters) ` +
      `by about ${(bytes / limit).toFixed(1)}×`,
  );
}
