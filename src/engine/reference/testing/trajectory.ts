/**
 * Test-only: the spectral solution as a field that a PDE's loss terms can be evaluated on,
 * so tests can check that every loss term (residual, initial and boundary data) vanishes on
 * it. x-derivatives are exact derivatives of the trigonometric interpolant; u_t comes from
 * the fourth-order central finite difference (jet/fd.ts) of snapshots τ apart, so it does
 * not reuse the equation the solver integrates.
 */
import * as tf from '@tensorflow/tfjs';
import { fdAxis } from '../../jet/fd';
import { Field } from '../../jet/jet';
import type { ParamValues } from '../../pdes/types';
import { complexArray, type Complex } from '../fft';
import type { SpectralProblem } from '../problems';
import { integrate } from '../solve';
import { SeriesSampler } from '../spectral';

export class SpectralTrajectory {
  private constructor(
    private readonly problem: SpectralProblem,
    private readonly snaps: Complex[],
    readonly tau: number,
  ) {}

  /** Solve on [0, problem.tEnd] keeping every snapshot, τ apart. */
  static solve(problem: SpectralProblem, params: ParamValues, tau: number): SpectralTrajectory {
    const snaps: Complex[] = [];
    const nt = Math.round(problem.tEnd / tau) + 1;
    integrate(problem, params, problem.tEnd, nt, (_i, _t, v) => {
      const c = complexArray(v.re.length);
      c.re.set(v.re);
      c.im.set(v.im);
      snaps.push(c);
    });
    return new SpectralTrajectory(problem, snaps, problem.tEnd / (nt - 1));
  }

  /** Snap t to the snapshot grid, keeping two snapshots either side when a t-derivative is needed. */
  snapTime(t: number, margin: number): number {
    const i = Math.min(this.snaps.length - 1 - margin, Math.max(margin, Math.round(t / this.tau)));
    return i * this.tau;
  }

  /** ∂_x^order u(t, x) with t on the snapshot grid. */
  value(t: number, x: number, order = 0): number {
    const v = this.snaps[Math.round(t / this.tau)];
    const [a, b] = this.problem.x;
    return new SeriesSampler(2 * (v.re.length - 1), b - a, a, [x]).sample(v, order)[0];
  }

  /**
   * A Field at points (t, x) (t already on the grid, see `snapTime`) carrying the streams
   * `names` ('t' or x-only derivatives such as 'x', 'xx', 'xxxx').
   */
  field(points: number[][], names: string[]): Field {
    const col = (f: (p: number[]) => number) => tf.tensor2d(points.map((p) => [f(p)]));
    const streams: Record<string, tf.Tensor> = { '': col(([t, x]) => this.value(t, x)) };
    for (const n of names) {
      if (n === 't') streams.t = col((p) => fdAxis(([t, x]) => this.value(t, x), p, 0, 1, this.tau));
      else if (/^x+$/.test(n)) streams[n] = col(([t, x]) => this.value(t, x, n.length));
      else throw new Error(`SpectralTrajectory: no stream '${n}'`);
    }
    return new Field(streams, ['t', 'x'], points.length);
  }
}
