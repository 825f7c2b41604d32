/** Loss values per logged step, one series per loss term plus the weighted total. */
export interface LossHistory {
  /** Changes whenever a new run begins (plots rebuild instead of extending). */
  runId: number;
  steps: number[];
  terms: Record<string, number[]>;
  total: number[];
}

export function emptyHistory(runId: number, terms: string[] = []): LossHistory {
  return { runId, steps: [], terms: Object.fromEntries(terms.map((t) => [t, []])), total: [] };
}

/** A new history with one more point (old arrays are left untouched). */
export function appendLoss(h: LossHistory, step: number, losses: Record<string, number>, total: number): LossHistory {
  const terms: Record<string, number[]> = {};
  for (const name of new Set([...Object.keys(h.terms), ...Object.keys(losses)])) {
    const prev = h.terms[name] ?? h.steps.map(() => NaN);
    terms[name] = [...prev, losses[name] ?? NaN];
  }
  return { runId: h.runId, steps: [...h.steps, step], terms, total: [...h.total, total] };
}
