/**
 * The predictions export (predictions.json): the network's outputs on the evaluation grid,
 * one row per point, with the exact or reference solution where there is one. When the
 * error is measured on derived quantities (the cavity's velocity from ψ or from (u, v, p)),
 * those are given too, under `observables`.
 */
import * as tf from '@tensorflow/tfjs';
import { productGrid } from '../sampling';
import type { Trainer } from '../trainer';
import { f32 } from './check-batch';

/** predictions.json. */
export interface Predictions {
  /** Input columns of `points`. */
  axes: string[];
  /** Columns of `prediction` (the network's outputs). */
  outputs: string[];
  points: number[][];
  prediction: number[][];
  /** Exact/reference values of the outputs, or null (none, or only of derived observables). */
  reference: number[][] | null;
  /** The quantities the relative L2 error compares, when they are not the outputs. */
  observables: { names: string[]; prediction: number[][]; reference: number[][] | null } | null;
  /** ‖pred − ref‖ / ‖ref‖ over the compared quantities (null without a reference). */
  relL2: number | null;
  step: number;
}

/** Points per forward pass. */
const CHUNK = 8192;

/** Rows of a row-major [n × k] array. */
function rows(a: ArrayLike<number>, k: number): number[][] {
  return Array.from({ length: a.length / k }, (_, i) => Array.from({ length: k }, (_, j) => f32(a[i * k + j])));
}

/** Evaluate the trainer's network on its evaluation grid. */
export async function predictions(trainer: Trainer): Promise<Predictions> {
  const ev = await trainer.evaluate();
  const grid = productGrid(ev.ticks);
  const { axes, outputs } = trainer.pde;
  const d = axes.length;
  const out = new Float32Array(grid.n * outputs.length);
  for (let s = 0; s < grid.n; s += CHUNK) {
    const m = Math.min(CHUNK, grid.n - s);
    const y = tf.tidy(() => trainer.net.forward(tf.tensor2d(grid.x.subarray(s * d, (s + m) * d), [m, d])));
    out.set(await y.data(), s * outputs.length);
    y.dispose();
  }
  const hasRef = ev.exact.length > 0;
  const same = ev.names.join() === outputs.join();
  return {
    axes: [...axes],
    outputs: [...outputs],
    points: rows(grid.x, d),
    prediction: rows(out, outputs.length),
    reference: hasRef && same ? rows(ev.exact, outputs.length) : null,
    observables: same
      ? null
      : {
          names: ev.names,
          prediction: rows(ev.pred, ev.names.length),
          reference: hasRef ? rows(ev.exact, ev.names.length) : null,
        },
    relL2: Number.isFinite(ev.relL2) ? ev.relL2 : null,
    step: ev.step,
  };
}
