/**
 * Human labels (with units and meaning) for the option names the engine uses. Options the
 * engine adds later still show, under their own name.
 */
const names: Record<string, string> = {
  depth: 'Hidden layers',
  width: 'Width (units per layer)',
  blocks: 'Residual blocks',
  activation: 'Activation',
  fourierSize: 'Fourier features (0 = off)',
  fourierSigma: 'Fourier scale σ',
  fourierTrainable: 'Train Fourier features',
  rwf: 'Random weight factorization',
  rwfMean: 'RWF mean μ',
  rwfStd: 'RWF std σ',
  piInit: 'Physics-informed init (least squares)',
  b1: 'β₁ (momentum)',
  b2: 'β₂ (second moment)',
  eps: 'ε',
  weightDecay: 'Weight decay λ',
  momentum: 'Momentum',
  nesterov: 'Nesterov (1 = on)',
  shampooBeta: 'Factor EMA β (−1 = β₂)',
  preconditionFrequency: 'Eigenbasis refresh (steps)',
  maxPrecondDim: 'Largest preconditioned axis',
  precondition1d: 'Precondition biases (1 = on)',
  solver: 'Eigenbasis solver',
  warmupSteps: 'Warmup (steps)',
  decayRate: 'Decay factor',
  decaySteps: 'Decay every (steps)',
  alpha: 'Update rate α',
  every: 'Every (steps)',
  hessIters: 'Hessian Lanczos iterations',
  ntkPoints: 'NTK probe points per term',
  nsSteps: 'Newton–Schulz iterations',
  cubic: 'Exact polar factor (cubic NS, 1 = on)',
  rms: 'Update RMS (Muon scale)',
  bins: 'Histogram bins',
  rgvSamples: 'Per-sample gradients (samples)',
};

/** The label for option `key`. */
export function optionLabel(key: string): string {
  return names[key] ?? key;
}

/** Options that are integers (for the number inputs' step and validation hint). */
const integers = new Set(['depth', 'width', 'blocks', 'fourierSize', 'preconditionFrequency', 'maxPrecondDim', 'precondition1d', 'nesterov',
  'warmupSteps', 'decaySteps', 'every', 'hessIters', 'bins', 'rgvSamples']);

/** Whether option `key` takes whole numbers. */
export function isInteger(key: string): boolean {
  return integers.has(key);
}
