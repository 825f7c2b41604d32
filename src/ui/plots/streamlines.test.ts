import { describe, expect, it } from 'vitest';
import { bracket, profileAt, sample, speed, streamlines, trace, type VelocityField } from './streamlines';

/** A field (u, v)(x, y) sampled on ticks `xs` × `ys` (rows z[j][i]). */
function field(xs: number[], ys: number[], w: (x: number, y: number) => [number, number]): VelocityField {
  return { x: xs, y: ys, u: ys.map((y) => xs.map((x) => w(x, y)[0])), v: ys.map((y) => xs.map((x) => w(x, y)[1])) };
}
const ticks = (n: number) => Array.from({ length: n }, (_, i) => i / (n - 1));
/** Solid-body rotation about (½, ½), counter-clockwise: its streamlines are circles. */
const rotation = field(ticks(21), ticks(21), (x, y) => [-(y - 0.5), x - 0.5]);
const radius = ([x, y]: [number, number]) => Math.hypot(x - 0.5, y - 0.5);

describe('plane-flow geometry', () => {
  it('brackets a value among ascending, uneven ticks', () => {
    const [i, t] = bracket([0, 0.3, 0.7, 1], 0.5)!;
    expect(i).toBe(1);
    expect(t).toBeCloseTo(0.5, 12);
    expect(bracket([0, 0.3, 0.7, 1], 1)).toEqual([2, 1]);
    expect(bracket([0, 0.3, 0.7, 1], 1.01)).toBeNull();
  });

  it('bilinear sampling and the centreline are exact for a linear field, 0.5 between ticks', () => {
    const f = field([0, 0.3, 0.7, 1], [0, 0.2, 0.9, 1], (x, y) => [2 * x + 3 * y + 1, x - y]);
    const [u, v] = sample(f, 0.41, 0.63)!;
    expect(u).toBeCloseTo(2 * 0.41 + 3 * 0.63 + 1, 12);
    expect(v).toBeCloseTo(0.41 - 0.63, 12);
    const p = profileAt(f, 0.5)!;
    f.y.forEach((y, j) => expect(p[j]).toBeCloseTo(2 * 0.5 + 3 * y + 1, 12));
    expect(sample(f, -0.1, 0.5)).toBeNull();
    expect(profileAt(f, 1.5)).toBeNull();
  });

  it('speed is √(u² + v²)', () => {
    const f = field([0, 1], [0, 1], (x, y) => [3 * (x + 1), 4 * (y + 1)]);
    expect(speed(f)).toEqual([
      [5, Math.hypot(6, 4)],
      [Math.hypot(3, 8), 10],
    ]);
  });

  it('a streamline of solid-body rotation stays on its circle and turns counter-clockwise', () => {
    const line = trace(rotation, [0.8, 0.5], 1, { step: 0.01, maxLength: 2 * Math.PI * 0.3, minSpeed: 1e-6 });
    expect(line.length).toBeGreaterThan(180);
    for (const p of line) expect(Math.abs(radius(p) - 0.3)).toBeLessThan(1e-6);
    expect(line[5][1]).toBeGreaterThan(0.5); // (0.8, 0.5) moves up: v = x − ½ > 0
    const [x, y] = line.at(-1)!;
    expect(Math.hypot(x - 0.8, y - 0.5)).toBeLessThan(0.02); // one full turn
  });

  it('a streamline stops at a wall, and at low speed', () => {
    const uniform = field(ticks(5), ticks(5), () => [1, 0]);
    const line = trace(uniform, [0.5, 0.3], 1, { step: 0.01, maxLength: 10, minSpeed: 1e-6 });
    expect(line.every(([x, y]) => x <= 1 && y === 0.3)).toBe(true);
    expect(line.at(-1)![0]).toBeGreaterThan(0.98);
    expect(trace(uniform, [0.5, 0.3], 1, { step: 0.01, maxLength: 10, minSpeed: 2 })).toHaveLength(1);
  });

  it('evenly spaced streamlines of the rotation are circles, each closed once, covering the disc', () => {
    const lines = streamlines(rotation);
    expect(lines.length).toBeGreaterThan(5);
    for (const l of lines) {
      const r = radius(l[0]);
      for (const p of l) expect(Math.abs(radius(p) - r)).toBeLessThan(1e-5);
      // No line winds around more than once: its length is at most one circumference and a few cells.
      expect((l.length - 1) * (0.25 / 16)).toBeLessThan(2 * Math.PI * r + 0.2);
    }
    const radii = lines.map((l) => radius(l[0]));
    expect(Math.max(...radii)).toBeGreaterThan(0.4);
    expect(Math.min(...radii)).toBeLessThan(0.15);
    expect(streamlines(field(ticks(3), ticks(3), () => [0, 0]))).toEqual([]);
  });
});
