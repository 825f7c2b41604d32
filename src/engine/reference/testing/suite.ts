/**
 * Test-only: the checks every spectral-reference PDE gets, registered with vitest by each
 * PDE's own test file (so the four solves run in parallel test workers):
 *  - its reference sits on the published grid and is within `published.tol` (max |Δ|) of the
 *    published Chebfun data, over t ≤ `published.tMax` (the whole-range figure is printed);
 *  - every loss term vanishes on the spectral solution to the stated absolute tolerance;
 *  - the declaration is consistent (parameter ranges, grid = reference size).
 */
import { describe, expect, it } from 'vitest';
import { defaultParams, type Pde } from '../../pdes/types';
import { problems, type ProblemId } from '../problems';
import { loadPublished, maxAbsDiff } from './published';
import { termResiduals } from './terms';
import { SpectralTrajectory } from './trajectory';

export interface SpectralPdeExpectations {
  /** Published file name and the max-abs tolerance over t ≤ tMax (default: whole range). */
  published: { name: string; tol: number; tMax?: number };
  /** Absolute tolerance per loss term on the spectral solution. */
  terms: Record<string, number>;
  /** Snapshot spacing for the u_t finite difference. */
  tau: number;
}

export function describeSpectralPde(pde: Pde, expect_: SpectralPdeExpectations): void {
  const params = defaultParams(pde);
  describe(`${pde.id} (spectral reference)`, () => {
    const tMaxNote = expect_.published.tMax !== undefined ? ` for t ≤ ${expect_.published.tMax}` : '';
    it(`matches the published data: max |Δ| ≤ ${expect_.published.tol}${tMaxNote}`, async () => {
      const pub = loadPublished(expect_.published.name);
      const started = performance.now();
      const ref = await pde.reference!(params);
      const ms = performance.now() - started;
      expect(ref.ticks[0].length).toBe(pub.t.length);
      expect(ref.ticks[1].length).toBe(pub.x.length);
      ref.ticks[0].forEach((t, i) => expect(Math.abs(t - pub.t[i])).toBeLessThan(1e-12));
      ref.ticks[1].forEach((x, i) => expect(Math.abs(x - pub.x[i])).toBeLessThan(1e-12));
      const whole = maxAbsDiff(pub, ref.values);
      const part = maxAbsDiff(pub, ref.values, expect_.published.tMax);
      console.log(
        `${pde.id}: solve ${ms.toFixed(0)} ms; max |Δ| vs published ${whole.max.toExponential(2)} ` +
          `(at t = ${whole.t}, x = ${whole.x.toFixed(4)})` +
          (expect_.published.tMax !== undefined
            ? `; for t ≤ ${expect_.published.tMax}: ${part.max.toExponential(2)}`
            : ''),
      );
      expect(part.max).toBeLessThan(expect_.published.tol);
      expect(await pde.reference!({ ...params })).toBe(ref); // cached per parameter set
    });

    it('every loss term vanishes on the spectral solution', async () => {
      const traj = SpectralTrajectory.solve(problems[pde.id as ProblemId], params, expect_.tau);
      const checks = await termResiduals(pde, traj, params, 64);
      console.log(
        `${pde.id}: max |residual| per term ` +
          JSON.stringify(Object.fromEntries(Object.entries(checks).map(([k, c]) => [k, +c.max.toExponential(2)]))) +
          ` (max |u_t| ${checks.res.utMax.toFixed(1)})`,
      );
      expect(Object.keys(checks).sort()).toEqual(Object.keys(expect_.terms).sort());
      for (const [name, c] of Object.entries(checks))
        expect(c.max, `${pde.id}.${name}`).toBeLessThan(expect_.terms[name]);
    });

    it('declares sane parameter ranges, the reference grid and its domain', () => {
      for (const s of Object.values(pde.params)) expect(s.min <= s.default && s.default <= s.max).toBe(true);
      const p = problems[pde.id as ProblemId];
      expect(pde.grid).toEqual([p.nt, p.nx]);
      expect(pde.domain).toEqual({ t: [0, p.tEnd], x: p.x });
      expect(pde.exact).toBeUndefined();
    });
  });
}
