import { adamDefaults, scaleByAdam, scaleByLearningRate, type AdamOptions } from './adam';
import { addDecayedWeights, adamwDefaults, type AdamwOptions } from './adamw';
import { sgdDefaults, trace, type SgdOptions } from './sgd';
import { scaleBySoap, soapDefaults, type SoapOptions } from './soap';
import { chain, type Transform } from './transform';

export { Stateful, chain, type Transform } from './transform';
export { learningRate, constantSchedule, type ScheduleOptions } from './schedule';

/** Hyperparameters per optimizer id (the learning rate is common and kept apart). */
export interface OptimizerOptions {
  adam: AdamOptions;
  adamw: AdamwOptions;
  sgd: SgdOptions;
  soap: SoapOptions;
}

/** An optimizer id. */
export type OptimizerId = keyof OptimizerOptions;

interface OptimizerEntry<K extends OptimizerId> {
  label: string;
  defaults: OptimizerOptions[K];
  /** The full transform, learning-rate scaling included, reading η from `lr()`. */
  create(opts: OptimizerOptions[K], lr: () => number): Transform;
}

/** Optimizers by id. */
export const optimizers: { [K in OptimizerId]: OptimizerEntry<K> } = {
  adam: {
    label: 'Adam',
    defaults: adamDefaults,
    create: (o, lr) => chain(scaleByAdam(o), scaleByLearningRate(lr)),
  },
  adamw: {
    label: 'AdamW',
    defaults: adamwDefaults,
    create: (o, lr) => chain(scaleByAdam(o), addDecayedWeights(o.weightDecay), scaleByLearningRate(lr)),
  },
  sgd: {
    label: 'SGD (momentum)',
    defaults: sgdDefaults,
    create: (o, lr) => chain(trace(o), scaleByLearningRate(lr)),
  },
  soap: {
    label: 'SOAP',
    defaults: soapDefaults,
    create: (o, lr) => chain(scaleBySoap(o), scaleByLearningRate(lr)),
  },
};

/** The ids, for menus and CLI validation. */
export const optimizerIds = Object.keys(optimizers) as OptimizerId[];
