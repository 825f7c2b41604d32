import { describe, expect, it } from 'vitest';
import { formatBackend, formatNumber } from './format';

describe('formatting', () => {
  it('prints numbers that Number() reads back', () => {
    for (const v of [0, 1, 0.012345, 3.2e-7, 123456789, -0.5])
      expect(Number(formatNumber(v))).toBeCloseTo(v, 3 - Math.floor(Math.log10(Math.abs(v) || 1)));
    expect(formatNumber(0.012345)).toBe('0.01235');
    expect(formatNumber(3.21e-7)).toBe('3.210e-7');
    expect(formatNumber(null)).toBe('—');
  });

  it('starts the backend line with the backend id', () => {
    expect(formatBackend('webgpu', 'webgpu (first choice)')).toBe('webgpu — first choice');
    expect(formatBackend('wasm', 'webgpu: navigator.gpu is missing; webgl: failed → using wasm')).toBe(
      'wasm — webgpu: navigator.gpu is missing; webgl: failed → using wasm',
    );
    expect(formatBackend(null, '')).toBe('starting…');
    expect(formatBackend('wasm', 'wasm (fastest measured: wasm ×2 threads 9.1 ms/step)', 2)).toBe(
      'wasm ×2 threads — fastest measured: wasm ×2 threads 9.1 ms/step',
    );
  });
});
