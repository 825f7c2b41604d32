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
  /** Compare with the PyTorch peer (../shared/peers/torch_pinn_step.py: Burgers residual + IC). */
  peer: boolean;
}

const burgers = (batch: number, depth: number, width: number, optimizer: OptimizerId, steps: number): BenchCase => ({
  name: `burgers-${batch}-${depth}x${width}-${optimizer}`, pde: 'burgers', batch, depth, width, optimizer, steps, peer: true,
});

/** The cases `npm run bench` times (DESIGN.md contract; issue 8). */
export const benchCases: BenchCase[] = [
  burgers(1024, 3, 32, 'adam', 20),
  burgers(1024, 4, 64, 'adam', 10),
  burgers(1024, 4, 64, 'soap', 10),
  burgers(4096, 4, 128, 'adam', 5),
  { name: 'helmholtz-1024-3x50-adam', pde: 'helmholtz', batch: 1024, depth: 3, width: 50, optimizer: 'adam', steps: 10, peer: false },
];
