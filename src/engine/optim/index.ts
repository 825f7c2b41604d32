import type { OptimizerChoice } from '../schema/choice';
import type { OptionsEntry } from '../schema/option';
import { adamDefaults, adamSchema, scaleByAdam, scaleByLearningRate, type AdamOptions } from './adam';
import { addDecayedWeights, adamwDefaults, adamwSchema, type AdamwOptions } from './adamw';
import { muonDefaults, muonSchema, scaleByMuon, type MuonOptions } from './muon';
import { pdeAwareDefaults, pdeAwareSchema, scaleByPdeAware, type PdeAwareOptions } from './pde_aware';
import { sgdDefaults, sgdSchema, trace, type SgdOptions } from './sgd';
import { scaleBySoap, soapDefaults, soapSchema, type SoapOptions } from './soap';
import { newtonTrainDefaults, newtonTrainSchema, type NewtonTrainOptions } from './newton';
import { chain, type Transform } from './transform';
import * as tf from '@tensorflow/tfjs';

export { optimizerChoice, type OptimizerChoice } from '../schema/choice';
export { Stateful, chain, type Transform, type UpdateExtras, type SampleMoments } from './transform';
export { learningRate, constantSchedule, scheduleSchema, type ScheduleOptions } from './schedule';

/** Hyperparameters per optimizer id (the learning rate is common and kept apart). */
export interface OptimizerOptions {
  adam: AdamOptions;
  adamw: AdamwOptions;
  sgd: SgdOptions;
  soap: SoapOptions;
  pde_aware: PdeAwareOptions;
  muon: MuonOptions;
  newton: NewtonTrainOptions;
}

/** An optimizer id. */
export type OptimizerId = keyof OptimizerOptions;

export interface OptimizerEntry<K extends OptimizerId> extends OptionsEntry<OptimizerOptions[K]> {
  /** The full transform, learning-rate scaling included, reading η from `lr()`. */
  create(opts: OptimizerOptions[K], lr: () => number): Transform;
  /**
   * The transform reads `UpdateExtras.sampleMoments` (per-sample squared PDE-residual
   * gradients), so the trainer computes them each step; absent = plain gradients suffice.
   */
  needsSampleMoments?: boolean;
  /**
   * A host optimizer (exact-Hessian Newton): it needs the loss itself, not one gradient per step,
   * so `trainFor` runs it as a host phase (host-phase.ts) and `create` is only a placeholder.
   */
  host?: boolean;
}

/** Optimizers by id. */
export const optimizers: { [K in OptimizerId]: OptimizerEntry<K> } = {
  adam: {
    label: 'Adam',
    schema: adamSchema,
    defaults: adamDefaults,
    create: (o, lr) => chain(scaleByAdam(o), scaleByLearningRate(lr)),
  },
  adamw: {
    label: 'AdamW',
    schema: adamwSchema,
    defaults: adamwDefaults,
    create: (o, lr) => chain(scaleByAdam(o), addDecayedWeights(o.weightDecay), scaleByLearningRate(lr)),
  },
  sgd: {
    label: 'SGD (momentum)',
    schema: sgdSchema,
    defaults: sgdDefaults,
    create: (o, lr) => chain(trace(o), scaleByLearningRate(lr)),
  },
  soap: {
    label: 'SOAP',
    schema: soapSchema,
    defaults: soapDefaults,
    create: (o, lr) => chain(scaleBySoap(o), scaleByLearningRate(lr)),
  },
  pde_aware: {
    label: 'PDE-aware',
    schema: pdeAwareSchema,
    defaults: pdeAwareDefaults,
    create: (o, lr) => chain(scaleByPdeAware(o), scaleByLearningRate(lr)),
    needsSampleMoments: true,
  },
  muon: {
    label: 'Muon',
    schema: muonSchema,
    defaults: muonDefaults,
    create: (o, lr) => chain(scaleByMuon(o), scaleByLearningRate(lr)),
  },
  newton: {
    label: 'Newton (exact Hessian, tiny nets)',
    schema: newtonTrainSchema,
    defaults: newtonTrainDefaults,
    create: () => ({
      init: () => ({}),
      update: (grads, state) => ({ updates: grads.map((g) => tf.zerosLike(g)), state }),
    }),
    host: true,
  },
};

/** The ids, for menus and CLI validation. */
export const optimizerIds = Object.keys(optimizers) as OptimizerId[];

/** Optimizer `c.optimizer`'s registry entry applied to `c`'s own hyperparameters. */
export function withOptimizer<R>(
  c: OptimizerChoice,
  f: <K extends OptimizerId>(entry: OptimizerEntry<K>, opts: OptimizerOptions[K]) => R,
): R {
  return f(optimizers[c.optimizer], c.optimizerOptions);
}
