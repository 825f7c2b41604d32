/**
 * The streaming budget: snapshots that cost device time (solution evaluations) are taken only
 * while the time spent on them stays below `fraction` of the wall time since training began,
 * and never more often than every `minIntervalMs`. A snapshot that took 100 ms therefore
 * waits for ~5 s of training at fraction 0.02, whatever the backend's speed, which keeps
 * streaming's share of the step rate under the budget on fast GPUs and slow CPUs alike.
 */
export class StreamBudget {
  private start = 0;
  private spent = 0;
  private last = -Infinity;

  /**
   * @param fraction share of wall time snapshots may use (0.02 = 2 %)
   * @param minIntervalMs shortest time between two snapshots
   * @param now clock in milliseconds (injectable for tests)
   */
  constructor(
    readonly fraction = 0.02,
    readonly minIntervalMs = 250,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.begin();
  }

  /** Start accounting afresh (training (re)starts). */
  begin(): void {
    this.start = this.now();
    this.spent = 0;
    this.last = -Infinity;
  }

  /** Whether a snapshot may be taken now without exceeding the budget. */
  due(): boolean {
    const t = this.now();
    return t - this.last >= this.minIntervalMs && this.spent <= this.fraction * (t - this.start);
  }

  /** Record a snapshot that took `ms` (forced ones too, so they count against the budget). */
  charge(ms: number): void {
    this.spent += ms;
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
