/**
 * The multivariate Faà di Bruno chain rule on jet streams, written once against
 * `ElementOps` so the taped path (`applyChain`, tfjs ops) and the fused activation kernel
 * (`kernels/activation-jet.ts`, the backend's kernels called directly) compute the same sums:
 *   ∂^S φ(z) = Σ_π c_π φ^(|π|)(z) Π_{B∈π} ∂^B z   (see `chainTerms`; zero streams drop terms).
 */
import type { ElementOps } from '../activations/ops';
import { chainTerms } from './keys';

/** Streams by name ('' the value); null = identically zero. */
export type StreamMap<T> = Record<string, T | null>;

/** coef · y ⊙ Π factors, multiplied left to right (the order `applyChain` always used). */
export function termProduct<T>(ops: ElementOps<T>, coef: number, y: T, factors: readonly T[]): T {
  let prod: T | null = null;
  for (const f of factors) prod = prod === null ? f : ops.mul(prod, f);
  const t = prod === null ? y : ops.mul(y, prod);
  return coef === 1 ? t : ops.scale(t, coef);
}

/** The blocks of a chain term as streams, or null when one of them is zero. */
export function blockStreams<T>(z: StreamMap<T>, blocks: readonly string[]): T[] | null {
  const out: T[] = [];
  for (const b of blocks) {
    const s = z[b];
    if (s === null || s === undefined) return null;
    out.push(s);
  }
  return out;
}

/**
 * The streams of φ(z) given y[k] = φ^(k)(z): the value is y[0]; each other name in `names`
 * sums its chain terms (null when every term has a zero block).
 */
export function chainForward<T>(
  ops: ElementOps<T>,
  z: StreamMap<T>,
  y: readonly T[],
  names: readonly string[],
  axes: readonly string[],
): StreamMap<T> {
  const out: StreamMap<T> = { '': y[0] };
  for (const n of names) {
    if (n === '') continue;
    let acc: T | null = null;
    for (const term of chainTerms(n, axes)) {
      const blocks = blockStreams(z, term.blocks);
      if (!blocks || blocks.length === 0) continue;
      const t = termProduct(ops, term.coef, y[term.order], blocks);
      acc = acc === null ? t : ops.add(acc, t);
    }
    out[n] = acc;
  }
  return out;
}
