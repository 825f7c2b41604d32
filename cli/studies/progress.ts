/**
 * Progress of a long study on stderr (stdout keeps the table and the verdict): the run being
 * trained, its step, the study's share done and the time remaining at the rate so far, at
 * most every `everyMs` (and when a run ends), e.g.
 * `[reproduce] M2 12000/40000 · study 52000/160000 (32.5 %) · 14 min 05 s left`.
 */
import { formatDuration } from '../../src/engine/duration';

/** Where progress lines go and what time it is (injectable for tests). */
export interface ProgressIo {
  write: (line: string) => void;
  now: () => number;
}

const processIo: ProgressIo = { write: (l) => process.stderr.write(l + '\n'), now: () => performance.now() };

/** Counts the study's steps over its runs and prints where it is. */
export class StudyProgress {
  private done = 0;
  private readonly t0: number;
  private last = -Infinity;
  private runBase = 0;

  /**
   * @param total every run's step count, summed
   * @param everyMs shortest time between two lines
   */
  constructor(
    readonly total: number,
    private readonly everyMs = 10_000,
    private readonly io: ProgressIo = processIo,
  ) {
    this.t0 = io.now();
  }

  /** A run begins (its steps count from the study's steps done so far). */
  begin(): void {
    this.runBase = this.done;
  }

  /** Run `label` reached `step` of `steps` (printed when due, or `force`d at a run's end). */
  step(label: string, step: number, steps: number, force = false): void {
    this.done = this.runBase + step;
    const t = this.io.now();
    if (!force && t - this.last < this.everyMs) return;
    this.last = t;
    this.io.write(this.line(label, step, steps, t));
  }

  /** The progress line at time `t`. */
  line(label: string, step: number, steps: number, t = this.io.now()): string {
    const pct = this.total > 0 ? (100 * this.done) / this.total : 100;
    const elapsed = (t - this.t0) / 1000;
    const left = this.done > 0 ? (elapsed * (this.total - this.done)) / this.done : null;
    const eta = left === null ? 'time left unknown' : `${formatDuration(left)} left`;
    return `[reproduce] ${label} ${step}/${steps} · study ${this.done}/${this.total} (${pct.toFixed(1)} %) · ${eta}`;
  }
}
