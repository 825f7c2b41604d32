/**
 * What the worker streams to the UI, and how often: logged rows (batched), gradient
 * histograms of diagnostics steps, and solution evaluations, which cost device time and are
 * therefore rationed by a `StreamBudget`. Also keeps each run's host copy of its weights
 * fresh (for recovery after a lost device).
 */
import type { DiagnosticsReport } from '../engine/diagnostics/run';
import { metricsRow } from '../engine/metrics';
import type { Checkpoint, Trainer } from '../engine/trainer';
import { StreamBudget } from './budget';
import { subsampleGrid } from './grid';
import type { CollocationSnapshot, FromWorker } from './protocol';
import type { Run } from './run';

/**
 * The last `max` collocation points of each term of the trainer's last step (batches are
 * random draws, so any run of them is a fair subsample; RAR-D appends its refined points, so
 * the last ones show them), copied into buffers that can be transferred.
 */
export function collocationSnapshot(t: Trainer, max: number): CollocationSnapshot | undefined {
  const batches = t.collocation;
  if (!batches) return undefined;
  const d = t.pde.axes.length;
  const terms = Object.keys(batches);
  const points = terms.map((k) => {
    const b = batches[k];
    const n = Math.min(b.n, max);
    return b.x.slice((b.n - n) * d);
  });
  return { step: t.stepCount, terms, points };
}

/** Streaming knobs (defaults below). */
export interface StreamOptions {
  /** Post snapshots at all (false: only `stopped`, to measure what streaming costs). */
  stream: boolean;
  /** Share of wall time evaluations may take. */
  budget: number;
  /** Shortest time between two evaluations. */
  minEvalIntervalMs: number;
  /** Shortest time between two progress messages of a run. */
  flushEveryMs: number;
  /** Refresh the host copy of the training state at most this often. */
  saveEveryMs: number;
  /** Ticks per axis of the display grid. */
  maxTicks: number;
  /** Collocation points per loss term sent with an evaluation. */
  maxPoints: number;
}

/** Evaluations take at most 2% of wall time; rows post at most every 100 ms per run. */
export const streamDefaults: StreamOptions = {
  stream: true,
  budget: 0.02,
  minEvalIntervalMs: 250,
  flushEveryMs: 100,
  saveEveryMs: 5000,
  maxTicks: 200,
  maxPoints: 600,
};

/** Decides what to post and when (see the file comment). */
export class Streamer {
  readonly opts: StreamOptions;
  private readonly budget: StreamBudget;
  private readonly lastFlush = new Map<number, number>();

  constructor(
    private readonly post: (msg: FromWorker, transfer?: Transferable[]) => void,
    opts: Partial<StreamOptions> = {},
  ) {
    this.opts = { ...streamDefaults, ...opts };
    this.budget = new StreamBudget(this.opts.budget, this.opts.minEvalIntervalMs);
  }

  /** Training (re)starts: the budget counts from now. */
  begin(): void {
    this.budget.begin();
  }

  /** Whether the next chunk should end with an evaluation. */
  due(): boolean {
    return this.opts.stream && this.budget.due();
  }

  /** Milliseconds spent on evaluations since `begin` (reported with each stop). */
  get spentMs(): number {
    return this.budget.spentMs;
  }

  /**
   * The engine loop's per-log callback: maybe evaluate (`snapshot`), post the diagnostics'
   * histograms, queue the metrics row and flush the run's queue when it is time.
   */
  async log(
    r: Run,
    c: Checkpoint,
    msPerStep: number,
    diag: DiagnosticsReport | undefined,
    snapshot: boolean,
  ): Promise<void> {
    if (performance.now() - r.savedAt >= this.opts.saveEveryMs) await r.saveState();
    if (!this.opts.stream) return;
    const relL2 = snapshot ? await this.evaluate(r) : undefined;
    if (diag?.histograms.length) {
      const buffers = diag.histograms.flatMap((h) => [
        h.edges.buffer,
        ...Object.values(h.terms).map((t) => t.counts.buffer),
      ]);
      this.post({ type: 'diagnostics', run: r.index, step: diag.step, histograms: diag.histograms }, buffers);
    }
    r.pending.push(metricsRow(c, msPerStep, { relL2, diag }));
    if (performance.now() - (this.lastFlush.get(r.index) ?? -Infinity) >= this.opts.flushEveryMs) this.flush(r);
  }

  /** Post a run's queued rows. */
  flush(r: Run): void {
    this.lastFlush.set(r.index, performance.now());
    if (!r.pending.length) return;
    this.post({ type: 'progress', run: r.index, rows: r.pending });
    r.pending = [];
  }

  flushAll(runs: readonly Run[]): void {
    runs.forEach((r) => this.flush(r));
  }

  /** Evaluate run `r` on its grid and post the display grid; returns the relative L2 error. */
  async evaluate(r: Run): Promise<number> {
    const t0 = performance.now();
    const t = r.trainer;
    const e = await t.evaluate();
    const nOut = e.names.length;
    const sub = (a: Float32Array, n: number) => subsampleGrid(a, e.ticks, n, this.opts.maxTicks);
    const pred = sub(e.pred, nOut);
    const exact = e.exact.length ? sub(e.exact, nOut).values : new Float32Array(0);
    const residual = e.residual ? sub(e.residual, 1).values : undefined;
    const collocation = collocationSnapshot(t, this.opts.maxPoints);
    this.post(
      {
        type: 'evaluation',
        run: r.index,
        step: e.step,
        relL2: e.relL2,
        names: e.names,
        pred: pred.values,
        exact,
        residual,
        ticks: pred.ticks,
        axes: t.pde.axes,
        collocation,
      },
      [
        pred.values.buffer,
        exact.buffer,
        ...(residual ? [residual.buffer] : []),
        ...(collocation?.points.map((p) => p.buffer) ?? []),
      ],
    );
    this.budget.charge(performance.now() - t0);
    r.evaluatedAt = e.step;
    return e.relL2;
  }
}
