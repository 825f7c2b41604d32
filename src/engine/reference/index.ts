/**
 * Spectral reference solvers (Fourier pseudo-spectral in x, ETDRK4 in t, float64) for the
 * time-dependent PDEs without closed-form solutions. Pure TypeScript: no tfjs, no DOM.
 */
export { referenceSolution } from './cache';
export { problems, type ProblemId, type SpectralProblem } from './problems';
export { integrate, linspace, resolveParams, solveSpectral, type SpectralSolution } from './solve';
export { SeriesSampler } from './spectral';
export { spectralPdeFields } from './pde-fields';
