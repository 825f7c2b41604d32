/**
 * What the session reads off a run on request — its weights, its full export bundle, its loss
 * landscape — posted to the UI with the big arrays transferred. Each reads the device now, between
 * chunks of training (commands run through the session's queue).
 */
import { landscapeSolver, landscapeView, lossLandscape } from '../engine/diagnostics/landscape';
import { exportBundleExact } from '../engine/export/float32-exact';
import type { Run } from './run';
import type { Post } from './session';

/** Post run `r`'s weights, frozen Fourier matrices included (what weight files hold). */
export async function postWeights(r: Run | undefined, post: Post): Promise<void> {
  if (!r) throw new Error('There are no weights to export yet: press Step or Start first.');
  const tensors = await r.trainer.exportWeights(true);
  post(
    { type: 'weights', run: r.index, step: r.step, config: r.trainer.config, tensors },
    tensors.map((t) => t.data.buffer),
  );
}

/** Post run `r`'s full export (weights, config, predictions, training state, PyTorch package). */
export async function postBundle(r: Run | undefined, post: Post): Promise<void> {
  if (!r) throw new Error('There is nothing to export yet: press Step or Start first.');
  const files = await exportBundleExact(r.trainer, [], { state: true });
  const buffers = files.flatMap((f) => (typeof f.data === 'string' ? [] : [f.data.buffer as ArrayBuffer]));
  post({ type: 'bundle', run: r.index, step: r.step, config: r.trainer.config, files }, buffers);
}

/**
 * Post loss-landscape slices of run `r` at its current weights. Costs a Hessian eigen-solve and
 * a few hundred forward passes; training resumes after it.
 */
export async function postLandscape(r: Run | undefined, post: Post): Promise<void> {
  if (!r) throw new Error('There is no run to slice yet: press Step or Start first.');
  await r.prepare((text) => post({ type: 'notice', run: r.index, text }));
  const { solver, name } = landscapeSolver(r.trainer.paramCount);
  post({ type: 'landscape', run: r.index, landscape: landscapeView(await lossLandscape(r.trainer, {}, solver), name) });
}
