import type { OptimizerId } from '../src/engine/optim';
import type { PdeId } from '../src/engine/pdes';

/** A benchmark case: one PDE, batch size per loss term, MLP size and optimizer. */
export interface BenchCase {
  name: string;
  pde: PdeId;
  batch: number;
  depth: number;
  width: number;
  optimizer: OptimizerId;
  /** Steps per timed run. */
  steps: number;
}

/** The cases `npm run bench` times (issue 8 adds Burgers and the peer comparison). */
export const benchCases: BenchCase[] = [
  { name: 'helmholtz-1024-3x50-adam', pde: 'helmholtz', batch: 1024, depth: 3, width: 50, optimizer: 'adam', steps: 10 },
  { name: 'poisson1d-1024-3x32-adam', pde: 'poisson1d', batch: 1024, depth: 3, width: 32, optimizer: 'adam', steps: 10 },
  { name: 'wave-1024-4x64-adam', pde: 'wave', batch: 1024, depth: 4, width: 64, optimizer: 'adam', steps: 10 },
];
