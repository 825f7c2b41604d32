import * as tf from '@tensorflow/tfjs';
import { activationOption, activations, type ActivationId } from '../activations';
import { bool, defaultsOf, int, type SchemaOf } from '../schema/option';
import { gateJets, linearCombination } from '../jet/algebra';
import { activateJet, inputJet, type Jet } from '../jet/jet';
import { leastSquares } from '../linalg/cholesky';
import { createDense } from './dense';
import { variableOf } from './init';
import { commonArchSchema, createInputPipeline, rwfOf, type CommonArchOptions } from './inputs';
import type { NetContext } from './mlp';
import { assembleNetwork, type NamedParam, type Network } from './types';

/** Options of PirateNet; the Fourier embedding has width/2 frequencies (so Φ is `width` wide). */
export interface PirateNetOptions extends CommonArchOptions {
  blocks: number;
  width: number;
  activation: ActivationId;
  /** Fit the output layer to the initial condition by least squares at step 0. */
  piInit: boolean;
}

export const pirateNetSchema: SchemaOf<PirateNetOptions> = {
  ...commonArchSchema,
  blocks: int('Residual blocks', 3, 1, 16, 'Number of gated residual blocks (three dense layers each).'),
  width: int('Width', 128, 2, 512, 'Units per layer; the Fourier embedding has width/2 frequencies.', {
    unit: 'units per layer',
  }),
  activation: activationOption,
  piInit: bool(
    'Physics-informed init',
    true,
    'Fit the output layer to the initial condition by least squares at step 0.',
  ),
  rwf: { ...commonArchSchema.rwf, default: true },
};

export const pirateNetDefaults: PirateNetOptions = defaultsOf(pirateNetSchema);

/** Its Fourier features: always width/2 (Φ = [cos, sin] is as wide as the blocks), whatever fourierSize says. */
export const pirateFourierSize = (o: { width: number }): number => o.width / 2;

/**
 * PirateNet (Wang, Sankaran, Perdikaris, JMLR 2024): embedding Φ (random Fourier features),
 * gates U = σ(W_u Φ + b_u), V = σ(W_v Φ + b_v); each residual block
 * f = σ(W₁x + b₁), z₁ = f ⊙ U + (1 − f) ⊙ V, g = σ(W₂z₁ + b₂), z₂ = g ⊙ U + (1 − g) ⊙ V,
 * h = σ(W₃z₂ + b₃), x ← α h + (1 − α) x with a trainable α per block initialised at 0;
 * output linear. At α = 0 the network is exactly the linear readout Φ W + b, which is what the
 * least-squares initialisation fits. Parameters `encoder_u|v`, `block{k}.dense{1,2,3}`,
 * `block{k}.alpha`, `output`.
 */
export function createPirateNet(opts: Partial<PirateNetOptions>, ctx: NetContext): Network {
  const o = { ...pirateNetDefaults, ...opts };
  if (o.width % 2 !== 0)
    throw new Error(`pirate_net: width must be even (Φ = [cos, sin] of width/2 features), got ${o.width}`);
  const act = activations[o.activation];
  const rwf = rwfOf(o);
  const input = createInputPipeline(
    ctx.rng,
    ctx.axes,
    ctx.periodic,
    { ...o, fourierSize: pirateFourierSize(o) },
    ctx.domain,
  );
  const w = o.width;
  const encU = createDense(ctx.rng, w, w, 'encoder_u', { rwf });
  const encV = createDense(ctx.rng, w, w, 'encoder_v', { rwf });
  const blocks = Array.from({ length: o.blocks }, (_, k) => ({
    d: [1, 2, 3].map((i) => createDense(ctx.rng, w, w, `block${k}.dense${i}`, { rwf })),
    alpha: variableOf(tf.scalar(0)),
  }));
  const out = createDense(ctx.rng, w, ctx.outputDim, 'output', { rwf });
  const alphas: NamedParam[] = blocks.map((b, k) => ({ name: `block${k}.alpha`, variable: b.alpha }));
  const net = assembleNetwork(
    ctx,
    [...input.layers, encU, encV, ...blocks.flatMap((b) => b.d), out],
    alphas,
    (jet, taps) => {
      let x: Jet = input.apply(jet, taps);
      const u = activateJet(encU.apply(x, taps), act);
      const v = activateJet(encV.apply(x, taps), act);
      for (const b of blocks) {
        const f = activateJet(b.d[0].apply(x, taps), act);
        const z1 = gateJets(f, u, v);
        const g = activateJet(b.d[1].apply(z1, taps), act);
        const z2 = gateJets(g, u, v);
        const h = activateJet(b.d[2].apply(z2, taps), act);
        x = linearCombination([
          [b.alpha, h],
          [tf.sub(1, b.alpha), x],
        ]);
      }
      return out.apply(x, taps);
    },
    input.frozen,
  );
  if (!o.piInit) return net;
  return {
    ...net,
    async leastSquaresInit(x, targets) {
      const phiT = tf.tidy(() => input.apply(inputJet(x, ctx.axes, [''])).streams['']!);
      const phi = await phiT.data();
      phiT.dispose();
      const n = x.shape[0];
      // ridge 1e-6 (relative): a near-exact fit has large cancelling weights that one step undoes
      out.setWeight(Float32Array.from(leastSquares(phi, targets, n, w, ctx.outputDim, 1e-6)));
    },
  };
}
