import * as tf from '@tensorflow/tfjs';
import type { Checkpoint } from './checkpoint';
import type { NamedArray } from './io/safetensors';
import { learningRate } from './optim';
import { containerFromHost, containerToHost, layoutProblems } from './optim/container';
import { TrainerCore } from './trainer-core';
import { stateProblems, type TrainerState } from './trainer-state';
import { assignWeights, listed, weightProblems, type WeightArray } from './weights';

export type { Evaluation } from './evaluation';
export { DivergenceError, type Checkpoint } from './checkpoint';
export type { TrainerState } from './trainer-state';

/**
 * Trains one PINN: fresh seeded collocation batches per step, the composite loss
 * Σ_i w_i mean(r_i²) over the PDE's named terms with residuals computed on derivative jets,
 * one reverse pass for the parameter gradients, and an optax-style optimizer.
 * `step()` never reads from the device; `checkpoint()` does, every `logEvery` steps.
 */
export class Trainer extends TrainerCore {
  /**
   * Read the last step's losses and check that losses and weights are finite. On success the
   * current weights and optimizer state become the last good ones; on NaN/Inf both roll back
   * to them, the step count too, and `diverged` is true (the caller should stop and explain).
   */
  async checkpoint(): Promise<Checkpoint> {
    const weights = this.weightsByTerm;
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
      this.stepCount = this.good.restore();
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
    return this.good.step;
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
      lossWeights: this.weightsByTerm,
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
    this.directions.clear();
    this.saveGood();
  }
}
