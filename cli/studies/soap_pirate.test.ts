import { describe, expect, it } from 'vitest';
import { gapOpensAt } from './soap_pirate';
import type { RunResult } from './types';

const run = (rel: number[]): RunResult =>
  ({
    spec: { label: 'x', config: {} },
    steps: rel.length * 100,
    relL2: rel[rel.length - 1],
    loss: 0,
    losses: {},
    msPerStep: 0,
    curve: rel.map((r, i) => ({ step: (i + 1) * 100, loss: 0, relL2: r })),
  }) as RunResult;

describe('gapOpensAt: the first logged step from which SOAP stays at or below half of Adam', () => {
  it('finds the step the gap opens and stays open', () => {
    expect(gapOpensAt(run([1, 1, 1, 1]), run([0.9, 0.4, 0.6, 0.3]))).toBe(400); // closed again at 300
    expect(gapOpensAt(run([1, 1, 1]), run([0.5, 0.2, 0.1]))).toBe(100);
  });
  it('says undefined when SOAP is not 2× ahead at the end', () => {
    expect(gapOpensAt(run([1, 1, 1]), run([0.4, 0.4, 0.6]))).toBeUndefined();
  });
});
