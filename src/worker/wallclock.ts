import type { WallClock } from './protocol';

/**
 * Run A's step count against wall time since Start, and again from the end of the first
 * chunk (steady state: shader compilation and the first snapshot excluded) — the step rate
 * a user sees, streaming included, reported with each stop.
 */
export class StepClock {
  private t0 = 0;
  private step0 = 0;
  private t1 = NaN;
  private step1 = 0;

  /** Training starts at `step`. */
  start(step: number): void {
    this.t0 = performance.now();
    this.step0 = step;
    this.t1 = NaN;
  }

  /** A chunk ended at `step` (the first one starts the steady-state count). */
  chunk(step: number): void {
    if (!Number.isNaN(this.t1)) return;
    this.t1 = performance.now();
    this.step1 = step;
  }

  /** The counts at `step`, with `streamMs` spent on evaluations. */
  read(step: number, streamMs: number): WallClock {
    const now = performance.now();
    return {
      steps: step - this.step0,
      ms: now - this.t0,
      streamMs,
      steady: Number.isNaN(this.t1) ? { steps: 0, ms: 0 } : { steps: step - this.step1, ms: now - this.t1 },
    };
  }
}
