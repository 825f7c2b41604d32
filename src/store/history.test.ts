import { describe, expect, it } from 'vitest';
import { appendLoss, emptyHistory } from './history';

describe('loss history', () => {
  it('appends without touching the previous snapshot and pads terms that appear late', () => {
    const h0 = emptyHistory(3, ['res']);
    const h1 = appendLoss(h0, 10, { res: 1 }, 1);
    const h2 = appendLoss(h1, 20, { res: 0.5, bc: 0.1 }, 0.6);
    expect(h0.steps).toEqual([]);
    expect(h1.terms.res).toEqual([1]);
    expect(h2).toEqual({ runId: 3, steps: [10, 20], terms: { res: [1, 0.5], bc: [NaN, 0.1] }, total: [1, 0.6] });
  });
});
