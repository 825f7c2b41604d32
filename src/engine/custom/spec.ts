import { CONSTANTS, CustomPdeError, FUNCTION_NAMES } from './ast';
import { compileSpec } from './compile';
import { hasOwn } from '../schema/option';

/**
 * Per-output expressions: one string for a single output, else an array with one entry per
 * output, null leaving that output free (e.g. no boundary value for a pressure).
 */
export type PerOutput = string | (string | null)[];

/** u = value on one or both faces of `axis` (both when `side` is absent). */
export interface DirichletBc {
  kind: 'dirichlet';
  axis: string;
  side?: 'lo' | 'hi';
  value: PerOutput;
}

/** Periodicity along `axis`, enforced exactly by the network's input embedding. */
export interface PeriodicBc {
  kind: 'periodic';
  axis: string;
}

/** A boundary condition of a custom PDE. */
export type CustomBc = DirichletBc | PeriodicBc;

/**
 * A user-typed PDE, JSON-serialisable (it travels in the experiment config and the URL).
 * Expressions use the grammar of `parseExpression`. `residual` has one expression per
 * equation (each = 0 in the interior); `ic` / `ic_t` give u(t0, ·) and u_t(t0, ·) as
 * expressions in the non-time axes, per output; `params` are named constants with their
 * default values.
 */
export interface CustomPdeSpec {
  label?: string;
  /** Single-letter input axes, time ('t') first when present; 1 to 4 of them. */
  axes: string[];
  /** [lo, hi] per axis. */
  domain: Record<string, [number, number]>;
  /** Output names (default ['u']). */
  outputs: string[];
  params: Record<string, number>;
  residual: string | string[];
  ic?: PerOutput;
  ic_t?: PerOutput;
  bcs: CustomBc[];
}

const FIELDS = ['label', 'axes', 'domain', 'outputs', 'params', 'residual', 'ic', 'ic_t', 'bcs'];
const NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const MAX_TEXT = 2000;
/** Largest |coordinate| of a domain end (so that widths, samples and Fourier features stay finite). */
const MAX_COORD = 1e6;
/** Largest |value| of a parameter (the built PDE's parameter range is ±10× it). */
const MAX_PARAM = 1e8;

function fail(field: string, detail: string): never {
  throw new CustomPdeError(detail, undefined, field);
}

function record(field: string, v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    fail(field, `expected an object, got ${JSON.stringify(v) ?? String(v)}`);
  return v as Record<string, unknown>;
}

function array(field: string, v: unknown, min: number, max: number): unknown[] {
  if (!Array.isArray(v)) fail(field, `expected an array, got ${JSON.stringify(v) ?? String(v)}`);
  if (v.length < min || v.length > max) fail(field, `expected ${min} to ${max} entries, got ${v.length}`);
  return v;
}

function text(field: string, v: unknown, max = MAX_TEXT): string {
  if (typeof v !== 'string') fail(field, `expected a string, got ${JSON.stringify(v) ?? String(v)}`);
  if (v.length > max) fail(field, `longer than ${max} characters`);
  return v;
}

function knownKeys(field: string, o: Record<string, unknown>, allowed: readonly string[]): void {
  for (const k of Object.keys(o))
    if (!allowed.includes(k)) fail(field ? `${field}.${k}` : k, `unknown field (allowed: ${allowed.join(', ')})`);
}

/** A name that must not clash with the grammar's functions and constants or earlier names. */
function newName(field: string, v: unknown, taken: readonly string[]): string {
  const n = text(field, v, 24);
  if (!NAME.test(n)) fail(field, `'${n}' is not a name (letters and digits, starting with a letter)`);
  if ((FUNCTION_NAMES as readonly string[]).includes(n) || hasOwn(CONSTANTS, n))
    fail(
      field,
      `'${n}' is reserved (functions and constants: ${[...FUNCTION_NAMES, ...Object.keys(CONSTANTS)].join(', ')})`,
    );
  if (taken.includes(n)) fail(field, `'${n}' is already used`);
  return n;
}

/** One expression per equation: a string or a list of 1 to 8 strings. */
function equations(field: string, v: unknown): string | string[] {
  if (typeof v === 'string') return text(field, v);
  return array(field, v, 1, 8).map((s, i) => text(`${field}[${i}]`, s));
}

/** One expression per output (`PerOutput`), at least one of them given. */
function perOutput(field: string, v: unknown, outputs: readonly string[]): PerOutput {
  if (typeof v === 'string' && outputs.length === 1) return text(field, v);
  if (!Array.isArray(v))
    fail(field, `expected one expression per output (${outputs.join(', ')}) as an array, null for none`);
  const list = array(field, v, outputs.length, outputs.length).map((s, i) =>
    s === null ? null : text(`${field}[${i}]`, s),
  );
  if (list.every((s) => s === null)) fail(field, 'gives no expression for any output');
  return list;
}

/**
 * Check a custom PDE from untrusted JSON (config file, URL) and return it with defaults
 * filled (outputs ['u'], no params, no bcs). Every expression is parsed, so a returned spec
 * builds. Throws `CustomPdeError` naming the field, e.g. "domain.x: expected [lo, hi] with
 * lo < hi" or "residual[1]: unknown symbol 'w' at 7".
 */
export function validateCustomSpec(raw: unknown): CustomPdeSpec {
  const o = record('custom PDE', raw);
  knownKeys('', o, FIELDS);
  const axes = array('axes', o.axes, 1, 4).map((a, i) => {
    const n = newName(`axes[${i}]`, a, []);
    if (!/^[a-z]$/.test(n)) fail(`axes[${i}]`, `'${n}' is not a single lowercase letter`);
    return n;
  });
  axes.forEach((a, i) => {
    if (axes.indexOf(a) !== i) fail(`axes[${i}]`, `'${a}' appears twice`);
  });
  if (axes.indexOf('t') > 0) fail('axes', `time 't' must come first (got ${axes.join(', ')})`);
  const dom = record('domain', o.domain);
  for (const k of Object.keys(dom))
    if (!axes.includes(k)) fail(`domain.${k}`, `'${k}' is not an axis (axes: ${axes.join(', ')})`);
  const domain = Object.fromEntries(
    axes.map((a) => {
      const r = hasOwn(dom, a) ? dom[a] : undefined;
      if (
        !Array.isArray(r) ||
        r.length !== 2 ||
        !r.every((x) => typeof x === 'number' && Math.abs(x) <= MAX_COORD) ||
        !(r[0] < r[1])
      ) {
        fail(
          `domain.${a}`,
          `expected [lo, hi] with finite lo < hi, got ${JSON.stringify(r) ?? 'nothing'} (ends within ±${MAX_COORD})`,
        );
      }
      return [a, [r[0], r[1]] as [number, number]];
    }),
  );
  const outputs: string[] = [];
  for (const [i, v] of array('outputs', o.outputs ?? ['u'], 1, 8).entries())
    outputs.push(newName(`outputs[${i}]`, v, [...axes, ...outputs]));
  const params: Record<string, number> = {};
  for (const [k, v] of Object.entries(record('params', o.params ?? {}))) {
    newName(`params.${k}`, k, [...axes, ...outputs]);
    if (typeof v !== 'number' || !(Math.abs(v) <= MAX_PARAM))
      fail(`params.${k}`, `expected a finite number, got ${JSON.stringify(v) ?? String(v)} (within ±${MAX_PARAM})`);
    params[k] = v;
  }
  const spec: CustomPdeSpec = { axes, domain, outputs, params, residual: equations('residual', o.residual), bcs: [] };
  if (o.label !== undefined) spec.label = text('label', o.label, 80);
  for (const k of ['ic', 'ic_t'] as const) {
    if (o[k] === undefined) continue;
    if (axes[0] !== 't') fail(k, `an initial condition needs the time axis 't' first (axes: ${axes.join(', ')})`);
    spec[k] = perOutput(k, o[k], outputs);
  }
  spec.bcs = array('bcs', o.bcs ?? [], 0, 16).map((b, i) => boundary(`bcs[${i}]`, b, axes, outputs));
  compileSpec(spec);
  return spec;
}

/** One boundary condition: its kind, a non-time axis, a side, values; no face given twice. */
function boundary(field: string, raw: unknown, axes: readonly string[], outputs: readonly string[]): CustomBc {
  const b = record(field, raw);
  if (b.kind !== 'dirichlet' && b.kind !== 'periodic')
    fail(`${field}.kind`, `expected 'dirichlet' or 'periodic', got ${JSON.stringify(b.kind) ?? 'nothing'}`);
  knownKeys(field, b, b.kind === 'dirichlet' ? ['kind', 'axis', 'side', 'value'] : ['kind', 'axis']);
  const axis = text(`${field}.axis`, b.axis, 8);
  if (!axes.includes(axis)) fail(`${field}.axis`, `'${axis}' is not an axis (axes: ${axes.join(', ')})`);
  if (axis === 't') fail(`${field}.axis`, "conditions in time are given by 'ic' and 'ic_t'");
  if (b.kind === 'periodic') return { kind: 'periodic', axis };
  const bc: DirichletBc = { kind: 'dirichlet', axis, value: perOutput(`${field}.value`, b.value, outputs) };
  if (b.side !== undefined) {
    if (b.side !== 'lo' && b.side !== 'hi')
      fail(`${field}.side`, `expected 'lo' or 'hi', got ${JSON.stringify(b.side)}`);
    bc.side = b.side;
  }
  return bc;
}
