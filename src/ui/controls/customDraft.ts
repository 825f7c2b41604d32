/**
 * The custom-PDE editor's draft: the text a person types, field by field, and its conversion
 * to a `CustomPdeSpec` (and back, to prefill the editor from a template or a loaded config).
 * Pure, DOM-free and tfjs-free: it uses the engine's expression parser only (see
 * `draftCheck.ts` for validation and where each error is shown).
 */
import { CustomPdeError } from '../../engine/custom/ast';
import { evalNumber } from '../../engine/custom/evaluate';
import { parseExpression, type Scope } from '../../engine/custom/parser';
import type { CustomBc, CustomPdeSpec, PerOutput } from '../../engine/custom/spec';
import { hasOwn } from '../../engine/schema/option';

/** What holds on the faces of one non-time axis: nothing, u = g (per face, per output), or periodicity. */
export interface AxisBcDraft {
  kind: 'none' | 'dirichlet' | 'periodic';
  /** Value expression per output on the low and high face ('' = that output is free there). */
  lo: string[];
  hi: string[];
}

/** The editor's fields, as typed. Per-output lists are indexed like the outputs. */
export interface CustomDraft {
  label: string;
  /** Axis letters, comma- or space-separated, time first: "t, x". */
  axes: string;
  /** [lo, hi] per axis letter: numbers or constant expressions ("2*pi"). */
  domain: Record<string, [string, string]>;
  /** Output names: "u" or "u, v, p". */
  outputs: string;
  /** "name = value" entries separated by ',' or ';' (values may be constant expressions). */
  params: string;
  /** One equation (= 0) per line. */
  residual: string;
  /** u(t0, ·) per output ('' = free). */
  ic: string[];
  /** u_t(t0, ·) per output ('' = free). */
  icT: string[];
  /** Boundary conditions per non-time axis letter. */
  bcs: Record<string, AxisBcDraft>;
}

/**
 * Where a spec field's text lives in the editor: the editor field `key` (e.g. 'residual',
 * 'bc.x.hi.0'), the text it was read from, the offset of the field's text inside it and,
 * for the residual, the line.
 */
export interface Spot {
  key: string;
  source?: string;
  offset?: number;
  line?: number;
}

/** A piece of a typed list and its 0-based offset in the text. */
export interface Piece {
  text: string;
  pos: number;
}

/** The non-empty pieces of `src` between separators `sep` (a global regex of what to keep). */
export function pieces(src: string, keep: RegExp): Piece[] {
  return [...src.matchAll(keep)].flatMap((m) => {
    const lead = m[0].length - m[0].trimStart().length;
    const text = m[0].trim();
    return text ? [{ text, pos: m.index + lead }] : [];
  });
}

/** The axis letters (or output names) typed in a list field. */
export const names = (src: string): Piece[] => pieces(src, /[^,\s]+/g);

/** The domain typed for `axis` ([0, 1] for an axis typed just now). */
export const domainOf = (d: CustomDraft, axis: string): [string, string] =>
  hasOwn(d.domain, axis) ? d.domain[axis] : ['0', '1'];

/** The boundary condition typed for `axis` (none for an axis typed just now). */
export const bcOf = (d: CustomDraft, axis: string): AxisBcDraft =>
  hasOwn(d.bcs, axis) ? d.bcs[axis] : { kind: 'none', lo: [], hi: [] };

/** Whether the draft reads a second time derivative (u_tt, …), so an initial velocity applies. */
export function wantsVelocity(d: CustomDraft): boolean {
  return (
    names(d.axes)[0]?.text === 't' && (d.icT.some((s) => s.trim()) || /[A-Za-z0-9]_[a-z]*t[a-z]*t/.test(d.residual))
  );
}

const valueScope: Scope = { axes: [], vars: [], params: [], outputs: [], fields: false, where: 'this value' };

/** A constant expression ("0.5", "2*pi", "0.01/pi") as a number; errors name spec field `field`. */
function constant(field: string, src: string): number {
  try {
    if (src.length > 200) throw new CustomPdeError('longer than 200 characters', 200);
    const v = evalNumber(parseExpression(src, valueScope), [], {});
    if (!Number.isFinite(v))
      throw new CustomPdeError(`'${src.trim()}' is not a finite number`, src.length - src.trimStart().length);
    return v;
  } catch (e) {
    throw e instanceof CustomPdeError ? e.inField(field) : e;
  }
}

/** One entry per output: a string for a single output, else a list with null for free outputs. */
function perOutput(values: string[], n: number): PerOutput | undefined {
  const list = Array.from({ length: n }, (_, k) => (values[k]?.trim() ? values[k] : null));
  if (list.every((v) => v === null)) return undefined;
  return n === 1 ? list[0]! : list;
}

/** Spots for a per-output spec field (`field` or `field[k]`) read from editor fields `${key}.${k}`. */
function perOutputSpots(spots: Record<string, Spot>, field: string, key: string, values: string[], n: number): void {
  spots[field] = { key: `${key}.0`, source: values[0] ?? '', offset: 0 };
  for (let k = 0; k < n; k++)
    spots[n === 1 ? field : `${field}[${k}]`] = { key: `${key}.${k}`, source: values[k] ?? '', offset: 0 };
}

/**
 * The spec the draft describes (not yet validated: `validateCustomSpec` does that). Fills
 * `spots` with the spot of every spec field read so far, so an error naming a field can be
 * shown at its editor field. Throws `CustomPdeError` for text that is no spec at all (a domain
 * end or a parameter value that is not a number, an entry without '='), named by a field
 * that `spots` then knows.
 */
export function draftToSpec(d: CustomDraft, spots: Record<string, Spot> = {}): CustomPdeSpec {
  Object.assign(spots, {
    label: { key: 'label' },
    axes: { key: 'axes' },
    outputs: { key: 'outputs' },
    residual: { key: 'residual' },
    params: { key: 'params' },
  });
  for (const [key, max] of [
    ['label', 80],
    ['axes', 40],
    ['outputs', 80],
    ['params', 2000],
    ['residual', 16000],
  ] as const) {
    if (d[key].length > max) throw new CustomPdeError(`longer than ${max} characters`, max, key);
  }
  const axes = names(d.axes);
  const outputs = names(d.outputs);
  axes.forEach((a, i) => (spots[`axes[${i}]`] = { key: 'axes', source: d.axes, offset: a.pos }));
  outputs.forEach((o, i) => (spots[`outputs[${i}]`] = { key: 'outputs', source: d.outputs, offset: o.pos }));
  const domain: Record<string, [number, number]> = {};
  for (const { text: a } of axes) {
    const [lo, hi] = domainOf(d, a);
    spots[`domain.${a}`] = { key: `domain.${a}` };
    spots[`domain.${a}.lo`] = { key: `domain.${a}`, source: lo, offset: 0 };
    spots[`domain.${a}.hi`] = { key: `domain.${a}`, source: hi, offset: 0 };
    domain[a] = [constant(`domain.${a}.lo`, lo), constant(`domain.${a}.hi`, hi)];
  }
  spots.params = { key: 'params', source: d.params, offset: 0 };
  const given = new Map<string, number>();
  for (const p of pieces(d.params, /[^,;]+/g)) {
    const eq = p.text.indexOf('=');
    if (eq < 0) throw new CustomPdeError(`'${p.text}' is not 'name = value'`, p.pos, 'params');
    const name = p.text.slice(0, eq).trim();
    if (given.has(name)) throw new CustomPdeError(`'${name}' is given twice`, p.pos, 'params');
    spots[`params.${name}`] = { key: 'params', source: d.params, offset: p.pos };
    spots[`params.${name}.value`] = { key: 'params', source: d.params, offset: p.pos + eq + 1 };
    given.set(name, constant(`params.${name}.value`, p.text.slice(eq + 1)));
  }
  const params = Object.fromEntries(given); // own keys even for odd names, which validation then rejects
  const typed = d.residual
    .split('\n')
    .map((text, line) => ({ text, line }))
    .filter((l) => l.text.trim());
  const lines = typed.length ? typed : [{ text: '', line: 0 }]; // nothing typed: "the residual is empty"
  const numbered = d.residual.includes('\n'); // say which line only when there are several
  lines.forEach(({ text, line }, i) => {
    spots[lines.length === 1 ? 'residual' : `residual[${i}]`] = {
      key: 'residual',
      source: text,
      offset: 0,
      ...(numbered ? { line } : {}),
    };
  });
  const spec: CustomPdeSpec = {
    axes: axes.map((a) => a.text),
    domain,
    outputs: outputs.map((o) => o.text),
    params,
    residual: lines.length === 1 ? lines[0].text : lines.map((l) => l.text),
    bcs: [],
  };
  if (d.label.trim()) spec.label = d.label.trim();
  const n = outputs.length;
  if (spec.axes[0] === 't') {
    const ic = perOutput(d.ic, n);
    const icT = wantsVelocity(d) ? perOutput(d.icT, n) : undefined;
    if (ic !== undefined) spec.ic = ic;
    if (icT !== undefined) spec.ic_t = icT;
    perOutputSpots(spots, 'ic', 'ic', d.ic, n);
    perOutputSpots(spots, 'ic_t', 'icT', d.icT, n);
  }
  for (const a of spec.axes.filter((x) => x !== 't')) boundary(spec, spots, a, bcOf(d, a), n);
  return spec;
}

/** Append the conditions typed for `axis`: one per face, or one for both faces when they agree. */
function boundary(spec: CustomPdeSpec, spots: Record<string, Spot>, axis: string, b: AxisBcDraft, n: number): void {
  spots[`bc.${axis}`] = { key: `bc.${axis}` };
  const add = (bc: CustomBc, side: 'lo' | 'hi') => {
    const field = `bcs[${spec.bcs.length}]`;
    spots[field] = { key: `bc.${axis}` };
    if (bc.kind === 'dirichlet') perOutputSpots(spots, `${field}.value`, `bc.${axis}.${side}`, b[side], n);
    spec.bcs.push(bc);
  };
  if (b.kind === 'periodic') return add({ kind: 'periodic', axis }, 'lo');
  if (b.kind === 'none') return;
  const [lo, hi] = [perOutput(b.lo, n), perOutput(b.hi, n)];
  if (lo === undefined && hi === undefined)
    throw new CustomPdeError('give a value on at least one face (or choose no condition)', undefined, `bc.${axis}`);
  if (JSON.stringify(lo) === JSON.stringify(hi)) return add({ kind: 'dirichlet', axis, value: lo! }, 'lo');
  if (lo !== undefined) add({ kind: 'dirichlet', axis, side: 'lo', value: lo }, 'lo');
  if (hi !== undefined) add({ kind: 'dirichlet', axis, side: 'hi', value: hi }, 'hi');
}

/** The per-output list of a spec field ('' where free or absent). */
function texts(v: PerOutput | undefined, n: number): string[] {
  const list = typeof v === 'string' ? [v] : (v ?? []);
  return Array.from({ length: n }, (_, k) => list[k] ?? '');
}

/**
 * The draft showing `spec` (a template, or the experiment's typed PDE) with parameter values
 * `params` where given (the experiment's values may differ from the spec's defaults).
 */
export function draftFromSpec(spec: CustomPdeSpec, params: Record<string, number> = {}): CustomDraft {
  const n = spec.outputs.length;
  const bcs: Record<string, AxisBcDraft> = {};
  for (const a of spec.axes.filter((x) => x !== 't')) {
    const mine = spec.bcs.filter((b) => b.axis === a);
    const b: AxisBcDraft = {
      kind: mine.length ? mine[0].kind : 'none',
      lo: texts(undefined, n),
      hi: texts(undefined, n),
    };
    for (const bc of mine) {
      if (bc.kind !== 'dirichlet') continue;
      if (bc.side !== 'hi') b.lo = texts(bc.value, n);
      if (bc.side !== 'lo') b.hi = texts(bc.value, n);
    }
    bcs[a] = b;
  }
  return {
    label: spec.label ?? '',
    axes: spec.axes.join(', '),
    domain: Object.fromEntries(spec.axes.map((a) => [a, spec.domain[a].map(String) as [string, string]])),
    outputs: spec.outputs.join(', '),
    params: Object.entries(spec.params)
      .map(([k, v]) => `${k} = ${params[k] ?? v}`)
      .join(', '),
    residual: [spec.residual].flat().join('\n'),
    ic: texts(spec.ic, n),
    icT: texts(spec.ic_t, n),
    bcs,
  };
}
