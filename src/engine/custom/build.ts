import type { LossTerm, ParamSpec, ParamValues, Pde } from '../pdes/types';
import type { Expr } from './ast';
import { compileSpec, type CompiledDirichlet } from './compile';
import { evalNumber } from './evaluate';
import { validateCustomSpec, type CustomPdeSpec, type PerOutput } from './spec';
import { expressionTerm } from './tensor';
import { residualTermNames } from './terms';

/** Evaluation grid points per axis by dimension (≤ ~36k points: 201, 101², 33³, 13⁴). */
const GRID = [201, 101, 33, 13];

/**
 * The tunable range of a parameter given its value v: [v/10, 10v] for v > 0 (mirrored for
 * v < 0), [−1, 1] for v = 0, so the config validator accepts the value and the UI slider
 * spans a decade either way.
 */
export function paramRange(v: number): [number, number] {
  if (v > 0) return [v / 10, v * 10];
  if (v < 0) return [v * 10, v / 10];
  return [-1, 1];
}

const field = (output: number, name: string, deriv: string): Expr => ({ kind: 'field', output, name, deriv, pos: 0 });
const minus = (left: Expr, right: Expr): Expr => ({ kind: 'binary', op: '-', left, right, pos: 0 });
const times = (left: Expr, right: Expr): Expr => ({ kind: 'binary', op: '*', left, right, pos: 0 });
const aux = (index: number): Expr => ({ kind: 'aux', index, pos: 0 });

/**
 * The Dirichlet loss term over the faces of every axis with a condition (a point belongs
 * to the first condition whose face it lies on, within 1e-6 of the box size). Aux columns are
 * [m_1..m_n, g_1..g_n]: m_k = 1 where the point's face sets output k (g_k its value there),
 * 0 on a face left free (one-sided conditions, outputs given null); the residual columns are
 * m_k (u_k − g_k) for every output that some condition sets.
 */
function dirichletTerm(spec: CustomPdeSpec, bcs: CompiledDirichlet[]): LossTerm {
  const axes = [...new Set(bcs.map((b) => b.axis))];
  const n = spec.outputs.length;
  const data = (p: number[], params: ParamValues): number[] => {
    const b = bcs.find(({ axis, faces }) => {
      const x = p[spec.axes.indexOf(axis)];
      const [lo, hi] = spec.domain[axis];
      const tol = 1e-6 * Math.max(hi - lo, Math.abs(lo), Math.abs(hi)); // survives a float32 round trip
      return (faces[0] && Math.abs(x - lo) <= tol) || (faces[1] && Math.abs(x - hi) <= tol);
    });
    const g = spec.outputs.map((_, k) => b?.values[k] ?? null);
    return [...g.map((v) => (v ? 1 : 0)), ...g.map((v) => (v ? evalNumber(v, p, params) : 0))];
  };
  const set = spec.outputs.flatMap((o, k) =>
    bcs.some((b) => b.values[k]) ? [times(aux(k), minus(field(k, o, ''), aux(n + k)))] : [],
  );
  return expressionTerm({ kind: 'boundary', axes }, 'boundary', set, data, 2 * n);
}

/**
 * An initial-condition term on the slice t = t0: aux columns are the data g_k per output
 * (0 where null; the trainer's PirateNet initialisation reads them as u₀ per output) and the
 * residual columns are ∂^deriv u_k − g_k for the outputs the condition sets.
 */
function initialTerm(spec: CustomPdeSpec, values: (Expr | null)[], deriv: string): LossTerm {
  const data = (p: number[], params: ParamValues) => values.map((g) => (g ? evalNumber(g, p, params) : 0));
  const exprs = values.flatMap((g, k) =>
    g ? [minus(field(k, spec.outputs[k] + (deriv && `_${deriv}`), deriv), aux(k))] : [],
  );
  return expressionTerm({ kind: 'slice', fixed: { t: spec.domain.t[0] } }, 'initial', exprs, data, values.length);
}

/** The equation in plain text for the UI, e.g. "u_t + u*u_x = 0; u(0, x) = -sin(pi*x); u = 0 at x = -1, 1". */
function equationText(spec: CustomPdeSpec): string {
  const list = (v: PerOutput) => (typeof v === 'string' ? [v] : v);
  const parts = list(spec.residual).map((r) => `${r} = 0`);
  const at = (o: string) => `${o}(${[spec.domain.t[0], ...spec.axes.slice(1)].join(', ')})`;
  const set = (v: PerOutput | undefined, say: (g: string, k: number) => string) =>
    list(v ?? []).forEach((g, k) => g !== null && parts.push(say(g, k)));
  set(spec.ic, (g, k) => `${at(spec.outputs[k])} = ${g}`);
  set(spec.ic_t, (g, k) => `${at(`${spec.outputs[k]}_t`)} = ${g}`);
  for (const b of spec.bcs) {
    const [lo, hi] = spec.domain[b.axis];
    if (b.kind === 'periodic') {
      parts.push(`periodic in ${b.axis}`);
      continue;
    }
    const where = `${b.axis} = ${b.side === 'lo' ? lo : b.side === 'hi' ? hi : `${lo}, ${hi}`}`;
    set(b.value, (g, k) => `${spec.outputs[k]} = ${g} at ${where}`);
  }
  return parts.join('; ');
}

/**
 * A `Pde` from a user-typed spec (validated first; throws `CustomPdeError`). Loss terms:
 * `res` (or `res1`..`resN`, one per equation, so loss balancing can weigh them apart), `ic`
 * and `ic_t` on the slice t = t0 with one column per output set, `bc` over the faces with
 * Dirichlet conditions; periodic axes go to `periodic` for the exact input embedding. There
 * is no exact solution, so the evaluation shows the residual. Coordinates and every other
 * field-free sub-expression reach the residual as float64-computed aux columns.
 */
export function buildCustomPde(raw: CustomPdeSpec): Pde {
  const spec = validateCustomSpec(raw);
  const c = compileSpec(spec);
  const terms: Record<string, LossTerm> = {};
  residualTermNames(c.residuals.length).forEach(
    (name, i) => (terms[name] = expressionTerm({ kind: 'interior' }, 'residual', [c.residuals[i]])),
  );
  if (c.ic) terms.ic = initialTerm(spec, c.ic, '');
  if (c.icT) terms.ic_t = initialTerm(spec, c.icT, 't');
  if (c.dirichlet.length) terms.bc = dirichletTerm(spec, c.dirichlet);
  const params: Record<string, ParamSpec> = Object.fromEntries(
    Object.entries(spec.params).map(([k, v]) => {
      const [min, max] = paramRange(v);
      return [k, { label: k, default: v, min, max }];
    }),
  );
  return {
    id: 'custom',
    label: spec.label ?? 'Custom PDE',
    equation: equationText(spec),
    axes: spec.axes,
    domain: spec.domain,
    outputs: spec.outputs,
    params,
    ...(Object.keys(c.periodic).length ? { periodic: c.periodic } : {}),
    terms,
    grid: spec.axes.map(() => GRID[spec.axes.length - 1]),
  };
}
