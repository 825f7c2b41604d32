/**
 * The physics-informed initialisation (PirateNet, Wang et al. 2024): before the first step the
 * network's output layer is fitted to the initial condition by least squares, the `ic` term's
 * aux columns giving u₀ per output, on points from the probe stream. As jaxpi does, u₀ is
 * the target over the whole time range (the points' t drawn uniformly in the domain, x kept):
 * fitted at t = t₀ alone, the time features are unconstrained and the fit can put values of
 * order 10² at later times (wave: rel. L2 1.3e2 at step 0), which the residual then has to undo.
 */
import * as tf from '@tensorflow/tfjs';
import { initialValueTerm } from './pdes';
import { sampleTerm } from './sampling';
import type { TrainerCore } from './trainer-core';

/** Fit `t`'s output layer to u₀ when its network and PDE allow it; true when the weights changed. */
export async function fitInitialCondition(t: TrainerCore): Promise<boolean> {
  const icName = initialValueTerm(t.pde);
  const ic = icName === undefined ? undefined : t.pde.terms[icName];
  if (!t.net.leastSquaresInit || !ic?.aux) return false;
  const n = Math.max(t.config.batch, 4 * t.paramCount ** 0.5, 512);
  const b = sampleTerm(t.pde, icName!, t.config.params, t.probeRng, Math.ceil(n));
  const nOut = t.pde.outputs.length;
  const targets = new Float32Array(b.n * nOut);
  for (let i = 0; i < b.n; i++) for (let k = 0; k < nOut; k++) targets[i * nOut + k] = b.aux[k][i];
  const d = t.pde.axes.length;
  if (t.pde.axes[0] === 't') {
    const [t0, t1] = t.pde.domain.t;
    for (let i = 0; i < b.n; i++) b.x[i * d] = t.probeRng.uniform(t0, t1);
  }
  const x = tf.tensor2d(b.x, [b.n, d]);
  await t.net.leastSquaresInit(x, targets);
  x.dispose();
  return true;
}
