import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finished, readResults, seededRuns, summarizeSeeds, writeResults } from './seeds';
import type { RunResult } from './types';

const run = (label: string, seed: number, relL2: number, steps = 100): RunResult => ({
  spec: { label, seed, config: { seed } },
  steps,
  relL2,
  loss: relL2 * 10,
  losses: { res: relL2 },
  msPerStep: seed + 1,
  curve: [{ step: steps, loss: relL2 * 10, relL2 }],
});

describe('study seeds', () => {
  it('runs every label for seeds 0 … n − 1, seed-major, with the seed in the config', () => {
    const r = seededRuns(
      [
        { label: 'A', config: { lr: 1 } },
        { label: 'B', config: {} },
      ],
      2,
    );
    expect(r.map((s) => `${s.label}${s.seed}:${s.config.seed}`)).toEqual(['A0:0', 'B0:0', 'A1:1', 'B1:1']);
    expect(r[2].config.lr).toBe(1);
  });
  it('summarizes a label over its seeds: mean, min, max; seed 0 keeps its curve', () => {
    const s = summarizeSeeds([run('A', 1, 0.3), run('A', 0, 0.1), run('B', 0, 2), run('A', 2, 0.2)]);
    expect(s.map((r) => r.spec.label)).toEqual(['A', 'B']);
    expect(s[0].relL2).toBeCloseTo(0.2, 14);
    expect(s[0].seeds).toMatchObject({ n: 3, min: 0.1, max: 0.3, values: [0.3, 0.1, 0.2] });
    expect(s[0].curve[0].relL2).toBe(0.1);
    expect(s[0].msPerStep).toBeCloseTo(2, 14);
    expect(s[1].seeds?.n).toBe(1);
  });
  it('round-trips results.json with typed arrays as lists, and finds a finished run', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'seeds-')), 'results.json');
    const r = { ...run('A', 1, 0.5), extra: { counts: 'x' } } as RunResult;
    (r as unknown as { hist: Float32Array }).hist = new Float32Array([1, 2.5]);
    writeResults(file, 'study', 'wasm', [r]);
    expect(readFileSync(file, 'utf8')).toContain('"hist":[1,2.5]');
    const back = readResults(file);
    expect((back[0] as unknown as { hist: number[] }).hist).toEqual([1, 2.5]);
    expect(back[0].losses).toEqual({ res: 0.5 });
    expect(finished(back, { label: 'A', seed: 1, config: {} }, 100)).toBeDefined();
    expect(finished(back, { label: 'A', seed: 1, config: {} }, 200)).toBeUndefined();
    expect(finished(back, { label: 'A', seed: 0, config: {} }, 100)).toBeUndefined();
  });
});
