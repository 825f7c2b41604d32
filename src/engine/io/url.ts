/**
 * The whole experiment in a URL hash, tensorflow/playground style: one readable `key=value`
 * pair per setting, nested records as dotted keys, run B's overrides under `compare.`, e.g.
 *
 *   #v=1&pde=helmholtz&params.a1=1&arch=mlp&archOptions.width=50&…&seed=0&compare.optimizer=soap
 *
 * Lists of two or more names are written comma-separated (`diagnostics.kinds=align,hist`);
 * other lists and deeper structures (a custom PDE's spec) as JSON text, and so is text that
 * would otherwise read back as a number or a list (a typed PDE's `ic_t=0` is `ic_t="0"`).
 * Encoding writes every field of the (resolved) config, seed included, so a link reproduces
 * the run even if the defaults change later. Pure TypeScript without the DOM and without a
 * runtime import of the engine's registries: decoding validates through a `resolve` function
 * the caller passes in (the worker passes `resolveConfig`), so the UI bundle stays tfjs-free.
 */
import type { ConfigInput, ExperimentConfig } from '../config';
import { resolveExperiment, type Experiment, type ResolvedExperiment } from '../presets';
import { isOptionPath, setPath } from '../schema/paths';

/** Format version written as `v=`; links with another version are refused with a message. */
export const hashVersion = 1;

/** Longest hash accepted (a full config with compare overrides is ~1.5 kB). */
const maxHashLength = 20_000;

/** A hash that cannot be read or does not describe a valid experiment; the message says why. */
export class UrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UrlError';
  }
}

/** An experiment plus the backend preference, as a link carries it. */
export interface HashExperiment extends Experiment {
  /** Backends to try first (comma-separated ids), when the link asks for one. */
  backend?: string;
}

/** `encodeURIComponent`, but keeping commas (list separators) readable. */
const encodeValue = (v: string) => encodeURIComponent(v).replace(/%2C/g, ',');

const name = /^[A-Za-z_]\w*$/;
const numeric = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const nameList = /^[A-Za-z_]\w*(,[A-Za-z_]\w*)+$/;

function valueText(v: unknown, key: string): string {
  if (Array.isArray(v) && v.length >= 2 && v.every((x) => typeof x === 'string' && name.test(x))) return v.join(',');
  if (typeof v === 'object' && v !== null) return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // Text that would read back as something else (a number, a list, JSON) goes as a JSON string.
  if (typeof v === 'string')
    return /^["[{]/.test(v) || nameList.test(v) || numeric.test(v) || v === 'true' || v === 'false'
      ? JSON.stringify(v)
      : v;
  throw new UrlError(`${key}: cannot put ${JSON.stringify(v)} in a link`);
}

function pairs(prefix: string, input: ConfigInput, out: string[]): void {
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      for (const [kk, vv] of Object.entries(v))
        if (vv !== undefined) out.push(`${prefix}${k}.${kk}=${encodeValue(valueText(vv, `${k}.${kk}`))}`);
    } else out.push(`${prefix}${k}=${encodeValue(valueText(v, k))}`);
  }
}

/** The hash (without '#') for an experiment: every given field, then run B's overrides. */
export function encodeExperiment(e: HashExperiment): string {
  const out = [`v=${hashVersion}`];
  pairs('', e.config, out);
  // compare mode with run B equal to run A (e.g. only its seed was set, to A's) still says so
  if (e.compare) {
    if (Object.keys(e.compare).length) pairs('compare.', e.compare, out);
    else out.push('compare=on');
  }
  if (e.backend) out.push(`backend=${encodeValue(e.backend)}`);
  return out.join('&');
}

/**
 * A link's text as a typed value: numbers and true/false become numbers and booleans, JSON
 * text (starting with '[', '{' or '"') its value, and comma-separated names a list.
 */
function parseValue(text: string, key: string): unknown {
  if (numeric.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^["[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      throw new UrlError(`the link's value of ${key} is not valid JSON`);
    }
  }
  if (nameList.test(text)) return text.split(',');
  return text;
}

function decodePart(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new UrlError(`the link's ${what} "${part.slice(0, 40)}" is not valid URL encoding`);
  }
}

/** Put `value` at `path` (1 or 2 segments) in `target`, refusing duplicates and clashes. */
function assign(target: Record<string, unknown>, path: string[], value: unknown): void {
  setPath(target, path, value, (why) => new UrlError(`the link ${why}`));
}

/**
 * Read a hash (with or without '#') into an unvalidated experiment, or null when it is empty.
 * Throws UrlError for text that is not a list of `key=value` pairs, bad percent-encoding,
 * malformed or repeated keys and unknown versions. Field names and values are checked later
 * by `decodeExperiment`.
 */
export function parseExperimentHash(hash: string): HashExperiment | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.trim() === '') return null;
  if (text.length > maxHashLength)
    throw new UrlError(`the link's hash is ${text.length} characters long (at most ${maxHashLength})`);
  const config: Record<string, unknown> = {};
  const compare: Record<string, unknown> = {};
  let backend: string | undefined;
  let version: unknown;
  let compareOn = false;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new UrlError(`the link's hash has "${part.slice(0, 40)}" where a key=value pair belongs`);
    const key = decodePart(part.slice(0, eq), 'key');
    const raw = decodePart(part.slice(eq + 1), `value of ${key}`);
    const path = key.split('.');
    if (!isOptionPath(key, 3)) throw new UrlError(`the link's hash has a malformed key "${key.slice(0, 40)}"`);
    if (key === 'v') version = parseValue(raw, key);
    else if (key === 'backend') backend = raw;
    else if (key === 'compare') {
      if (raw !== 'on')
        throw new UrlError(
          `the link's "compare" is ${JSON.stringify(raw.slice(0, 40))} (allowed: on, or compare.<field>=…)`,
        );
      compareOn = true;
    } else if (path[0] === 'compare' && path.length >= 2 && path.length <= 3)
      assign(compare, path.slice(1), parseValue(raw, key));
    else if (path[0] !== 'compare' && path.length <= 2) assign(config, path, parseValue(raw, key));
    else throw new UrlError(`the link's hash has a key nested too deeply: "${key.slice(0, 40)}"`);
  }
  if (version !== undefined && version !== hashVersion) {
    throw new UrlError(
      `the link uses format version ${JSON.stringify(version)}; this playground reads version ${hashVersion}`,
    );
  }
  return {
    config: config as ConfigInput,
    compare: Object.keys(compare).length || compareOn ? (compare as ConfigInput) : null,
    backend,
  };
}

/** A link's experiment, validated: both runs' configs in full, plus the backend preference. */
export interface DecodedExperiment extends ResolvedExperiment {
  backend?: string;
}

/**
 * Read and validate a hash: `resolve` (normally `resolveConfig`) fills defaults and checks
 * every field. Returns null for an empty hash; throws UrlError with a readable reason
 * (naming the field, the value and what is allowed) for anything else that is wrong.
 */
export function decodeExperiment(
  hash: string,
  resolve: (c: ConfigInput) => ExperimentConfig,
): DecodedExperiment | null {
  const parsed = parseExperimentHash(hash);
  if (!parsed) return null;
  try {
    return { ...resolveExperiment(parsed, resolve), backend: parsed.backend };
  } catch (e) {
    throw new UrlError(`the link's experiment is not valid: ${e instanceof Error ? e.message : String(e)}`);
  }
}
