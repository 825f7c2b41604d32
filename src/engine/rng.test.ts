import { describe, expect, it } from 'vitest';
import { createRng } from './rng';

describe('createRng', () => {
  it('is reproducible from the seed and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const xa = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xa);
  });
  it('draws uniforms in [0,1) and standard normals with the right moments', () => {
    const r = createRng(1);
    const n = 200_000;
    let s = 0,
      s2 = 0,
      u = 0,
      lo = 1,
      hi = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s += z;
      s2 += z * z;
      const v = r.next();
      u += v;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.01);
    expect(Math.abs(u / n - 0.5)).toBeLessThan(0.005);
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
  });
});

describe('Rng state', () => {
  it('restores a position exactly, pending normal included, through JSON', () => {
    const a = createRng(7);
    for (let i = 0; i < 10; i++) a.next();
    a.normal(); // leaves the second Box–Muller value pending
    const saved = JSON.parse(JSON.stringify(a.getState()));
    const ahead = [a.normal(), a.next(), a.uniform(-1, 2), a.normal(), a.normal()];
    const b = createRng(123);
    b.setState(saved);
    expect([b.normal(), b.next(), b.uniform(-1, 2), b.normal(), b.normal()]).toEqual(ahead);
    expect(b.fork().next()).toBe(a.fork().next());
  });
  it('rejects a malformed state and keeps its position', () => {
    const r = createRng(1);
    const before = r.getState();
    expect(() => r.setState({ words: [1, 2, 3], spare: null } as never)).toThrow(/four 32-bit integers/);
    expect(() => r.setState({ words: [1, 2, 3, 2 ** 32], spare: null })).toThrow(/four 32-bit integers/);
    expect(() => r.setState({ words: [1, 2, 3, 4], spare: NaN })).toThrow(/spare/);
    expect(r.getState()).toEqual(before);
  });
});
