import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { lbfgs } from './lbfgs';
import { strongWolfe, wolfeDefaults } from './linesearch';
import { dot, type Objective } from './objective';
import { gramSchmidt, mul, transpose } from './reference64';

/** Rosenbrock f = (1 − a)² + 100 (b − a²)², minimum 0 at (1, 1). */
const rosenbrock: Objective = (x) => {
  const [a, b] = x;
  return {
    loss: (1 - a) ** 2 + 100 * (b - a * a) ** 2,
    grad: Float64Array.of(-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)),
  };
};

/** f = ½ xᵀ A x − bᵀ x with A = Q diag(d) Qᵀ; minimiser A⁻¹ b. */
function quadratic(d: number[], seed: number) {
  const rng = createRng(seed);
  const n = d.length;
  const q = gramSchmidt(d.map(() => d.map(() => rng.normal())));
  const A = mul(
    q.map((r) => r.map((x, j) => x * d[j])),
    transpose(q),
  );
  const xStar = d.map(() => rng.normal());
  const b = A.map((r) => dot(r, xStar));
  const f: Objective = (x) => {
    const ax = A.map((r) => dot(r, x));
    return { loss: 0.5 * dot(x, ax) - dot(b, x), grad: Float64Array.from(ax, (v, i) => v - b[i]) };
  };
  return { f, xStar, n };
}

describe('L-BFGS', () => {
  it('solves 2-D Rosenbrock from (−1.2, 1) to 1e-8', async () => {
    const r = await lbfgs(rosenbrock, [-1.2, 1]);
    console.log(
      `Rosenbrock: ${r.iterations} iterations, ${r.evaluations} evaluations, ` +
        `f = ${r.loss.toExponential(2)}, stop ${r.stop}`,
    );
    expect(Math.abs(r.x[0] - 1)).toBeLessThan(1e-8);
    expect(Math.abs(r.x[1] - 1)).toBeLessThan(1e-8);
    expect(r.loss).toBeLessThan(1e-16);
    expect(['gtol', 'ftol']).toContain(r.stop);
    // losses never increase (sufficient decrease at every accepted step)
    r.losses.slice(1).forEach((l, i) => expect(l).toBeLessThanOrEqual(r.losses[i]));
  });

  const d = Array.from({ length: 12 }, (_, i) => 10 ** ((3 * i) / 11));
  it('solves an n = 12, κ = 1e3 quadratic in ≤ n + 1 iterations with a near-exact line search', async () => {
    // With exact line searches L-BFGS on a quadratic generates the conjugate-gradient iterates
    // (Nocedal & Wright §7.2, §6.1), so it terminates in ≤ n steps; c2 = 1e-3 is close enough
    // (measured: 12 iterations, 46 evaluations).
    const { f, xStar, n } = quadratic(d, 5);
    const r = await lbfgs(f, new Array(n).fill(0), {
      historySize: n,
      gtol: 1e-9,
      lineSearch: { ...wolfeDefaults, c2: 1e-3 },
    });
    expect(r.stop).toBe('gtol');
    expect(r.iterations).toBeLessThanOrEqual(n + 1);
    r.x.forEach((v, i) => expect(v).toBeCloseTo(xStar[i], 8));
  });

  it('solves the same quadratic with the default (c2 = 0.9) line search, more iterations', async () => {
    const { f, xStar, n } = quadratic(d, 5);
    const r = await lbfgs(f, new Array(n).fill(0), { historySize: n });
    expect(r.iterations).toBeLessThan(200); // measured 89
    r.x.forEach((v, i) => expect(v).toBeCloseTo(xStar[i], 6)); // stops on ftol: f flat to 1e-15 relative
  });

  it('accepts an async objective and can be stopped by the callback', async () => {
    const asyncRosen: Objective = async (x) => rosenbrock(x);
    const seen: number[] = [];
    const r = await lbfgs(asyncRosen, [-1.2, 1], {}, (it) => {
      seen.push(it.loss);
      return it.iteration === 5;
    });
    expect(r.stop).toBe('callback');
    expect(r.iterations).toBe(5);
    expect(seen).toEqual(r.losses.slice(1));
  });

  it('keeps a small history working (m = 1)', async () => {
    const r = await lbfgs(rosenbrock, [-1.2, 1], { historySize: 1, maxIterations: 5000 });
    expect(r.loss).toBeLessThan(1e-14);
  });
});

describe('strong-Wolfe line search', () => {
  it.each([
    ['Rosenbrock along −∇f from (−1.2, 1), α₁ = 1 (bracketing then zoom)', 1],
    ['same, α₁ = 1e-6 (expansion)', 1e-6],
  ])('%s: the returned step satisfies both conditions', async (_, alpha1) => {
    const x = Float64Array.of(-1.2, 1);
    const at = rosenbrock(x) as { loss: number; grad: Float64Array };
    const p = Float64Array.from(at.grad, (g) => -g);
    const r = await strongWolfe(rosenbrock, x, at, p, alpha1);
    const { c1, c2 } = wolfeDefaults;
    const d0 = dot(at.grad, p);
    expect(r.ok).toBe(true);
    expect(r.at.loss).toBeLessThanOrEqual(at.loss + c1 * r.alpha * d0);
    expect(Math.abs(dot(r.at.grad, p))).toBeLessThanOrEqual(c2 * Math.abs(d0));
  });

  it('shrinks through non-finite trial points', async () => {
    const f: Objective = (x) =>
      x[0] > 2
        ? { loss: NaN, grad: Float64Array.of(NaN) }
        : { loss: (x[0] - 1) ** 2, grad: Float64Array.of(2 * (x[0] - 1)) };
    const x = Float64Array.of(0);
    const r = await strongWolfe(f, x, await f(x), Float64Array.of(1), 100);
    expect(r.ok).toBe(true);
    expect(r.x[0]).toBeLessThan(2);
    expect(r.at.loss).toBeLessThan(1 - 1e-4 * r.alpha * 2);
    expect(Math.abs(r.at.grad[0])).toBeLessThanOrEqual(0.9 * 2);
  });
});
