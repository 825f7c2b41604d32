import { describe, expect, it } from 'vitest';
import { candidatesFor, describeTiming, formatPerStep, pickFastest, type BackendTiming } from './backend-pick';

describe('pickFastest', () => {
  it('picks the lowest ms/step and lists the others after it, failures last', () => {
    const timings: BackendTiming[] = [
      { backend: 'webgl', error: 'no step within 3 s' },
      { backend: 'webgpu', threads: 1, msPerStep: 850 },
      { backend: 'wasm', threads: 2, msPerStep: 9.14 },
    ];
    expect(pickFastest(timings)).toEqual({
      backend: 'wasm',
      threads: 2,
      reason: 'fastest measured: wasm ×2 threads 9.1 ms/step · webgpu 850 ms/step · webgl: no step within 3 s',
    });
  });

  it('lets a GPU win when it is faster', () => {
    const timings: BackendTiming[] = [
      { backend: 'wasm', threads: 1, msPerStep: 41 },
      { backend: 'webgpu', threads: 1, msPerStep: 3.2 },
    ];
    expect(pickFastest(timings)?.backend).toBe('webgpu');
  });

  it('ignores non-finite timings and gives null when nothing was measured', () => {
    expect(pickFastest([{ backend: 'wasm', threads: 1, msPerStep: NaN }])).toBeNull();
    expect(pickFastest([{ backend: 'webgpu', error: 'navigator.gpu is missing' }])).toBeNull();
    expect(pickFastest([])).toBeNull();
  });

  it('keeps the first of equal timings (the candidates come cheapest first)', () => {
    const timings: BackendTiming[] = [
      { backend: 'wasm', threads: 1, msPerStep: 5 },
      { backend: 'webgl', threads: 1, msPerStep: 5 },
    ];
    expect(pickFastest(timings)?.backend).toBe('wasm');
  });
});

describe('formatPerStep', () => {
  it('reads as ms below a second and s above', () => {
    expect(formatPerStep(9.137)).toBe('9.1 ms/step');
    expect(formatPerStep(849.6)).toBe('850 ms/step');
    expect(formatPerStep(2345)).toBe('2.3 s/step');
    expect(describeTiming({ backend: 'wasm', threads: 1, msPerStep: 41 })).toBe('wasm 41 ms/step');
  });
});

describe('candidatesFor', () => {
  it('times wasm on 1 and N threads, then the GPU backends, when nothing was chosen', () => {
    expect(candidatesFor(undefined, 4)).toEqual([
      { backend: 'wasm', threads: 1 },
      { backend: 'wasm', threads: 4 },
      { backend: 'webgpu', threads: 1 },
      { backend: 'webgl', threads: 1 },
    ]);
    expect(candidatesFor([], 1)?.map((c) => `${c.backend}×${c.threads}`)).toEqual(['wasm×1', 'webgpu×1', 'webgl×1']);
  });

  it('a chosen backend always wins: only wasm thread counts are timed, and only when there is a choice', () => {
    expect(candidatesFor(['webgpu'], 4)).toBeNull();
    expect(candidatesFor(['webgl', 'wasm'], 4)).toBeNull();
    expect(candidatesFor(['wasm'], 1)).toBeNull();
    expect(candidatesFor(['wasm'], 2)).toEqual([
      { backend: 'wasm', threads: 1 },
      { backend: 'wasm', threads: 2 },
    ]);
  });

  it('?threads= fixes the thread count tried', () => {
    expect(candidatesFor(['wasm'], 8, 2)).toBeNull();
    expect(candidatesFor(undefined, 8, 2)?.filter((c) => c.backend === 'wasm')).toEqual([
      { backend: 'wasm', threads: 2 },
    ]);
  });
});
