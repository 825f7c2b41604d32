import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config';
import { Trainer } from '../trainer';

/**
 * PirateNet's physics-informed initialisation: at α = 0 the network is Φ W + b, and W is
 * fitted to the initial condition by least squares, so the IC loss is small before step 1.
 */
describe('PirateNet least-squares initialisation', () => {
  it('makes the initial-condition loss small at step 0 (wave)', async () => {
    const cfg = { pde: 'wave', arch: 'pirate_net', archOptions: { blocks: 1, width: 128, fourierSigma: 6 }, batch: 512, lr: 1e-8 } as const;
    const plain = new Trainer(resolveConfig({ ...cfg, archOptions: { ...cfg.archOptions, piInit: false } }));
    const fitted = new Trainer(resolveConfig(cfg));
    await plain.prepare();
    await fitted.prepare();
    plain.step();
    fitted.step(); // lr ≈ 0: the losses are those of the initial weights
    const [a, b] = [await plain.checkpoint(), await fitted.checkpoint()];
    expect(b.losses.ic).toBeLessThan(1e-3);
    expect(a.losses.ic).toBeGreaterThan(100 * b.losses.ic);
    plain.dispose();
    fitted.dispose();
  });
});
