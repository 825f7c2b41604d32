/**
 * Float64 finite-difference references for tests: fourth-order-accurate central stencils
 * for derivatives of order 1–4 along one direction, and the mixed second derivative.
 */

type F = (p: number[]) => number;

const stencils: Record<number, { offs: number[]; w: number[]; den: (h: number) => number }> = {
  1: { offs: [-2, -1, 1, 2], w: [1, -8, 8, -1], den: (h) => 12 * h },
  2: { offs: [-2, -1, 0, 1, 2], w: [-1, 16, -30, 16, -1], den: (h) => 12 * h * h },
  3: { offs: [-3, -2, -1, 1, 2, 3], w: [1, -8, 13, -13, 8, -1], den: (h) => 8 * h ** 3 },
  4: { offs: [-3, -2, -1, 0, 1, 2, 3], w: [-1, 12, -39, 56, -39, 12, -1], den: (h) => 6 * h ** 4 },
};

/** ∂^order f / ∂p_axis^order at p. */
export function fdAxis(f: F, p: number[], axis: number, order: number, h = order <= 2 ? 1e-3 : 2e-2): number {
  const s = stencils[order];
  let acc = 0;
  s.offs.forEach((o, i) => {
    const q = p.slice();
    q[axis] += o * h;
    acc += s.w[i] * f(q);
  });
  return acc / s.den(h);
}

/** ∂²f / ∂p_a ∂p_b at p (a ≠ b), by the four-point stencil. */
export function fdMixed(f: F, p: number[], a: number, b: number, h = 1e-3): number {
  const at = (da: number, db: number) => {
    const q = p.slice();
    q[a] += da * h;
    q[b] += db * h;
    return f(q);
  };
  return (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * h * h);
}
