/**
 * Support for the property test (fuzz.test.ts): a seeded generator, and the check of an accepted
 * config written independently of the resolver (it reads the schemas' data, not `checkValue`).
 */
import { balancing } from '../src/engine/balancing/methods';
import { causalSchema } from '../src/engine/causal';
import { trainingSchema, type ExperimentConfig } from '../src/engine/config';
import { diagnosticKinds, diagnosticsSchema } from '../src/engine/diagnostics/kinds';
import { lbfgsSchema } from '../src/engine/host-phase';
import { architectures } from '../src/engine/nets';
import { optimizers, scheduleSchema } from '../src/engine/optim';
import { sampling } from '../src/engine/sampling-methods';
import type { OptionSchema } from '../src/engine/schema/option';

/** mulberry32: a small seeded generator, so every failure reproduces. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: <T>(xs: readonly T[]): T => xs[int(xs.length)] };
}
export type Rand = ReturnType<typeof rng>;

/** Why `v` is not a valid value of an option record described by `schema` (independent of checkValue). */
function recordProblems(field: string, v: unknown, schema: OptionSchema, extra: string[] = []): string[] {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return [`${field} is not an object`];
  const out: string[] = [];
  for (const k of Object.keys(v))
    if (!(Object.keys(schema).includes(k) || extra.includes(k))) out.push(`${field}.${k} is not an option`);
  for (const [k, spec] of Object.entries(schema)) {
    const x = (v as Record<string, unknown>)[k];
    const bad =
      spec.kind === 'bool'
        ? typeof x !== 'boolean'
        : spec.kind === 'choice'
          ? typeof x !== 'string' || !spec.choices!.includes(x)
          : spec.kind === 'string'
            ? typeof x !== 'string'
            : typeof x !== 'number' ||
              !Number.isFinite(x) ||
              x < spec.min! ||
              x > spec.max! ||
              (spec.kind === 'int' && !Number.isInteger(x));
    if (bad) out.push(`${field}.${k} = ${String(x)} is not a valid ${spec.kind}`);
  }
  return out;
}

/** Everything wrong with an accepted config (empty when it is valid). */
export function accepted(c: ExperimentConfig): string[] {
  const out = [
    ...recordProblems('archOptions', c.archOptions, architectures[c.arch].schema as OptionSchema),
    ...recordProblems('optimizerOptions', c.optimizerOptions, optimizers[c.optimizer].schema as OptionSchema),
    ...recordProblems('schedule', c.schedule, scheduleSchema as OptionSchema),
    ...recordProblems('balancing', c.balancing, balancing[c.balancing.method].schema as OptionSchema, ['method']),
    ...recordProblems('sampling', c.sampling, sampling[c.sampling.method].schema as OptionSchema, ['method']),
    ...recordProblems('causal', c.causal, causalSchema as OptionSchema),
    ...recordProblems('lbfgs', c.lbfgs, lbfgsSchema as OptionSchema),
    ...recordProblems('diagnostics', c.diagnostics, diagnosticsSchema as OptionSchema, ['kinds']),
  ];
  const top = Object.fromEntries(Object.keys(trainingSchema).map((k) => [k, c[k as keyof ExperimentConfig]]));
  out.push(...recordProblems('config', top, trainingSchema as OptionSchema));
  if (
    !c.diagnostics.kinds.every((k) => diagnosticKinds.includes(k)) ||
    new Set(c.diagnostics.kinds).size !== c.diagnostics.kinds.length
  ) {
    out.push(`diagnostics.kinds ${c.diagnostics.kinds} is not a set of kinds`);
  }
  if (!Object.values(c.params).every(Number.isFinite)) out.push('a parameter is not finite');
  if (!Object.values(c.lossWeights).every((w) => Number.isFinite(w) && w >= 0))
    out.push('a loss weight is not a finite number ≥ 0');
  if (JSON.stringify(JSON.parse(JSON.stringify(c))) !== JSON.stringify(c)) out.push('not JSON-clean');
  return out;
}

/** Run `f`; only `allowed` errors may escape it (anything else fails with the input shown). */
export function refusedOrValue<T>(f: () => T, allowed: (e: unknown) => boolean, input: unknown): T | undefined {
  try {
    return f();
  } catch (e) {
    if (!allowed(e)) throw new Error(`uncaught ${String(e)} for ${JSON.stringify(input)?.slice(0, 300)}`);
    return undefined;
  }
}
