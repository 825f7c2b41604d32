/**
 * The compare verdict in one line: which run leads and by what factor, on the relative L2
 * error when both runs have one (the quantity a PINN is judged by), else on the total loss.
 */
import { currentStep, latest, type RunView } from '../store/runs';

/** Who leads, on what, by how much. */
export interface Verdict {
  metric: 'rel. L2' | 'loss';
  leader: 'A' | 'B' | null;
  /** The trailing value over the leading one (≥ 1). */
  factor: number;
  a: number;
  b: number;
  steps: [number, number];
}

/** The verdict for two runs, or null while either has nothing to compare. */
export function verdict(a: RunView | null, b: RunView | null): Verdict | null {
  if (!a || !b) return null;
  const pick = (key: string) => [latest(a, key), latest(b, key)] as const;
  const err = pick('relL2');
  const typed = a.config.pde === 'custom' || b.config.pde === 'custom';
  const usable = (v: readonly [number | null, number | null]) =>
    v[0] !== null && v[1] !== null && v[0] > 0 && v[1] > 0 && Number.isFinite(v[0]) && Number.isFinite(v[1]);
  const [metric, v] = !typed && usable(err) ? (['rel. L2', err] as const) : (['loss', pick('loss')] as const);
  if (!usable(v)) return null;
  const [va, vb] = v as [number, number];
  const factor = Math.max(va, vb) / Math.min(va, vb);
  const leader = factor < 1.05 ? null : va < vb ? 'A' : 'B';
  return { metric, leader, factor, a: va, b: vb, steps: [currentStep(a), currentStep(b)] };
}

/** The verdict as a sentence, e.g. "B leads on rel. L2 by 3.4× (1.2e-3 vs 4.1e-3)". */
export function verdictText(v: Verdict, fmt: (x: number) => string): string {
  const vs = `(A ${fmt(v.a)} vs B ${fmt(v.b)})`;
  if (!v.leader) return `Level on ${v.metric}: within 5 % ${vs}`;
  return `${v.leader} leads on ${v.metric} by ${v.factor < 10 ? v.factor.toFixed(1) : Math.round(v.factor)}× ${vs}`;
}
