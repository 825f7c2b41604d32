import { axpy, dot, evaluate, type Evaluation, type Objective } from './objective';

/** Strong-Wolfe constants and limits. */
export interface WolfeOptions {
  /** Sufficient decrease: φ(α) ≤ φ(0) + c1 α φ'(0). */
  c1: number;
  /** Curvature: |φ'(α)| ≤ c2 |φ'(0)| (0.9 for quasi-Newton, 0.1 for conjugate gradients). */
  c2: number;
  /** Largest step tried while bracketing. */
  alphaMax: number;
  /** Most objective evaluations one search may spend. */
  maxEvals: number;
}

export const wolfeDefaults: WolfeOptions = { c1: 1e-4, c2: 0.9, alphaMax: 1e10, maxEvals: 40 };

/** A step found along p: the point, its evaluation, and whether strong Wolfe holds there. */
export interface LineSearchResult {
  alpha: number;
  x: Float64Array;
  at: Evaluation;
  evals: number;
  /** False when the evaluation budget ran out (the best sufficient-decrease point is returned, if any). */
  ok: boolean;
}

interface Trial {
  alpha: number;
  phi: number;
  dphi: number;
  x: Float64Array;
  at: Evaluation;
}

/**
 * Minimiser of the cubic through (a, fa, da) and (b, fb, db) (Nocedal & Wright eq. 3.59),
 * safeguarded to the middle 80% of the interval, bisection when it is undefined.
 */
function cubicMin(a: Trial, b: Trial): number {
  const d1 = a.dphi + b.dphi - (3 * (a.phi - b.phi)) / (a.alpha - b.alpha);
  const rad = d1 * d1 - a.dphi * b.dphi;
  const lo = Math.min(a.alpha, b.alpha),
    hi = Math.max(a.alpha, b.alpha),
    w = hi - lo;
  if (rad >= 0 && Number.isFinite(rad)) {
    const d2 = Math.sign(b.alpha - a.alpha) * Math.sqrt(rad);
    const t = b.alpha - (b.alpha - a.alpha) * ((b.dphi + d2 - d1) / (b.dphi - a.dphi + 2 * d2));
    if (Number.isFinite(t) && t >= lo + 0.1 * w && t <= hi - 0.1 * w) return t;
  }
  return (lo + hi) / 2;
}

/**
 * Line search for the strong Wolfe conditions (Nocedal & Wright 2006, Alg. 3.5 bracketing and
 * Alg. 3.6 zoom with cubic interpolation). φ(α) = f(x + α p) must have φ'(0) = ∇f(x)ᵀp < 0.
 * Each trial costs one evaluation, which gives φ and φ' together. A non-finite φ counts as a
 * failed sufficient-decrease test, so overflowing trial steps are shrunk rather than accepted.
 */
export async function strongWolfe(
  f: Objective,
  x: Float64Array,
  at0: Evaluation,
  p: Float64Array,
  alpha1: number,
  o: WolfeOptions = wolfeDefaults,
): Promise<LineSearchResult> {
  const phi0 = at0.loss;
  const dphi0 = dot(at0.grad, p);
  if (!(dphi0 < 0)) throw new Error(`strongWolfe: p is not a descent direction (φ'(0) = ${dphi0})`);
  let evals = 0;
  const trial = async (alpha: number): Promise<Trial> => {
    const xa = axpy(x, alpha, p);
    const at = await evaluate(f, xa);
    evals++;
    return { alpha, phi: at.loss, dphi: dot(at.grad, p), x: xa, at };
  };
  const armijo = (t: Trial) => t.phi <= phi0 + o.c1 * t.alpha * dphi0; // false for NaN
  const curvature = (t: Trial) => Math.abs(t.dphi) <= -o.c2 * dphi0;
  const done = (t: Trial, ok: boolean): LineSearchResult => ({ alpha: t.alpha, x: t.x, at: t.at, evals, ok });
  const zero: Trial = { alpha: 0, phi: phi0, dphi: dphi0, x, at: at0 };

  const zoom = async (lo: Trial, hi: Trial): Promise<LineSearchResult> => {
    while (evals < o.maxEvals) {
      const t = await trial(cubicMin(lo, hi));
      if (!armijo(t) || t.phi >= lo.phi) hi = t;
      else {
        if (curvature(t)) return done(t, true);
        if (t.dphi * (hi.alpha - lo.alpha) >= 0) hi = lo;
        lo = t;
      }
      if (Math.abs(hi.alpha - lo.alpha) <= 1e-16 * Math.max(1, lo.alpha)) break;
    }
    return done(lo, false);
  };

  let prev = zero;
  let alpha = Math.min(alpha1, o.alphaMax);
  for (;;) {
    const t = await trial(alpha);
    if (!armijo(t) || (prev !== zero && t.phi >= prev.phi)) return zoom(prev, t);
    if (curvature(t)) return done(t, true);
    if (t.dphi >= 0) return zoom(t, prev);
    if (evals >= o.maxEvals || alpha >= o.alphaMax) return done(t, false);
    prev = t;
    alpha = Math.min(2 * alpha, o.alphaMax);
  }
}
