/**
 * What tells two compare runs apart, in words: the settings where run B differs from run A
 * ("balancing.method: fixed" / "annealing"), so their tags and the compare summary name the
 * difference rather than repeating "adam · mlp" twice. Options that belong to a switched
 * choice (an optimizer's hyperparameters when the optimizer itself differs) are left out.
 */
import type { ConfigInput } from '../engine/config';

/** Records whose keys belong to the choice named by another field. */
const owner: Record<string, string> = {
  optimizerOptions: 'optimizer',
  archOptions: 'arch',
  params: 'pde',
  lossWeights: 'pde',
  termBatch: 'pde',
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (Array.isArray(v) ? v.join('+') : String(v));

/** Run B's overrides as "key = value" phrases, e.g. ["optimizer = soap", "lr = 0.0005"]. */
export function describeOverrides(o: ConfigInput): string[] {
  return Object.entries(o).flatMap(([k, v]) => {
    if (owner[k] && owner[k] in o) return [];
    if (isRecord(v)) return Object.entries(v).map(([kk, vv]) => `${k}.${kk} = ${text(vv)}`);
    return [`${k} = ${text(v)}`];
  });
}

/** Paths ("optimizer", "balancing.method") where B's overrides change A, with both values. */
export function differences(a: ConfigInput, overrides: ConfigInput): { path: string; a: string; b: string }[] {
  const A = a as Record<string, unknown>;
  return Object.entries(overrides).flatMap(([k, v]) => {
    if (owner[k] && owner[k] in overrides) return [];
    if (k === 'custom') return [{ path: 'typed PDE', a: 'A', b: 'B' }];
    if (isRecord(v)) {
      const base = isRecord(A[k]) ? A[k] : {};
      return Object.entries(v).map(([kk, vv]) => ({ path: `${k}.${kk}`, a: text(base[kk] ?? '—'), b: text(vv) }));
    }
    return [{ path: k, a: text(A[k] ?? '—'), b: text(v) }];
  });
}

/** The two runs' tags: each run's own values of the differing settings (at most `most` shown). */
export function runTags(a: ConfigInput, overrides: ConfigInput, most = 3): [string, string] {
  const d = differences(a, overrides);
  if (!d.length) return ['same settings', 'same settings'];
  const shown = d.slice(0, most);
  const more = d.length > most ? ` +${d.length - most}` : '';
  const phrase = (x: (typeof d)[number], side: 'a' | 'b') => {
    if (x.path === 'optimizer' || x.path === 'arch') return x[side]; // "adam" / "soap" says it all
    if (shown.length === 1 && x.path.includes('.')) return `${x.path.split('.').pop()}: ${x[side]}`;
    return `${x.path} ${x[side]}`;
  };
  const tag = (side: 'a' | 'b') => shown.map((x) => phrase(x, side)).join(' · ') + more;
  return [tag('a'), tag('b')];
}
