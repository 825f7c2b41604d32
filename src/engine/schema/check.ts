/**
 * Validation derived from the option schema: every value is checked against its own spec
 * (finite numbers in range, integers where the kind says so, choices from their list, bounded
 * text), names are looked up as own properties only, and every error names the field, the
 * value and what is allowed.
 */
import { hasOwn, type OptionSchema, type OptionSpec, type OptionValue } from './option';

/** A config that cannot be used; the message names the field, the value and what is allowed. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** A value as a short readable text for messages (never throws, never huge). */
export function shown(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    s = Object.prototype.toString.call(v);
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** A finite number in [min, max] (an integer when `int`); numeric text is read as a number. */
export function numberIn(field: string, v: unknown, min: number, max: number, int = false): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n) || (int && !Number.isInteger(n)) || n < min || n > max) {
    throw new ConfigError(`${field}: ${shown(v)} is not ${int ? 'an integer' : 'a number'} in [${min}, ${max}]`);
  }
  return n;
}

/** One of `allowed` (own list membership, so `constructor` or `toString` never pass). */
export function oneOf<T extends string>(field: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !allowed.includes(v as T)) {
    throw new ConfigError(`${field}: unknown value ${shown(v)} (allowed: ${allowed.join(', ')})`);
  }
  return v as T;
}

const truthy: readonly unknown[] = [true, 'true', 1, '1', 'on'];
const falsy: readonly unknown[] = [false, 'false', 0, '0', 'off'];

/** The value of option `field` checked against `spec` (text from a CLI or a link is converted). */
export function checkValue(field: string, spec: OptionSpec, v: unknown): OptionValue {
  switch (spec.kind) {
    case 'int':
    case 'float':
      return numberIn(field, v, spec.min ?? -Number.MAX_VALUE, spec.max ?? Number.MAX_VALUE, spec.kind === 'int');
    case 'bool':
      if (truthy.includes(v)) return true;
      if (falsy.includes(v)) return false;
      throw new ConfigError(`${field}: ${shown(v)} is not true or false`);
    case 'choice':
      return oneOf(field, v, spec.choices ?? []);
    case 'string': {
      const max = spec.maxLength ?? 200;
      if (typeof v !== 'string') throw new ConfigError(`${field}: expected text, got ${shown(v)}`);
      if (v.length > max) throw new ConfigError(`${field}: ${v.length} characters (at most ${max})`);
      return v;
    }
  }
}

/** A plain object (not null, not an array), or {} for undefined; anything else is an error. */
export function record(field: string, v: unknown): Record<string, unknown> {
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    throw new ConfigError(`${field}: expected an object, got ${shown(v)}`);
  return v as Record<string, unknown>;
}

/**
 * The options record `v` checked against `schema`: every given key must be the schema's own,
 * every value passes its spec, missing keys take `defaults` (the schema's defaults unless given).
 */
export function resolveOptions<T>(field: string, v: unknown, schema: OptionSchema, defaults?: Partial<T>): T {
  const given = record(field || 'config', v);
  const at = (k: string) => (field ? `${field}.${k}` : k);
  for (const k of Object.keys(given)) {
    if (!hasOwn(schema, k))
      throw new ConfigError(`${at(k)}: unknown option (allowed: ${Object.keys(schema).join(', ') || 'none'})`);
  }
  const out: Record<string, OptionValue> = {};
  for (const k of Object.keys(schema)) {
    const fallback = defaults && hasOwn(defaults, k) ? (defaults as Record<string, unknown>)[k] : schema[k].default;
    out[k] = hasOwn(given, k) ? checkValue(at(k), schema[k], given[k]) : (fallback as OptionValue);
  }
  return out as T;
}

/** The problem with one option's value, or null when it is valid (for a message beside its field). */
export function optionProblem(field: string, spec: OptionSpec, v: unknown): string | null {
  try {
    checkValue(field, spec, v);
    return null;
  } catch (e) {
    return e instanceof ConfigError ? e.message : String(e);
  }
}
