/**
 * Names of partial derivatives and the combinatorics of Faà di Bruno's formula.
 *
 * A derivative is named by the input axes it differentiates along, in axis order:
 * with axes ['t', 'x'], '' is the value, 'x' is ∂u/∂x, 'xx' is ∂²u/∂x², 'tx' is ∂²u/∂t∂x.
 * Axis names are single characters so a name is a multiset written as a string.
 */

/** Canonical name of a derivative: the letters of `name` sorted by their axis index. */
export function canonical(name: string, axes: readonly string[]): string {
  const idx = [...name].map((c) => {
    const i = axes.indexOf(c);
    if (i < 0) throw new Error(`unknown axis '${c}' in derivative '${name}' (axes: ${axes.join(', ')})`);
    return i;
  });
  idx.sort((a, b) => a - b);
  return idx.map((i) => axes[i]).join('');
}

/** All non-empty sub-multisets of a derivative name (e.g. 'txx' → t, x, tx, xx, txx). */
function subNames(name: string, axes: readonly string[]): string[] {
  const out = new Set<string>();
  const n = name.length;
  for (let mask = 1; mask < 1 << n; mask++) {
    let s = '';
    for (let i = 0; i < n; i++) if (mask & (1 << i)) s += name[i];
    out.add(canonical(s, axes));
  }
  return [...out];
}

/**
 * The derivative streams a set of requested derivatives needs carried through the network:
 * the closure under sub-multisets (Faà di Bruno needs every lower derivative), sorted by
 * order then name, value ('') first.
 */
export function streamClosure(requested: readonly string[], axes: readonly string[]): string[] {
  const all = new Set<string>(['']);
  for (const r of requested) for (const s of subNames(canonical(r, axes), axes)) all.add(s);
  return [...all].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * One term of the multivariate Faà di Bruno formula for ∂^S φ(z):
 * coef · φ^(order)(z) · Π_b ∂^{blocks[b]} z.
 */
export interface ChainTerm {
  coef: number;
  order: number;
  blocks: string[];
}

/** Set partitions of {0..n-1}, each a list of blocks of positions. */
function setPartitions(n: number): number[][][] {
  if (n === 0) return [[]];
  const out: number[][][] = [];
  for (const p of setPartitions(n - 1)) {
    for (let b = 0; b < p.length; b++) out.push(p.map((blk, i) => (i === b ? [...blk, n - 1] : blk)));
    out.push([...p, [n - 1]]);
  }
  return out;
}

const chainCache = new Map<string, ChainTerm[]>();

/**
 * Faà di Bruno terms for the derivative `name` of h = φ(z):
 * ∂^S h = Σ over set partitions π of S of φ^(|π|)(z) Π_{B∈π} ∂^B z,
 * with equal terms (same order and same block names) merged into one with a coefficient.
 * For S = 'xxxx' this gives y4 z1⁴ + 6 y3 z1² z2 + 3 y2 z2² + 4 y2 z1 z3 + y1 z4.
 */
export function chainTerms(name: string, axes: readonly string[]): ChainTerm[] {
  const key = `${axes.join('')}|${name}`;
  const hit = chainCache.get(key);
  if (hit) return hit;
  const letters = [...name];
  const merged = new Map<string, ChainTerm>();
  for (const p of setPartitions(letters.length)) {
    const blocks = p.map((blk) => canonical(blk.map((i) => letters[i]).join(''), axes)).sort();
    const k = `${p.length}|${blocks.join(',')}`;
    const t = merged.get(k);
    if (t) t.coef += 1;
    else merged.set(k, { coef: 1, order: p.length, blocks });
  }
  const terms = [...merged.values()];
  chainCache.set(key, terms);
  return terms;
}

/** One term of the general Leibniz rule: coef · ∂^left f · ∂^right g. */
export interface ProductTerm {
  coef: number;
  left: string;
  right: string;
}

const productCache = new Map<string, ProductTerm[]>();

/**
 * General Leibniz rule for ∂^S (f g) = Σ_{A ⊆ S} ∂^A f · ∂^{S∖A} g over subsets of the
 * letters' positions, equal terms merged (e.g. 'xx' → f g_xx + 2 f_x g_x + f_xx g).
 */
export function productTerms(name: string, axes: readonly string[]): ProductTerm[] {
  const key = `${axes.join('')}|${name}`;
  const hit = productCache.get(key);
  if (hit) return hit;
  const letters = [...name];
  const merged = new Map<string, ProductTerm>();
  for (let mask = 0; mask < 1 << letters.length; mask++) {
    let l = '';
    let r = '';
    letters.forEach((c, i) => (mask & (1 << i) ? (l += c) : (r += c)));
    const left = l ? canonical(l, axes) : '';
    const right = r ? canonical(r, axes) : '';
    const k = `${left}|${right}`;
    const t = merged.get(k);
    if (t) t.coef += 1;
    else merged.set(k, { coef: 1, left, right });
  }
  const terms = [...merged.values()];
  productCache.set(key, terms);
  return terms;
}
