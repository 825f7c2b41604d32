/**
 * The streaming budget: snapshots that cost device time (solution evaluations) are taken only
 * while the time spent on them stays below `fraction` of the wall time since training began,
 * and never more often than every `minIntervalMs`. A snapshot that took 100 ms therefore
 * waits for ~5 s of training at fraction 0.02, whatever the backend's speed, which keeps
 * streaming's share of the step rate under the budget on fast GPUs and slow CPUs alike.
 *
 * The budget alone lets plots go stale where evaluations are expensive (a 2 s evaluation of
 * two Allen–Cahn runs on a software GPU would wait 100 s), so a snapshot is also due once the
 * last one is `maxStaleMs` old — unless that would let snapshots take more than `maxShare` of
 * the time, in which case it waits `lastCost / maxShare` (a 2 s evaluation: every 8 s).
 */

/** The freshness guarantee: a snapshot at least this often, at most this share of the time. */
export interface Staleness {
  maxStaleMs: number;
  maxShare: number;
}

/** A fresh solution at least every 3 s, as long as evaluations take under 25 % of the time. */
export const stalenessDefaults: Staleness = { maxStaleMs: 3000, maxShare: 0.25 };
export class StreamBudget {
  private start = 0;
  private spent = 0;
  private last = -Infinity;
  private lastCost = 0;

  /**
   * @param fraction share of wall time snapshots may use (0.02 = 2 %)
   * @param minIntervalMs shortest time between two snapshots
   * @param now clock in milliseconds (injectable for tests)
   * @param staleness how stale a snapshot may get whatever the budget (see the file comment)
   */
  constructor(
    readonly fraction = 0.02,
    readonly minIntervalMs = 250,
    private readonly now: () => number = () => performance.now(),
    readonly staleness: Staleness = stalenessDefaults,
  ) {
    this.begin();
  }

  /** Start accounting afresh (training (re)starts). */
  begin(): void {
    this.start = this.now();
    this.spent = 0;
    this.last = -Infinity;
    this.lastCost = 0;
  }

  /** Whether a snapshot may be taken now without exceeding the budget. */
  due(): boolean {
    const t = this.now();
    const since = t - this.last;
    if (since < this.minIntervalMs) return false;
    if (this.spent <= this.fraction * (t - this.start)) return true;
    const { maxStaleMs, maxShare } = this.staleness;
    return since >= Math.max(maxStaleMs, this.lastCost / maxShare);
  }

  /** Record a snapshot that took `ms` (forced ones too, so they count against the budget). */
  charge(ms: number): void {
    this.spent += ms;
    this.lastCost = ms;
    this.last = this.now();
  }

  /** Milliseconds spent on snapshots since `begin`. */
  get spentMs(): number {
    return this.spent;
  }

  /** Time spent on snapshots as a share of the wall time so far. */
  get share(): number {
    const elapsed = this.now() - this.start;
    return elapsed > 0 ? this.spent / elapsed : 0;
  }
}
