import * as tf from '@tensorflow/tfjs';
import { ConfigError, pdeOf, type ExperimentConfig } from './config';
import { flatten } from './diagnostics/alignment';
import { paramGrads } from './grads';
import { termLosses, termResidual, termStreams } from './loss';
import { AdaptiveSampler } from './adaptive-sampling';
import { constrainNetwork, hardConstraintOf } from './hard-constraints';
import { architectures, countParams, type Network } from './nets';
import type { NamedArray } from './io/safetensors';
import { learningRate, optimizers, Stateful, withOptimizer, type UpdateExtras } from './optim';
import { containerFromHost, containerToHost, layoutProblems } from './optim/container';
import { residualSampleMoments } from './optim/residual-moments';
import { initialValueTerm, type Pde } from './pdes';
import { createRng, type Rng } from './rng';
import { stateProblems, type TrainerState } from './trainer-state';
import { assignWeights, listed, weightProblems, type WeightArray } from './weights';
import { sampleTerm, type PointBatch } from './sampling';
import { evaluateOn, evaluationTarget, type Evaluation, type EvaluationTarget } from './evaluation';

export type { Evaluation } from './evaluation';
export type { TrainerState } from './trainer-state';

/** What a host read of the last step found. */
export interface Checkpoint {
  step: number;
  losses: Record<string, number>;
  /** The loss weights in force. */
  weights: Record<string, number>;
  /** The weighted total Σ w_i L_i. */
  loss: number;
  /** Causal weights of the residual's time chunks (earliest first), when causal training is on. */
  causal?: number[];
  /** True when a loss or a weight went NaN/Inf; the weights were rolled back. */
  diverged: boolean;
  /** The learning rate the last step used (schedule applied). */
  lr?: number;
  /**
   * A host optimizer's own readings of its last iteration, e.g. Newton's `newton.lambdaMin`,
   * `newton.lambdaMax` (extreme Hessian eigenvalues where the step started) and `newton.mu`.
   */
  optimizer?: Record<string, number>;
}

/** Raised to the caller's attention by `checkpoint()` when training diverges. */
export class DivergenceError extends Error {
  constructor(
    public readonly step: number,
    public readonly lastGoodStep: number,
    detail: string,
  ) {
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
  /** Seed state of the fixed batch of the host optimizers that need one (Newton). */
  private readonly fixedSeed: ReturnType<Rng['getState']>;
  private fixed: Record<string, PointBatch> | null = null;
  /** Diagnostics and balancing draw their batches here, so they never shift training's. */
  readonly probeRng: Rng;
  private lossWeights: number[];
  /** Flattened total gradient and update of the last captured steps (oldest first). */
  private dirs: { grad: tf.Tensor1D; update: tf.Tensor1D; step: number }[] = [];
  private readonly streams: Record<string, string[]>;
  private lastLosses: tf.Tensor1D | null = null;
  private lastCausal: tf.Tensor1D | null = null;
  private lastGood: { step: number; weights: tf.Tensor[]; optState: tf.TensorContainer } | null = null;
  private grid: EvaluationTarget | null = null;
  /** Residual-based adaptive sampling of `res` (config `sampling`), or null when uniform. */
  private readonly adaptive: AdaptiveSampler | null;
  /** The batches of the last step (host arrays), for the collocation-points panel. */
  private lastBatches: Record<string, PointBatch> | null = null;
  /** The host optimizer's readings of its last iteration (see `Checkpoint.optimizer`). */
  private hostReadings: Record<string, number> | undefined;

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
  private initialised = false;

  /**
   * One-time asynchronous set-up before the first step (idempotent; `trainFor` calls it):
   * the architecture's physics-informed initialisation (PirateNet fits its output layer to
   * the initial condition by least squares, taking the `ic` term's aux columns as u₀ per
   * output) and the evaluation target (reference solutions may take a moment).
   */
  async prepare(): Promise<void> {
    if (this.prepared) return;
    this.prepared = true;
    const icName = initialValueTerm(this.pde);
    const ic = icName === undefined ? undefined : this.pde.terms[icName];
    const init = !this.initialised && this.stepCount === 0;
    this.initialised = true;
    if (this.net.leastSquaresInit && ic?.aux && init) {
      const n = Math.max(this.config.batch, 4 * this.paramCount ** 0.5, 512);
      const b = sampleTerm(this.pde, icName!, this.config.params, this.probeRng, Math.ceil(n));
      const nOut = this.pde.outputs.length;
      const targets = new Float32Array(b.n * nOut);
      for (let i = 0; i < b.n; i++) for (let k = 0; k < nOut; k++) targets[i * nOut + k] = b.aux[k][i];
      const x = tf.tensor2d(b.x, [b.n, this.pde.axes.length]);
      await this.net.leastSquaresInit(x, targets);
      x.dispose();
      this.saveGood();
    }
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
   * (diagnostics, balancing, L-BFGS) stay uniform.
   */
  sample(rng: Rng = this.sampler, n = this.config.batch): Record<string, PointBatch> {
    const { pde, config } = this;
    const adaptive = rng === this.sampler ? this.adaptive : null;
    return Object.fromEntries(
      this.termNames.map((t) => [
        t,
        t === adaptive?.term ? adaptive.batch(rng, n) : sampleTerm(pde, t, config.params, rng, n),
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
    const a = this.adaptive;
    if (!a || !a.due(this.stepCount)) return;
    const cand = a.candidates(this.sampler);
    const mag = tf.tidy(() => {
      const r = termResidual(this.net, this.pde, this.config.params, a.term, cand, this.streams[a.term]);
      return tf.sqrt(tf.sum(tf.square(r), 1));
    });
    const absR = await mag.data();
    mag.dispose();
    a.refresh(this.stepCount, cand, absR, this.sampler);
  }

  /** Current loss weights aligned with `termNames` (fixed, or set by loss balancing). */
  get weights(): number[] {
    return this.lossWeights.slice();
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
    const [a, b] = this.dirs;
    if (!a || !b || b.step !== a.step + 1 || b.step !== this.stepCount - 1) return null;
    return { grads: [a.grad, b.grad], updates: [a.update, b.update] };
  }

  /** Whether step index `s` (0-based) is one of the two before a diagnostics point. */
  private captures(s: number): boolean {
    const every = this.config.diagnostics.every;
    return every > 0 && this.config.diagnostics.kinds.includes('align') && (every === 1 || (s + 2) % every < 2);
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
    const capture = this.captures(this.stepCount);
    const updates = this.opt.apply(gradList, capture, extras);
    if (extras?.sampleMoments)
      tf.dispose([...extras.sampleMoments.mean, ...extras.sampleMoments.sq].filter((t): t is tf.Tensor => t !== null));
    if (updates) {
      this.dirs.push({ grad: flatten(gradList), update: flatten(updates), step: this.stepCount });
      tf.dispose(updates);
      while (this.dirs.length > 2) {
        const d = this.dirs.shift()!;
        tf.dispose([d.grad, d.update]);
      }
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
    const weights = Object.fromEntries(this.termNames.map((t, i) => [t, this.lossWeights[i]]));
    const causal = this.config.causal.enabled ? this.lastCausal : null;
    return {
      sampleMoments: residualSampleMoments({
        net: this.net,
        pde: this.pde,
        params: this.config.params,
        batches,
        streams: this.streams,
        weights,
        causal,
      }),
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
  private saveGood(): void {
    this.disposeGood();
    this.lastGood = {
      step: this.stepCount,
      weights: this.net.params.map((p) => tf.clone(p.variable)),
      optState: this.opt.snapshot(),
    };
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
    const weights = Object.fromEntries(this.termNames.map((t, i) => [t, this.lossWeights[i]]));
    if (!this.lastLosses) return { step: this.stepCount, losses: {}, weights, loss: NaN, diverged: false };
    const nParams = this.net.params.length;
    const probe = tf.tidy(() =>
      tf.concat([
        this.lastLosses!,
        tf.stack(this.net.params.map((p) => tf.sum(p.variable))),
        ...(this.lastCausal ? [this.lastCausal] : []),
      ]),
    );
    const all = await probe.data();
    probe.dispose();
    const n = this.termNames.length;
    const vals = all.subarray(0, n + nParams);
    const causal = all.length > n + nParams ? Array.from(all.subarray(n + nParams)) : undefined;
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
    const lr = learningRate(this.lr, this.config.schedule, Math.max(0, step - 1));
    const optimizer = this.hostReadings;
    return {
      step,
      losses,
      weights,
      loss,
      diverged,
      lr,
      ...(causal ? { causal } : {}),
      ...(optimizer ? { optimizer } : {}),
    };
  }

  /** Step of the weights `checkpoint()` last accepted (or restored). */
  get lastGoodStep(): number {
    return this.lastGood?.step ?? 0;
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

  /**
   * Weights by readable name, with shapes, read from the device into their own buffers; with
   * `frozen`, followed by the frozen tensors the forward pass reads (`Network.buffers`), so the
   * list determines the function (what weight files hold).
   */
  async exportWeights(frozen = false): Promise<NamedArray[]> {
    const list = frozen ? [...this.net.params, ...this.net.buffers] : this.net.params;
    // tfjs-cpu hands out its own buffers: copy, so the result may be kept or transferred
    return Promise.all(
      list.map(async (p) => ({
        name: p.name,
        shape: [...p.variable.shape],
        data: ((await p.variable.data()) as Float32Array).slice(),
      })),
    );
  }

  /**
   * Load weights by readable name (e.g. from an exported safetensors or JSON file). Every
   * parameter must be present with its exact shape and finite values; otherwise nothing is
   * changed and the error lists what is wrong (wrong architecture, wrong sizes, …). Frozen
   * tensors (`Network.buffers`) may be absent; when given they are checked and loaded too. The
   * optimizer state is kept; the loaded weights become the last good ones.
   */
  importWeights(tensors: readonly WeightArray[]): void {
    const problems = weightProblems(this.net.params, tensors, this.net.buffers);
    if (problems.length) {
      throw new Error(
        `weights do not fit this ${this.config.arch} network (${this.paramCount} parameters): ${listed(problems)}`,
      );
    }
    assignWeights(this.net.params, tensors, this.net.buffers);
    this.initialised = true; // imported weights are not re-fitted by the physics-informed init
    this.saveGood();
  }

  /**
   * A host snapshot of the training state (see `TrainerState`): weights and optimizer state
   * read from the device, everything else as it is now. Importing it into a Trainer with the
   * same config continues exactly the same trajectory.
   */
  async exportState(): Promise<TrainerState> {
    // the host parts first, so they belong to the same step as the reads started with them
    const host = {
      optimizerId: this.config.optimizer,
      step: this.stepCount,
      lr: this.lr,
      initialised: this.initialised,
      sampler: this.sampler.getState(),
      probe: this.probeRng.getState(),
      lossWeights: Object.fromEntries(this.termNames.map((t, i) => [t, this.lossWeights[i]])),
      ...(this.adaptive ? { sampling: this.adaptive.getState() } : {}),
    };
    const [weights, optimizer] = await Promise.all([this.exportWeights(), containerToHost(this.opt.current)]);
    return { ...host, weights, optimizer };
  }

  /**
   * Continue from a state `exportState` gave (from a Trainer with the same config, on any
   * backend). Everything is checked first — the optimizer id, the weights' names and shapes,
   * the optimizer state's layout (leaf by leaf), the loss-weight terms, the random streams —
   * and on any mismatch nothing changes and the error lists what is wrong. The imported state
   * becomes the last good one (for divergence rollback).
   */
  importState(s: TrainerState): void {
    const problems = weightProblems(this.net.params, s.weights ?? []);
    problems.unshift(...stateProblems(s, this.config.optimizer, this.termNames));
    if (this.adaptive) problems.push(...this.adaptive.stateProblems(s.sampling));
    else if (s.sampling) problems.push('sampling: the state has an adaptive sampler, this trainer samples uniformly');
    if (!problems.length)
      problems.push(...layoutProblems(s.optimizer, this.opt.current).map((p) => `optimizer state: ${p}`));
    if (problems.length) {
      throw new Error(
        `training state does not fit this ${this.config.arch} network (${this.paramCount} parameters) ` +
          `with ${this.config.optimizer}: ${listed(problems)}`,
      );
    }
    assignWeights(this.net.params, s.weights);
    const opt = containerFromHost(s.optimizer, this.opt.current);
    this.opt.restore(opt);
    tf.dispose(opt);
    this.sampler.setState(s.sampler);
    this.probeRng.setState(s.probe);
    this.adaptive?.setState(s.sampling);
    this.lossWeights = this.termNames.map((t) => s.lossWeights[t]);
    this.stepCount = s.step;
    this.lr = s.lr;
    this.initialised = s.initialised;
    this.lastLosses?.dispose();
    this.lastCausal?.dispose();
    this.lastLosses = this.lastCausal = null;
    this.dirs.forEach((d) => tf.dispose([d.grad, d.update]));
    this.dirs = [];
    this.saveGood();
  }

  dispose(): void {
    this.lastLosses?.dispose();
    this.lastCausal?.dispose();
    this.dirs.forEach((d) => tf.dispose([d.grad, d.update]));
    this.disposeGood();
    this.opt.dispose();
    this.net.dispose();
  }
}
