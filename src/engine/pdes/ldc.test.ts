import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { ghiaCentreline } from '../cavity/ghia';
import { sampleGrid, solveCavity } from '../cavity/solver';
import { fdAxis, fdMixed } from '../jet/fd';
import { Field } from '../jet/jet';
import { ldc } from './ldc';
import { ldcStream } from './ldc_stream';
import type { Pde } from './types';

/**
 * Kovasznay flow: an exact steady Navier–Stokes solution (no forcing) with
 * λ = Re/2 − √(Re²/4 + 4π²): u = 1 − e^{λx} cos 2πy, v = λ/(2π) e^{λx} sin 2πy,
 * p = ½(1 − e^{2λx}), stream function ψ = y − e^{λx} sin(2πy)/(2π).
 */
const RE = 40;
const lam = RE / 2 - Math.sqrt(RE ** 2 / 4 + 4 * Math.PI ** 2);
const kov = {
  u: ([x, y]: number[]) => 1 - Math.exp(lam * x) * Math.cos(2 * Math.PI * y),
  v: ([x, y]: number[]) => (lam / (2 * Math.PI)) * Math.exp(lam * x) * Math.sin(2 * Math.PI * y),
  p: ([x]: number[]) => 0.5 * (1 - Math.exp(2 * lam * x)),
  psi: ([x, y]: number[]) => y - (Math.exp(lam * x) * Math.sin(2 * Math.PI * y)) / (2 * Math.PI),
};

/** A Field of f with derivatives by float64 finite differences (independent of the jets). */
function fdField(f: (p: number[]) => number, pts: number[][], names: string[], axes: string[]): Field {
  const s: Record<string, tf.Tensor> = { '': tf.tensor2d(pts.map((p) => [f(p)])) };
  for (const n of names) {
    const idx = [...n].map((c) => axes.indexOf(c));
    const vals = pts.map((p) => {
      if (new Set(idx).size === 1) return fdAxis(f, p, idx[0], idx.length);
      if (idx.length === 2) return fdMixed(f, p, idx[0], idx[1]);
      // third-order mixed: central difference along the axis appearing once, of the second derivative along the other
      const once = idx.find((a) => idx.filter((b) => b === a).length === 1)!;
      const twice = idx.find((a) => a !== once)!;
      const h = 1e-3;
      const g = (d: number) =>
        fdAxis(
          f,
          p.map((v, i) => (i === once ? v + d : v)),
          twice,
          2,
          1e-2,
        );
      return (g(h) - g(-h)) / (2 * h);
    });
    s[n] = tf.tensor2d(vals.map((v) => [v]));
  }
  return new Field(s, axes, pts.length);
}

async function residualsVanish(pde: Pde, fields: (pts: number[][], names: string[]) => Field[]) {
  const pts = Array.from({ length: 12 }, (_, i) => [0.1 + 0.07 * i, 0.9 - 0.06 * i]);
  for (const [name, term] of Object.entries(pde.terms)) {
    if (!name.startsWith('res')) continue;
    const r = await term.residual(fields(pts, term.derivs), [], { Re: RE }).data();
    for (const v of r) expect(Math.abs(v), `${pde.id}.${name}`).toBeLessThan(1e-4);
  }
}

describe('lid-driven cavity residuals', () => {
  it('vanish on Kovasznay flow in the velocity–pressure formulation', async () => {
    await residualsVanish(ldc, (pts, names) => [kov.u, kov.v, kov.p].map((f) => fdField(f, pts, names, ldc.axes)));
  });
  it('vanish on Kovasznay flow in the stream-function formulation', async () => {
    await residualsVanish(ldcStream, (pts, names) =>
      [kov.psi, kov.p].map((f) => fdField(f, pts, names, ldcStream.axes)),
    );
  });
  it('are not zero for a field that is not a solution (the test can fail)', async () => {
    const pts = [[0.3, 0.4]];
    const wrong = [kov.u, kov.v, ([x]: number[]) => x * x].map((f) =>
      fdField(f, pts, ['x', 'y', 'xx', 'yy'], ldc.axes),
    );
    const r = await ldc.terms.res_u.residual(wrong, [], { Re: RE }).data();
    expect(Math.abs(r[0])).toBeGreaterThan(1e-2);
  });
});

describe('cavity reference solver', () => {
  it('matches the published Re = 100 solution (jaxpi data) and Ghia et al.', () => {
    const dir = resolve(import.meta.dirname, '../../../../shared/reference');
    const meta = JSON.parse(readFileSync(`${dir}/ldc_Re100.json`, 'utf8'));
    const rd = (f: string) => {
      const b = readFileSync(`${dir}/${f}`);
      return new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
    };
    const [U, V] = [rd(meta.files.u), rd(meta.files.v)];
    const s = solveCavity(100, { n: 65, tol: 1e-7 });
    const nx = meta.x.length;
    let num = 0,
      den = 0,
      worst = 0;
    for (let i = 0; i < nx; i++)
      for (let j = 0; j < nx; j++) {
        const [x, y] = [meta.x[i], meta.y[j]];
        if (y > 0.9) continue; // the lid's corner singularities dominate above; reported in the note
        const du = sampleGrid(s.u, s.n, x, y) - U[i * nx + j];
        const dv = sampleGrid(s.v, s.n, x, y) - V[i * nx + j];
        num += du * du + dv * dv;
        den += U[i * nx + j] ** 2 + V[i * nx + j] ** 2;
        worst = Math.max(worst, Math.abs(du), Math.abs(dv));
      }
    expect(Math.sqrt(num / den)).toBeLessThan(1.5e-2);
    expect(worst).toBeLessThan(2.5e-2);
    for (const [y, u] of ghiaCentreline(100)!)
      expect(Math.abs(sampleGrid(s.u, s.n, 0.5, y) - u), `y = ${y}`).toBeLessThan(1.5e-2);
  });

  it("matches Ghia et al.'s centreline at Re = 400 too (the top of the ldc range)", () => {
    const s = solveCavity(400, { n: 129, tol: 1e-7 });
    let worst = 0;
    for (const [y, u] of ghiaCentreline(400)!) worst = Math.max(worst, Math.abs(sampleGrid(s.u, s.n, 0.5, y) - u));
    console.log(`ldc Re = 400: max |u − Ghia| on the centreline ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(2e-2);
  });
});
