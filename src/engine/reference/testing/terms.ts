/**
 * Test-only: evaluate every loss term of a PDE on its spectral solution (see
 * `SpectralTrajectory`) at points drawn by the trainer's own sampler.
 */
import * as tf from '@tensorflow/tfjs';
import type { ParamValues, Pde } from '../../pdes/types';
import { createRng } from '../../rng';
import { sampleTerm } from '../../sampling';
import type { SpectralTrajectory } from './trajectory';

/**
 * Per term: the largest |residual| over the points, and for context the largest |u_t| (0 when
 * the term does not read u_t). Residuals are evaluated by the PDE's tf code in float32, so
 * they bottom out near 1e-7 × the largest individual term (e.g. u u_x ≈ 150 at Burgers' shock).
 */
export interface TermCheck {
  max: number;
  utMax: number;
}

/**
 * For each loss term: draw n points with `sampleTerm`, move t onto the snapshot grid (two
 * snapshots from either end when the term reads u_t), recompute the aux data there and
 * evaluate the residual on the spectral field.
 */
export async function termResiduals(
  pde: Pde,
  traj: SpectralTrajectory,
  params: ParamValues,
  n: number,
  seed = 5,
): Promise<Record<string, TermCheck>> {
  const out: Record<string, TermCheck> = {};
  for (const [name, term] of Object.entries(pde.terms)) {
    const b = sampleTerm(pde, name, params, createRng(seed), n);
    const margin = term.derivs.includes('t') ? 2 : 0;
    const pts = Array.from({ length: n }, (_, i) => [traj.snapTime(b.x[2 * i], margin), b.x[2 * i + 1]]);
    const auxRows = pts.map((p) => term.aux?.(p, params) ?? []);
    const [r, s] = tf.tidy(() => {
      const aux = (auxRows[0] ?? []).map((_, k) => tf.tensor2d(auxRows.map((a) => [a[k]])));
      const field = traj.field(pts, term.derivs);
      const ut = term.derivs.includes('t') ? tf.max(tf.abs(field.d('t'))) : tf.scalar(0);
      return [tf.max(tf.abs(term.residual([field], aux, params))), ut];
    });
    out[name] = { max: (await r.data())[0], utMax: (await s.data())[0] };
    tf.dispose([r, s]);
  }
  return out;
}
