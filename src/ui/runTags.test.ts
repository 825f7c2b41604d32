import { describe, expect, it } from 'vitest';
import { describeOverrides, differences, runTags } from './runTags';

const a = {
  optimizer: 'adam',
  arch: 'mlp',
  lr: 1e-3,
  balancing: { method: 'fixed', every: 100 },
  optimizerOptions: { beta1: 0.9 },
};

describe('run tags', () => {
  it('names what differs, with each run its own value', () => {
    expect(runTags(a, { balancing: { method: 'annealing' } })).toEqual(['method: fixed', 'method: annealing']);
    expect(runTags(a, { optimizer: 'soap', optimizerOptions: { beta1: 0.95 } })).toEqual(['adam', 'soap']);
    expect(runTags(a, { optimizer: 'soap', lr: 5e-4 })).toEqual(['adam · lr 0.001', 'soap · lr 0.0005']);
    expect(runTags(a, {})).toEqual(['same settings', 'same settings']);
    const many = runTags(a, { lr: 1, seed: 2, batch: 3, steps: 4 }, 2);
    expect(many).toEqual(['lr 0.001 · seed — +2', 'lr 1 · seed 2 +2']);
  });

  it('lists overrides and differences without the options of a switched choice', () => {
    expect(describeOverrides({ optimizer: 'soap', optimizerOptions: { beta1: 0.95 }, lr: 5e-4 })).toEqual([
      'optimizer = soap',
      'lr = 0.0005',
    ]);
    expect(describeOverrides({ diagnostics: { kinds: ['align', 'hist'] } })).toEqual([
      'diagnostics.kinds = align+hist',
    ]);
    expect(differences(a, { balancing: { method: 'annealing' } })).toEqual([
      { path: 'balancing.method', a: 'fixed', b: 'annealing' },
    ]);
  });
});
