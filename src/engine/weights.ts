import * as tf from '@tensorflow/tfjs';
import type { NamedParam } from './nets';

/** Named weights as a file or a host copy holds them. */
export type WeightArray = { name: string; shape: readonly number[]; data: ArrayLike<number> };

/** The first few of a list of problems, for an error message. */
export const listed = (problems: string[]) => `${problems.slice(0, 6).join('; ')}${problems.length > 6 ? '; …' : ''}`;

/**
 * What keeps `tensors` from being the weights of a network with these parameters (empty when
 * they fit): a missing or unexpected name, a wrong shape or size, a NaN or Inf. `optional`
 * tensors (frozen ones, e.g. a fixed Fourier matrix) may be absent, but are checked when given.
 */
export function weightProblems(
  params: readonly NamedParam[],
  tensors: readonly WeightArray[],
  optional: readonly NamedParam[] = [],
): string[] {
  const byName = new Map(tensors.map((t) => [t.name, t]));
  const problems: string[] = [];
  const given = optional.filter((p) => byName.has(p.name));
  for (const p of [...params, ...given]) {
    const t = byName.get(p.name);
    if (!t) {
      problems.push(`missing ${p.name} [${p.variable.shape}]`);
      continue;
    }
    if (t.shape.length !== p.variable.shape.length || t.shape.some((d, i) => d !== p.variable.shape[i])) {
      problems.push(`${p.name} has shape [${t.shape}], expected [${p.variable.shape}]`);
    } else if (t.data.length !== p.variable.size)
      problems.push(`${p.name} has ${t.data.length} values, expected ${p.variable.size}`);
    else if (!Array.from(t.data).every(Number.isFinite)) problems.push(`${p.name} contains NaN or Inf`);
  }
  const known = new Set([...params, ...optional].map((p) => p.name));
  const extra = tensors.filter((t) => !known.has(t.name)).map((t) => t.name);
  if (extra.length) problems.push(`unexpected ${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ', …' : ''}`);
  return problems;
}

/** Assign weights that `weightProblems` accepted (optional ones only where given). */
export function assignWeights(
  params: readonly NamedParam[],
  tensors: readonly WeightArray[],
  optional: readonly NamedParam[] = [],
): void {
  const byName = new Map(tensors.map((t) => [t.name, t]));
  for (const p of [...params, ...optional.filter((o) => byName.has(o.name))]) {
    const t = tf.tensor(Float32Array.from(byName.get(p.name)!.data), p.variable.shape);
    p.variable.assign(t);
    t.dispose();
  }
}
