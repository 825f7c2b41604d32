/**
 * Steady lid-driven cavity (incompressible Navier–Stokes in the unit square, lid u = 1 at
 * y = 1, no slip elsewhere) by a second-order finite-difference vorticity–streamfunction
 * solver: u = ψ_y, v = −ψ_x, ω = v_x − u_y = −Δψ, and the steady vorticity transport
 * u ω_x + v ω_y = Δω / Re. Iterated to steady state by successive over-relaxation on ψ and
 * under-relaxed Gauss–Seidel on ω, with Thom's wall vorticity ω_w = −2ψ₁/h² (− 2U/h at the
 * lid). Pure float64 TypeScript; runs in the worker and in Node.
 */

/** The cavity solution on an n × n uniform grid including the walls; arrays [i*n + j] at (x_i, y_j). */
export interface CavitySolution {
  n: number;
  re: number;
  u: Float64Array;
  v: Float64Array;
  psi: Float64Array;
  iterations: number;
  /** Max |Δω| of the last iteration (convergence measure). */
  change: number;
}

export interface CavityOptions {
  n?: number;
  tol?: number;
  maxIters?: number;
}

export function solveCavity(
  re: number,
  { n = 129, tol = 1e-9, maxIters = 60_000 }: CavityOptions = {},
): CavitySolution {
  const h = 1 / (n - 1);
  const psi = new Float64Array(n * n);
  const w = new Float64Array(n * n);
  const at = (i: number, j: number) => i * n + j;
  const omegaSor = 2 / (1 + Math.sin(Math.PI * h)); // optimal SOR factor for the Poisson problem
  const relax = 0.9;
  let change = Infinity;
  let it = 0;
  for (; it < maxIters && change > tol; it++) {
    // ψ: a few SOR sweeps on Δψ = −ω (ψ = 0 on the walls)
    for (let s = 0; s < 2; s++) {
      for (let i = 1; i < n - 1; i++) {
        for (let j = 1; j < n - 1; j++) {
          const k = at(i, j);
          const gs = 0.25 * (psi[k + n] + psi[k - n] + psi[k + 1] + psi[k - 1] + h * h * w[k]);
          psi[k] += omegaSor * (gs - psi[k]);
        }
      }
    }
    // Thom's formula for the wall vorticity
    for (let k = 0; k < n; k++) {
      w[at(0, k)] = (-2 * psi[at(1, k)]) / (h * h); // x = 0
      w[at(n - 1, k)] = (-2 * psi[at(n - 2, k)]) / (h * h); // x = 1
      w[at(k, 0)] = (-2 * psi[at(k, 1)]) / (h * h); // y = 0
      w[at(k, n - 1)] = (-2 * psi[at(k, n - 2)]) / (h * h) - 2 / h; // lid
    }
    // ω: Gauss–Seidel on the steady transport equation (central differences)
    change = 0;
    for (let i = 1; i < n - 1; i++) {
      for (let j = 1; j < n - 1; j++) {
        const k = at(i, j);
        const u = (psi[k + 1] - psi[k - 1]) / (2 * h);
        const v = -(psi[k + n] - psi[k - n]) / (2 * h);
        const gs =
          0.25 *
          (w[k + n] +
            w[k - n] +
            w[k + 1] +
            w[k - 1] -
            ((re * h) / 2) * (u * (w[k + n] - w[k - n]) + v * (w[k + 1] - w[k - 1])));
        const d = relax * (gs - w[k]);
        w[k] += d;
        if (Math.abs(d) > change) change = Math.abs(d);
      }
    }
  }
  const u = new Float64Array(n * n);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const k = at(i, j);
      if (i === 0 || j === 0 || i === n - 1 || j === n - 1) {
        u[k] = j === n - 1 && i > 0 && i < n - 1 ? 1 : 0;
        continue;
      }
      u[k] = (psi[k + 1] - psi[k - 1]) / (2 * h);
      v[k] = -(psi[k + n] - psi[k - n]) / (2 * h);
    }
  }
  return { n, re, u, v, psi, iterations: it, change };
}

/** Bilinear interpolation of a grid field [i*n + j] at (x, y) ∈ [0, 1]². */
export function sampleGrid(f: Float64Array, n: number, x: number, y: number): number {
  const fx = Math.min(n - 1 - 1e-12, Math.max(0, x * (n - 1)));
  const fy = Math.min(n - 1 - 1e-12, Math.max(0, y * (n - 1)));
  const i = Math.floor(fx);
  const j = Math.floor(fy);
  const a = fx - i;
  const b = fy - j;
  return (
    (1 - a) * (1 - b) * f[i * n + j] +
    a * (1 - b) * f[(i + 1) * n + j] +
    (1 - a) * b * f[i * n + j + 1] +
    a * b * f[(i + 1) * n + j + 1]
  );
}
