import * as tf from '@tensorflow/tfjs';
import { own } from './schema/option';
import { ConfigError, pdeOf, type ExperimentConfig } from './config';
import { LastGood } from './checkpoint';
import { StepDirections } from './directions';
import { refreshAdaptive } from './adaptive-refresh';
import { fitInitialCondition } from './initial-fit';
import { paramGrads } from './grads';
import { termLosses, termStreams } from './loss';
import { AdaptiveSampler } from './adaptive-sampling';
import { constrainNetwork, hardConstraintOf } from './hard-constraints';
import { architectures, countParams, type Network } from './nets';
import { learningRate, optimizers, Stateful, withOptimizer, type UpdateExtras } from './optim';
import { residualSampleMoments } from './optim/residual-moments';
import type { Pde } from './pdes';
import { createRng, type Rng } from './rng';
import { sampleTerm, type PointBatch } from './sampling';
import { evaluateOn, evaluationTarget, type Evaluation, type EvaluationTarget } from './evaluation';

/**
 * The part of a Trainer that takes steps: the network, the optimizer, the seeded collocation
 * streams, the composite loss on derivative jets, the one-time preparation and the evaluation.
 * `Trainer` (trainer.ts) adds checkpoints with divergence rollback and the weights and training
 * state it exports and imports; use that.
 */
export class TrainerCore {
  readonly pde: Pde;
  readonly net: Network;
  readonly termNames: string[];
  stepCount = 0;
  protected lr: number;
  protected readonly opt: Stateful;
  protected readonly sampler: Rng;
  /** Seed state of the fixed batch of the host optimizers that need one (Newton). */
  private readonly fixedSeed: ReturnType<Rng['getState']>;
  private fixed: Record<string, PointBatch> | null = null;
  /** Diagnostics and balancing draw their batches here, so they never shift training's. */
  readonly probeRng: Rng;
  protected lossWeights: number[];
  /** Flattened total gradient and update of the last captured steps (inter-step alignment). */
  protected readonly directions: StepDirections;
  private readonly streams: Record<string, string[]>;
  protected lastLosses: tf.Tensor1D | null = null;
  protected lastCausal: tf.Tensor1D | null = null;
  protected readonly good: LastGood;
  private grid: EvaluationTarget | null = null;
  /** Residual-based adaptive sampling of `res` (config `sampling`), or null when uniform. */
  protected readonly adaptive: AdaptiveSampler | null;
  /** The batches of the last step (host arrays), for the collocation-points panel. */
  private lastBatches: Record<string, PointBatch> | null = null;
  /** The host optimizer's readings of its last iteration (see `Checkpoint.optimizer`). */
  protected hostReadings: Record<string, number> | undefined;

  constructor(readonly config: ExperimentConfig) {
    const full = pdeOf(config);
    const hard = config.hardConstraints ? hardConstraintOf(full) : undefined;
    // with hard constraints the imposed terms are not loss terms at all
    this.pde = hard
      ? { ...full, terms: Object.fromEntries(Object.entries(full.terms).filter(([t]) => !hard.terms.includes(t))) }
      : full;
    const seeds = createRng(config.seed);
    const initRng = seeds.fork();
    this.sampler = seeds.fork();
    this.probeRng = seeds.fork();
    this.fixedSeed = seeds.fork().getState();
    const arch = architectures[config.arch];
    const periodic = this.pde.periodic ? { periods: this.pde.periodic } : undefined;
    const raw = arch.create(config.archOptions, {
      axes: this.pde.axes,
      outputDim: this.pde.outputs.length,
      periodic,
      domain: this.pde.domain,
      rng: initRng,
    });
    this.net = hard ? constrainNetwork(raw, this.pde, hard, config.params) : raw;
    this.adaptive =
      config.sampling.method === 'uniform' ? null : new AdaptiveSampler(this.pde, config.params, config.sampling);
    this.termNames = Object.keys(this.pde.terms);
    this.streams = termStreams(this.pde);
    this.lr = config.lr;
    this.lossWeights = this.termNames.map((t) => config.lossWeights[t] ?? 1);
    const transform = withOptimizer(config, (entry, o) =>
      entry.create(o, () => learningRate(this.lr, config.schedule, this.stepCount)),
    );
    this.opt = new Stateful(
      transform,
      this.net.params.map((p) => p.variable),
    );
    this.good = new LastGood(this.net.params, this.opt);
    this.directions = new StepDirections(config.diagnostics);
    const cap = config.optimizer === 'newton' ? config.optimizerOptions.maxParams : Infinity;
    if (this.paramCount > cap) {
      this.dispose();
      throw new ConfigError(
        `optimizer: newton builds a dense ${this.paramCount} × ${this.paramCount} Hessian (2n gradients and an ` +
          `O(n³) eigensolve per step); this network has ${this.paramCount} parameters, ` +
          `more than optimizerOptions.maxParams = ${cap}. ` +
          'Use a tiny network (e.g. depth 1, width 10) or another optimizer.',
      );
    }
    this.saveGood();
  }

  /**
   * One fixed batch per term (`config.batch` points) drawn from its own seeded stream, the same
   * for the trainer's whole life and after a state import: the deterministic objective of the
   * host optimizers that need one (Newton).
   */
  fixedBatch(): Record<string, PointBatch> {
    if (!this.fixed) {
      const rng = createRng(0);
      rng.setState(this.fixedSeed);
      this.fixed = this.sample(rng);
    }
    return this.fixed;
  }

  private prepared = false;
  /** The physics-informed initialisation has run (or was imported with a state). */
  protected initialised = false;

  /**
   * One-time asynchronous set-up before the first step (idempotent; `trainFor` calls it):
   * the architecture's physics-informed initialisation (PirateNet fits its output layer to
   * the initial condition by least squares, taking the `ic` term's aux columns as u₀ per
   * output) and the evaluation target (reference solutions may take a moment).
   */
  async prepare(): Promise<void> {
    if (this.prepared) return;
    this.prepared = true;
    const init = !this.initialised && this.stepCount === 0;
    this.initialised = true;
    if (init && (await fitInitialCondition(this))) this.saveGood();
    await this.target();
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

  /**
   * Fresh seeded batches for every loss term (from the training stream, or `rng`). The training
   * stream's `res` batch comes from the adaptive sampler when one is configured; probes
   * (diagnostics, balancing, L-BFGS) stay uniform. Without `n` each term has its training size
   * (`termBatch`, else `batch`); an explicit `n` applies to every term.
   */
  sample(rng: Rng = this.sampler, n?: number): Record<string, PointBatch> {
    const { pde, config } = this;
    const adaptive = rng === this.sampler ? this.adaptive : null;
    const sizeOf = (t: string) => n ?? own(config.termBatch, t) ?? config.batch;
    return Object.fromEntries(
      this.termNames.map((t) => [
        t,
        t === adaptive?.term ? adaptive.batch(rng, sizeOf(t)) : sampleTerm(pde, t, config.params, rng, sizeOf(t)),
      ]),
    );
  }

  /** The collocation points of the last step by term (host copies' views; null before a step). */
  get collocation(): Readonly<Record<string, PointBatch>> | null {
    return this.lastBatches;
  }

  /**
   * Refresh the adaptive sampler when due: residual magnitudes |r| (2-norm over residual
   * columns) on a fresh candidate set from the training stream, read from the device.
   */
  private async resample(): Promise<void> {
    if (!this.adaptive) return;
    const model = { net: this.net, pde: this.pde, params: this.config.params, streams: this.streams };
    await refreshAdaptive(this.adaptive, model, this.sampler, this.stepCount);
  }

  /** Current loss weights aligned with `termNames` (fixed, or set by loss balancing). */
  get weights(): number[] {
    return this.lossWeights.slice();
  }

  /** The loss weights in force by term name. */
  protected get weightsByTerm(): Record<string, number> {
    return Object.fromEntries(this.termNames.map((t, i) => [t, this.lossWeights[i]]));
  }

  /** Replace the loss weights (loss balancing). */
  setLossWeights(ws: readonly number[]): void {
    if (ws.length !== this.termNames.length || !ws.every((w) => Number.isFinite(w) && w >= 0)) {
      throw new Error(
        `loss weights must be ${this.termNames.length} finite non-negative numbers, got [${ws.join(', ')}]`,
      );
    }
    this.lossWeights = ws.slice();
  }

  /** Trainable variables in parameter order. */
  get vars(): tf.Variable[] {
    return this.net.params.map((p) => p.variable);
  }

  /**
   * Unweighted per-term losses [nTerms] on given batches (inside a tidy or gradient scope),
   * with causal weighting of `res` when configured; `causalSink` receives its weights.
   */
  lossesOn(
    batches: Record<string, PointBatch>,
    terms: readonly string[] = this.termNames,
    causalSink?: (w: tf.Tensor1D) => void,
  ): tf.Tensor1D {
    const { causal } = this.config;
    const c = causal.enabled ? { eps: causal.eps, chunks: causal.chunks, sink: causalSink } : undefined;
    return termLosses(this.net, this.pde, this.config.params, terms, batches, this.streams, c);
  }

  /** The derivative streams loss term `term` carries. */
  streamsOf(term: string): string[] {
    return this.streams[term];
  }

  /**
   * The flattened total gradient and optimizer update of the two most recent captured
   * consecutive steps (for inter-step alignment), or null if not captured.
   */
  lastDirections(): { grads: [tf.Tensor1D, tf.Tensor1D]; updates: [tf.Tensor1D, tf.Tensor1D] } | null {
    return this.directions.last(this.stepCount);
  }

  /**
   * The asynchronous work between steps: the optimizer's (SOAP's eigenbases on WebGPU, read from
   * the device without blocking it) and the adaptive sampler's refresh when due. Loops call it
   * before each `step()`; a step without it is still correct (the optimizer falls back to device
   * work, the sampler keeps its last distribution, uniform before the first).
   */
  async settle(): Promise<void> {
    await this.opt.settle();
    await this.resample();
  }

  /** One optimisation step on fresh collocation batches (not for host optimizers: use `trainFor`). */
  step(): void {
    if (optimizers[this.config.optimizer].host)
      throw new Error(`${this.config.optimizer} is a host optimizer: train it with trainFor`);
    const vars = this.net.params.map((p) => p.variable);
    const batches = this.sample();
    this.lastBatches = batches;
    const w = tf.tensor1d(this.lossWeights);
    let losses: tf.Tensor1D | null = null;
    const { value, grads: gradList } = paramGrads(vars, () => {
      losses = tf.keep(
        this.lossesOn(batches, this.termNames, (w) => {
          this.lastCausal?.dispose();
          this.lastCausal = w;
        }),
      );
      return tf.sum(tf.mul(losses, w)) as tf.Scalar;
    });
    tf.dispose([w, value]);
    const extras = this.stepExtras(batches);
    const capture = this.directions.captures(this.stepCount);
    const updates = this.opt.apply(gradList, capture, extras);
    if (extras?.sampleMoments)
      tf.dispose([...extras.sampleMoments.mean, ...extras.sampleMoments.sq].filter((t): t is tf.Tensor => t !== null));
    if (updates) {
      this.directions.push(gradList, updates, this.stepCount);
      tf.dispose(updates);
    }
    tf.dispose(gradList);
    this.lastLosses?.dispose();
    this.lastLosses = losses;
    this.stepCount++;
  }

  /** The optimizer's current state (read-only; e.g. `layerSampleVariance` reads PDE-aware's). */
  get optimizerState(): tf.TensorContainer {
    return this.opt.current;
  }

  /**
   * The optimizer's extra inputs for this step, computed only when its registry entry asks:
   * the per-sample residual-gradient moments (PDE-aware) on the step's own batches, with this
   * step's loss weights and causal weights. Caller disposes.
   */
  private stepExtras(batches: Record<string, PointBatch>): UpdateExtras | undefined {
    if (!optimizers[this.config.optimizer].needsSampleMoments) return undefined;
    const { net, pde, streams, weightsByTerm: weights } = this;
    const causal = this.config.causal.enabled ? this.lastCausal : null;
    return {
      sampleMoments: residualSampleMoments({ net, pde, params: this.config.params, batches, streams, weights, causal }),
    };
  }

  /**
   * Count one step taken by a host optimizer (L-BFGS) that has already set the weights, and
   * record the per-term losses on its batches for the next `checkpoint()`.
   */
  recordHostStep(batches: Record<string, PointBatch>, readings?: Record<string, number>): void {
    this.hostReadings = readings;
    this.lastLosses?.dispose();
    this.lastLosses = tf.tidy(() => this.lossesOn(batches));
    this.stepCount++;
  }

  /** Remember the current weights and optimizer state as the last good ones. */
  protected saveGood(): void {
    this.good.save(this.stepCount);
  }

  /** The evaluation grid and target values (computed once per trainer). */
  private async target(): Promise<EvaluationTarget> {
    this.grid ??= await evaluationTarget(this.pde, this.config.params);
    return this.grid;
  }

  /** Predict on the evaluation grid and compare with the exact or reference solution. */
  async evaluate(): Promise<Evaluation> {
    return evaluateOn(this.net, this.pde, this.config.params, await this.target(), this.stepCount);
  }

  dispose(): void {
    this.lastLosses?.dispose();
    this.lastCausal?.dispose();
    this.directions.clear();
    this.good.dispose();
    this.opt.dispose();
    this.net.dispose();
  }
}
