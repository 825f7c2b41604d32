import * as tf from '@tensorflow/tfjs';
import { inputJet, outputFields } from './jet/jet';
import { streamClosure } from './jet/keys';
import type { Network } from './nets';
import { termsWithRole, type ParamValues, type Pde } from './pdes';
import { evaluationGrid, productGrid, relativeL2 } from './sampling';

/** The solution on the evaluation grid and its error. */
export interface Evaluation {
  step: number;
  /** Relative L2 error against the exact/reference solution; NaN when the PDE has none. */
  relL2: number;
  /** Names of the compared quantities (the outputs, or the PDE's observables). */
  names: string[];
  /** Prediction [N × names.length], row-major over the grid (first axis slowest). */
  pred: Float32Array;
  /** Exact/reference values on the same grid (length 0 when there is none). */
  exact: Float32Array;
  /** |PDE residual| per grid point (sum over `res*` terms), only when there is no reference. */
  residual?: Float32Array;
  ticks: number[][];
}

/** The grid and target values of a PDE's evaluation; `values` is null without a reference. */
export interface EvaluationTarget {
  x: Float32Array;
  n: number;
  ticks: number[][];
  names: string[];
  values: Float32Array | null;
}

/**
 * The evaluation target: the PDE's numerical reference when it has one (on its grid), else
 * its exact solution on `pde.grid`, else just the grid (custom PDEs: the residual is shown).
 */
export async function evaluationTarget(pde: Pde, params: ParamValues): Promise<EvaluationTarget> {
  const names = pde.observables?.names ?? pde.outputs;
  if (pde.reference) {
    const ref = await pde.reference(params);
    return { ...productGrid(ref.ticks), names, values: ref.values };
  }
  const g = evaluationGrid(pde);
  if (!pde.exact) return { ...g, names, values: null };
  const d = pde.axes.length;
  const values = new Float32Array(g.n * names.length);
  for (let i = 0; i < g.n; i++) {
    const u = pde.exact(Array.from(g.x.subarray(i * d, i * d + d)), params);
    for (let k = 0; k < names.length; k++) values[i * names.length + k] = u[k];
  }
  return { ...g, names, values };
}

/** Grid points per forward pass (bounds memory on big grids with derivative jets). */
const CHUNK = 8192;

/**
 * The compared quantities at points x [n × d]: the outputs' values, or the PDE's observables
 * (which may need derivative jets), as [n × names.length].
 */
export async function predict(net: Network, pde: Pde, x: Float32Array, n: number): Promise<Float32Array> {
  const d = pde.axes.length;
  const obs = pde.observables;
  const width = obs ? obs.names.length : pde.outputs.length;
  const out = new Float32Array(n * width);
  for (let s = 0; s < n; s += CHUNK) {
    const m = Math.min(CHUNK, n - s);
    const t = tf.tidy(() => {
      const xs = tf.tensor2d(x.subarray(s * d, (s + m) * d), [m, d]);
      if (!obs) return net.forward(xs);
      const fields = outputFields(
        net.forwardJet(inputJet(xs, pde.axes, streamClosure(obs.derivs, pde.axes))),
        pde.outputs.length,
      );
      return tf.concat(obs.compute(fields), 1);
    });
    out.set(await t.data(), s * width);
    t.dispose();
  }
  return out;
}

/** |residual| summed over the PDE's residual-role terms at each grid point (no aux needed ones only). */
export async function residualMap(
  net: Network,
  pde: Pde,
  params: ParamValues,
  x: Float32Array,
  n: number,
): Promise<Float32Array> {
  const d = pde.axes.length;
  const out = new Float32Array(n);
  const terms = termsWithRole(pde, 'residual').map((name) => [name, pde.terms[name]] as const);
  for (let s = 0; s < n; s += CHUNK) {
    const m = Math.min(CHUNK, n - s);
    const t = tf.tidy(() => {
      const pts = x.subarray(s * d, (s + m) * d);
      const xs = tf.tensor2d(pts, [m, d]);
      const parts = terms.map(([, term]) => {
        const aux = term.aux ? auxColumns(term.aux, pts, m, d, params) : [];
        const fields = outputFields(
          net.forwardJet(inputJet(xs, pde.axes, streamClosure(term.derivs, pde.axes))),
          pde.outputs.length,
        );
        return tf.sum(tf.abs(term.residual(fields, aux, params)), 1);
      });
      return tf.addN(parts);
    });
    out.set(await t.data(), s);
    t.dispose();
  }
  return out;
}

function auxColumns(
  aux: (p: number[], params: ParamValues) => number[],
  pts: Float32Array,
  m: number,
  d: number,
  params: ParamValues,
): tf.Tensor[] {
  const rows = Array.from({ length: m }, (_, i) => aux(Array.from(pts.subarray(i * d, i * d + d)), params));
  return (rows[0] ?? []).map((_, k) =>
    tf.tensor2d(
      rows.map((r) => r[k]),
      [m, 1],
    ),
  );
}

/** Evaluate a network against a target. */
export async function evaluateOn(
  net: Network,
  pde: Pde,
  params: ParamValues,
  target: EvaluationTarget,
  step: number,
): Promise<Evaluation> {
  const pred = await predict(net, pde, target.x, target.n);
  const base = { step, names: target.names, pred, ticks: target.ticks };
  if (target.values) return { ...base, relL2: relativeL2(pred, target.values), exact: target.values };
  return {
    ...base,
    relL2: NaN,
    exact: new Float32Array(0),
    residual: await residualMap(net, pde, params, target.x, target.n),
  };
}
