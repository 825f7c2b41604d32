import type { OptimizerId } from '../optim';
import type { PdeId } from '../pdes';

/** A benchmark case: one PDE, batch size per loss term, MLP size and optimizer. */
export interface BenchCase {
  name: string;
  pde: PdeId;
  batch: number;
  depth: number;
  width: number;
  optimizer: OptimizerId;
  /** Steps per timed run in Node. */
  steps: number;
  /**
   * Steps per timed run in the browser bench, fewer than in Node: there the GPU backends run
   * on SwiftShader (software), and all cases × 3 backends should finish in minutes on 2 cores.
   */
  browserSteps: number;
  /** Compare with the PyTorch peer (../shared/peers/torch_pinn_step.py: Burgers residual + IC). */
  peer: boolean;
}

const burgers = (
  batch: number,
  depth: number,
  width: number,
  optimizer: OptimizerId,
  steps: number,
  browserSteps: number,
): BenchCase => ({
  name: `burgers-${batch}-${depth}x${width}-${optimizer}`,
  pde: 'burgers',
  batch,
  depth,
  width,
  optimizer,
  steps,
  browserSteps,
  peer: true,
});

/** The cases `npm run bench` times (docs/ARCHITECTURE.md contract; issue 8). */
export const benchCases: BenchCase[] = [
  burgers(1024, 3, 32, 'adam', 20, 5),
  burgers(1024, 4, 64, 'adam', 10, 2),
  burgers(1024, 4, 64, 'soap', 10, 2),
  burgers(4096, 4, 128, 'adam', 5, 1),
  {
    name: 'helmholtz-1024-3x50-adam',
    pde: 'helmholtz',
    batch: 1024,
    depth: 3,
    width: 50,
    optimizer: 'adam',
    steps: 10,
    browserSteps: 2,
    peer: false,
  },
];
