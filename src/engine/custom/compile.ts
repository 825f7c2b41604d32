import { CustomPdeError, usesFields, type Expr } from './ast';
import { checkFiniteConstants } from './constants';
import { parseExpression, type Scope } from './parser';
import type { CustomPdeSpec, PerOutput } from './spec';

/** A Dirichlet condition with its parsed values (per output, null = free) and its faces. */
export interface CompiledDirichlet {
  axis: string;
  /** Which ends of the axis: [lo, hi] flags. */
  faces: [boolean, boolean];
  values: (Expr | null)[];
}

/** Every expression of a custom PDE, parsed and resolved (see `compileSpec`). */
export interface CompiledSpec {
  /** One per equation, each involving at least one output. */
  residuals: Expr[];
  /** u(t0, ·) and u_t(t0, ·) per output (null = free), field-free, without t. */
  ic?: (Expr | null)[];
  icT?: (Expr | null)[];
  dirichlet: CompiledDirichlet[];
  /** Period (hi − lo) per periodic axis. */
  periodic: Record<string, number>;
}

/** The list form of a one-or-many field, with the field name of each entry. */
function entries<S extends string | null>(field: string, v: string | S[]): [string, S | string][] {
  return typeof v === 'string' ? [[field, v]] : v.map((s, i) => [`${field}[${i}]`, s]);
}

/** Parse per-output expressions (null stays null). */
function perOutput(field: string, v: PerOutput, scope: Scope, params: Record<string, number>): (Expr | null)[] {
  return entries(field, v).map(([f, s]) => (s === null ? null : parseIn(f, s, scope, params)));
}

/** Parse `src`, attributing any error to spec field `field`. */
function parseIn(field: string, src: string, scope: Scope, params: Record<string, number>): Expr {
  try {
    const e = parseExpression(src, scope);
    checkFiniteConstants(e, params);
    return e;
  } catch (e) {
    throw e instanceof CustomPdeError ? e.inField(field) : e;
  }
}

/**
 * Parse every expression of a structurally valid spec with the names each may use:
 * residuals see axes, parameters, outputs and derivatives; initial data see the non-time
 * axes and parameters; boundary values see every axis and the parameters. Also rejects a
 * residual that involves no output and a boundary face given two conditions. Throws
 * `CustomPdeError` naming the field.
 */
export function compileSpec(spec: CustomPdeSpec): CompiledSpec {
  const base = { axes: spec.axes, params: Object.keys(spec.params), outputs: spec.outputs };
  const residualScope: Scope = { ...base, vars: spec.axes, fields: true, where: 'the residual' };
  const residuals = entries('residual', spec.residual).map(([f, s]) => {
    const e = parseIn(f, s, residualScope, spec.params);
    if (!usesFields(e))
      throw new CustomPdeError(`does not involve any output (${spec.outputs.join(', ')})`, undefined, f);
    return e;
  });
  const data = (where: string, vars: readonly string[]): Scope => ({ ...base, vars, fields: false, where });
  const space = spec.axes.filter((a) => a !== 't');
  const out: CompiledSpec = { residuals, dirichlet: [], periodic: {} };
  if (spec.ic !== undefined) out.ic = perOutput('ic', spec.ic, data('ic', space), spec.params);
  if (spec.ic_t !== undefined) out.icT = perOutput('ic_t', spec.ic_t, data('ic_t', space), spec.params);
  const owner: Record<string, string> = {};
  spec.bcs.forEach((bc, i) => {
    const field = `bcs[${i}]`;
    const faces: [boolean, boolean] =
      bc.kind === 'periodic' || !bc.side ? [true, true] : [bc.side === 'lo', bc.side === 'hi'];
    faces.forEach((on, k) => {
      if (!on) return;
      const face = `${bc.axis} = ${k ? 'hi' : 'lo'}`;
      if (owner[face])
        throw new CustomPdeError(`the face ${face} already has a condition (${owner[face]})`, undefined, field);
      owner[face] = field;
    });
    const [lo, hi] = spec.domain[bc.axis];
    if (bc.kind === 'periodic') out.periodic[bc.axis] = hi - lo;
    else {
      const values = perOutput(`${field}.value`, bc.value, data('a boundary value', spec.axes), spec.params);
      out.dirichlet.push({ axis: bc.axis, faces, values });
    }
  });
  return out;
}
