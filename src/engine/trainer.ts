import * as tf from '@tensorflow/tfjs';
import type { ExperimentConfig } from './config';
import { termLosses, termStreams } from './loss';
import { architectures, countParams, type Network } from './nets';
import { learningRate, optimizers, Stateful } from './optim';
import { pdes, type Pde } from './pdes';
import { createRng, type Rng } from './rng';
import { evaluationGrid, productGrid, relativeL2, sampleTerm, type PointBatch } from './sampling';

/** The solution on the evaluation grid and its error. */
export interface Evaluation {
  step: number;
  relL2: number;
  /** Prediction [N × nOut], row-major over the grid (first axis slowest). */
  pred: Float32Array;
  /** Exact solution on the same grid. */
  exact: Float32Array;
  ticks: number[][];
}

/** What a host read of the last step found. */
export interface Checkpoint {
  step: number;
  losses: Record<string, number>;
  /** The weighted total Σ w_i L_i. */
  loss: number;
  /** True when a loss or a weight went NaN/Inf; the weights were rolled back. */
  diverged: boolean;
}

/** Raised to the caller's attention by `checkpoint()` when training diverges. */
export class DivergenceError extends Error {
  constructor(public readonly step: number, public readonly lastGoodStep: number, detail: string) {
    super(`training diverged at step ${step} (${detail}); weights restored to step ${lastGoodStep}`);
    this.name = 'DivergenceError';
  }
}

/**
 * Trains one PINN: fresh seeded collocation batches per step, the composite loss
 * Σ_i w_i mean(r_i²) over the PDE's named terms with residuals computed on derivative jets,
 * one reverse pass for the parameter gradients, and an optax-style optimizer.
 * `step()` never reads from the device; `checkpoint()` does, every `logEvery` steps.
 */
export class Trainer {
  readonly pde: Pde;
  readonly net: Network;
  readonly termNames: string[];
  stepCount = 0;
  private lr: number;
  private readonly opt: Stateful;
  private readonly sampler: Rng;
  private readonly streams: Record<string, string[]>;
  private lastLosses: tf.Tensor1D | null = null;
  private lastGood: { step: number; weights: tf.Tensor[]; optState: tf.TensorContainer } | null = null;
  private grid: { x: Float32Array; n: number; ticks: number[][]; values: Float32Array } | null = null;

  constructor(readonly config: ExperimentConfig) {
    this.pde = pdes[config.pde];
    const seeds = createRng(config.seed);
    const initRng = seeds.fork();
    this.sampler = seeds.fork();
    const arch = architectures[config.arch];
    const periodic = this.pde.periodic ? { periods: this.pde.periodic } : undefined;
    this.net = arch.create(config.archOptions, { axes: this.pde.axes, outputDim: this.pde.outputs.length, periodic, rng: initRng });
    this.termNames = Object.keys(this.pde.terms);
    this.streams = termStreams(this.pde);
    this.lr = config.lr;
    const transform = optimizers[config.optimizer].create(config.optimizerOptions as never, () =>
      learningRate(this.lr, config.schedule, this.stepCount),
    );
    this.opt = new Stateful(transform, this.net.params.map((p) => p.variable));
    this.saveGood();
  }

  /** Number of trainable scalars. */
  get paramCount(): number {
    return countParams(this.net);
  }

  /** Change the base learning rate (takes effect at the next step). */
  setLearningRate(lr: number): void {
    this.lr = lr;
  }

  /** The learning rate the schedule gives for the next step. */
  get currentLearningRate(): number {
    return learningRate(this.lr, this.config.schedule, this.stepCount);
  }

  /** Fresh seeded batches for every loss term. */
  private sample(): Record<string, PointBatch> {
    const { pde, config } = this;
    return Object.fromEntries(this.termNames.map((t) => [t, sampleTerm(pde, t, config.params, this.sampler, config.batch)]));
  }

  /** Loss weights aligned with `termNames`. */
  get weights(): number[] {
    return this.termNames.map((t) => this.config.lossWeights[t] ?? 1);
  }

  /** One optimisation step on fresh collocation batches. */
  step(): void {
    const vars = this.net.params.map((p) => p.variable);
    const batches = this.sample();
    const w = tf.tensor1d(this.weights);
    let losses: tf.Tensor1D | null = null;
    const { value, grads } = tf.variableGrads(() => {
      losses = tf.keep(termLosses(this.net, this.pde, this.config.params, this.termNames, batches, this.streams));
      return tf.sum(tf.mul(losses, w)) as tf.Scalar;
    }, vars);
    tf.dispose([w, value]);
    const gradList = vars.map((v) => grads[v.name] ?? tf.zerosLike(v)); // no path → zero gradient
    this.opt.apply(gradList);
    tf.dispose(gradList);
    this.lastLosses?.dispose();
    this.lastLosses = losses;
    this.stepCount++;
  }

  /** Remember the current weights and optimizer state as the last good ones. */
  private saveGood(): void {
    this.disposeGood();
    this.lastGood = { step: this.stepCount, weights: this.net.params.map((p) => tf.clone(p.variable)), optState: this.opt.snapshot() };
  }

  private disposeGood(): void {
    if (!this.lastGood) return;
    tf.dispose(this.lastGood.weights);
    tf.dispose(this.lastGood.optState);
  }

  /**
   * Read the last step's losses and check that losses and weights are finite. On success the
   * current weights and optimizer state become the last good ones; on NaN/Inf both roll back
   * to them, the step count too, and `diverged` is true (the caller should stop and explain).
   */
  async checkpoint(): Promise<Checkpoint> {
    if (!this.lastLosses) return { step: this.stepCount, losses: {}, loss: NaN, diverged: false };
    const probe = tf.tidy(() => tf.concat([this.lastLosses!, tf.stack(this.net.params.map((p) => tf.sum(p.variable)))]));
    const vals = await probe.data();
    probe.dispose();
    const n = this.termNames.length;
    const losses = Object.fromEntries(this.termNames.map((t, i) => [t, vals[i]]));
    const loss = this.weights.reduce((s, w, i) => s + w * vals[i], 0);
    const diverged = !Array.from(vals).every(Number.isFinite);
    const step = this.stepCount;
    if (diverged) {
      const good = this.lastGood!;
      this.net.params.forEach((p, i) => p.variable.assign(good.weights[i]));
      this.opt.restore(good.optState);
      this.stepCount = good.step;
      this.lastLosses?.dispose();
      this.lastLosses = null;
    } else if (vals.length > n) this.saveGood();
    return { step, losses, loss, diverged };
  }

  /** Step of the weights `checkpoint()` last accepted (or restored). */
  get lastGoodStep(): number {
    return this.lastGood?.step ?? 0;
  }

  /**
   * The evaluation grid and the solution on it: the PDE's numerical reference when it has
   * one, else its exact solution on `pde.grid`. Computed once per trainer.
   */
  private async target(): Promise<{ x: Float32Array; n: number; ticks: number[][]; values: Float32Array }> {
    if (this.grid) return this.grid;
    const { pde } = this;
    if (pde.reference) {
      const ref = await pde.reference(this.config.params);
      this.grid = { ...productGrid(ref.ticks), values: ref.values };
    } else if (pde.exact) {
      const g = evaluationGrid(pde);
      const d = pde.axes.length;
      const nOut = pde.outputs.length;
      const values = new Float32Array(g.n * nOut);
      for (let i = 0; i < g.n; i++) {
        const u = pde.exact(Array.from(g.x.subarray(i * d, i * d + d)), this.config.params);
        for (let k = 0; k < nOut; k++) values[i * nOut + k] = u[k];
      }
      this.grid = { ...g, values };
    } else throw new Error(`${pde.id} has neither an exact nor a reference solution`);
    return this.grid;
  }

  /** Predict on the evaluation grid and compare with the exact or reference solution. */
  async evaluate(): Promise<Evaluation> {
    const { x, n, ticks, values } = await this.target();
    const out = tf.tidy(() => this.net.forward(tf.tensor2d(x, [n, this.pde.axes.length])));
    const pred = (await out.data()) as Float32Array;
    out.dispose();
    return { step: this.stepCount, relL2: relativeL2(pred, values), pred, exact: values, ticks };
  }

  /** Weights by readable name, with shapes, read from the device. */
  async exportWeights(): Promise<{ name: string; shape: number[]; data: Float32Array }[]> {
    return Promise.all(this.net.params.map(async (p) => ({ name: p.name, shape: p.variable.shape, data: (await p.variable.data()) as Float32Array })));
  }

  dispose(): void {
    this.lastLosses?.dispose();
    this.disposeGood();
    this.opt.dispose();
    this.net.dispose();
  }
}
