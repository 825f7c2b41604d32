/**
 * Test-only access to the published Chebfun reference data in `<repo>/../shared/reference`
 * (docs/ARCHITECTURE.md, "Contracts other tools rely on"). The shipped app never imports this file.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `<repo root>/../shared/reference`, resolved from this file (src/engine/reference/testing). */
export const sharedReferenceDir = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../..',
  '../shared/reference',
);

/** One published solution: u(t_i, x_j) at [i · nx + j] (float32, as stored). */
export interface Published {
  t: number[];
  x: number[];
  u: Float32Array;
}

/** Read `<name>.json` and its float32 array (e.g. 'burgers', 'ks_chaotic'). */
export function loadPublished(name: string): Published {
  const meta = JSON.parse(readFileSync(resolve(sharedReferenceDir, `${name}.json`), 'utf8'));
  const buf = readFileSync(resolve(sharedReferenceDir, meta.usol_file));
  const u = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  if (u.length !== meta.shape[0] * meta.shape[1])
    throw new Error(`${name}: ${u.length} values for shape ${meta.shape}`);
  return { t: meta.t, x: meta.x, u };
}

/** max |a − b| over the rows with t ≤ tMax, and where it occurs. */
export function maxAbsDiff(
  pub: Published,
  u: ArrayLike<number>,
  tMax = Infinity,
): { max: number; t: number; x: number } {
  const nx = pub.x.length;
  let best = { max: 0, t: 0, x: 0 };
  pub.t.forEach((t, i) => {
    if (t > tMax + 1e-12) return;
    for (let j = 0; j < nx; j++) {
      const d = Math.abs(pub.u[i * nx + j] - u[i * nx + j]);
      if (!(d <= best.max)) best = { max: d, t, x: pub.x[j] };
    }
  });
  return best;
}
