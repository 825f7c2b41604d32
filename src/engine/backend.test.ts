import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './backend';
import './node-backends';

describe('selectBackend', () => {
  it('falls back with a readable reason for every skipped backend', async () => {
    const c = await selectBackend(['webgpu', 'webgl', 'wasm']);
    expect(c.backend).toBe('wasm');
    expect(c.failures.map((f) => f.backend)).toEqual(['webgpu', 'webgl']);
    expect(c.reason).toMatch(/^webgpu: not available here; webgl: .+ → using wasm$/);
    expect(tf.getBackend()).toBe('wasm');
    const first = await selectBackend(['cpu']);
    expect(first.reason).toBe('cpu (first choice)');
  });
});
