/**
 * Ghia, Ghia & Shin (1982), "High-Re solutions for incompressible flow using the Navier–Stokes
 * equations and a multigrid method", J. Comput. Phys. 48, Table I: u on the vertical centreline
 * x = 0.5 of the lid-driven cavity, as [y, u] pairs from the bottom wall to the lid, for the
 * Reynolds numbers our `ldc` range covers. The classic validation data of the cavity.
 */
const y = [
  0, 0.0547, 0.0625, 0.0703, 0.1016, 0.1719, 0.2813, 0.4531, 0.5, 0.6172, 0.7344, 0.8516, 0.9531, 0.9609, 0.9688,
  0.9766, 1,
];

const u: Record<number, number[]> = {
  100: [
    0, -0.03717, -0.04192, -0.04775, -0.06434, -0.1015, -0.15662, -0.2109, -0.20581, -0.13641, 0.00332, 0.23151,
    0.68717, 0.73722, 0.78871, 0.84123, 1,
  ],
  400: [
    0, -0.08186, -0.09266, -0.10338, -0.14612, -0.24299, -0.32726, -0.17119, -0.11477, 0.02135, 0.16256, 0.29093,
    0.55892, 0.61756, 0.68439, 0.75837, 1,
  ],
};

/** Ghia et al.'s centreline u at Reynolds number `re`, or null where they give none. */
export function ghiaCentreline(re: number): [number, number][] | null {
  const col = u[re];
  return col ? y.map((yi, i) => [yi, col[i]]) : null;
}
