/**
 * Live learning-rate edits while a run trains. A number field reports every parse-able text
 * as the user types it, so typing `1e-4` passes through `1` (a rate that wrecks a converged
 * run) before the complete value. A live rate is therefore sent to the worker only when the
 * edit is committed — Enter or leaving the field (`commit`) — or after a pause in typing of
 * `idleMs` (the value then is what the user left there), never on each keystroke.
 */
import type { RunIndex } from '../worker/protocol';

/** How long typing must pause before a live rate applies without Enter or blur. */
export const liveLrIdleMs = 1500;

/** Sends a run's new rate to the worker. */
export type SendLr = (run: RunIndex, lr: number) => void;

/** The rates the worker's runs use, and the edits that are waiting to be committed. */
export class LiveLr {
  /** Base rate in force per run (what the worker was last told), or null for no run. */
  private applied: (number | null)[] = [null, null];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** An edit made while training waits for its commit (only those are sent: Start sends the rest). */
  private dirty = false;

  /**
   * @param send posts `setLr` to the worker
   * @param wanted the rates the controls hold now, one per run (read when committing)
   * @param idleMs the pause in typing after which an edit commits by itself
   */
  constructor(
    private readonly send: SendLr,
    private readonly wanted: () => number[],
    private readonly idleMs = liveLrIdleMs,
  ) {}

  /** Training (re)starts or steps with these rates: they are in force, nothing is pending. */
  started(rates: readonly number[]): void {
    this.settled();
    this.applied = [rates[0] ?? null, rates[1] ?? null];
  }

  /** The runs are gone (reset, new backend): nothing is in force. */
  cleared(): void {
    this.settled();
    this.applied = [null, null];
  }

  /**
   * Training stopped: nothing waits for a commit any more (the next Start or Step sends the
   * configs, and with them the rates); the worker's runs keep the rates in force.
   */
  settled(): void {
    clearTimeout(this.timer);
    this.dirty = false;
  }

  /** The controls' rates changed while training: apply them after a pause unless committed first. */
  edited(): void {
    clearTimeout(this.timer);
    this.dirty = this.pending().length > 0;
    if (this.dirty) this.timer = setTimeout(() => this.commit(), this.idleMs);
  }

  /** Send every rate that differs from the one in force (Enter, blur, pause). */
  commit(): void {
    clearTimeout(this.timer);
    if (!this.dirty) return;
    this.dirty = false;
    for (const [run, lr] of this.pending()) {
      this.applied[run] = lr;
      this.send(run, lr);
    }
  }

  /** Runs whose wanted rate differs from the applied one. */
  pending(): [RunIndex, number][] {
    const want = this.wanted();
    return ([0, 1] as const).flatMap((i) => {
      const a = this.applied[i];
      const w = want[i];
      return a !== null && w !== undefined && Number.isFinite(w) && w !== a ? [[i, w] as [RunIndex, number]] : [];
    });
  }
}
