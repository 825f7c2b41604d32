import { describe, expect, it } from 'vitest';
import { histogram, layerHistogram, sharedEdges } from './histogram';

describe('gradient histograms', () => {
  it('conserve counts and share edges across terms', () => {
    const res = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 3);
    const bc = Float32Array.from({ length: 1000 }, (_, i) => Math.cos(i) * 0.01);
    const h = layerHistogram('layer0', { res, bc }, 30);
    expect(h.edges.length).toBe(31);
    for (const t of Object.values(h.terms)) expect(t.counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(h.terms.res.maxAbs).toBeCloseTo(Math.max(...Array.from(res, Math.abs)), 6);
    expect(h.terms.bc.meanAbs).toBeLessThan(0.01);
    expect(h.edges[0]).toBeLessThanOrEqual(Math.min(...res));
    expect(h.edges[30]).toBeGreaterThanOrEqual(Math.max(...res));
  });
  it('bins by hand-checked edges, clamping the ends', () => {
    const edges = sharedEdges([[0, 4]], 4); // 0,1,2,3,4
    expect(Array.from(edges)).toEqual([0, 1, 2, 3, 4]);
    const h = histogram([0, 0.5, 1, 2.5, 3.999, 4, 7, -1], edges);
    expect(Array.from(h.counts)).toEqual([3, 1, 1, 3]);
  });
  it('handles constant input', () => {
    const h = layerHistogram('l', { a: [0, 0, 0] }, 10);
    expect(h.terms.a.counts.reduce((a, b) => a + b, 0)).toBe(3);
  });
});
