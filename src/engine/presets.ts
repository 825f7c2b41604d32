import type { ConfigInput } from './config';

/**
 * Named experiments: each is a set of overrides of the base config (jaxpi-style, no copied
 * configs). The UI's preset menu and `npm run train -- --preset NAME` read this table.
 */
export const presets: Record<string, { label: string; config: ConfigInput }> = {
  poisson: { label: '1-D Poisson, C = 1', config: { pde: 'poisson1d', steps: 3000, batch: 256 } },
  poisson_stiff: { label: '1-D Poisson, C = 8 (stiff)', config: { pde: 'poisson1d', params: { C: 8 }, steps: 5000, batch: 256 } },
  helmholtz_m1: {
    label: 'Helmholtz, MLP + Adam (paper M1)',
    config: { pde: 'helmholtz', archOptions: { depth: 3, width: 50, activation: 'tanh' }, batch: 128, steps: 40000 },
  },
  klein_gordon: { label: 'Klein–Gordon, MLP + Adam', config: { pde: 'klein_gordon', batch: 128, steps: 40000 } },
  wave: { label: 'Wave (c = 2), MLP + Adam', config: { pde: 'wave', batch: 256, steps: 20000 } },
  advection: { label: 'Advection β = 30 (periodic embedding)', config: { pde: 'advection', batch: 256, steps: 10000 } },
};

export const presetIds = Object.keys(presets);
