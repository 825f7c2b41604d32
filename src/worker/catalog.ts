/**
 * The catalog the controls are built from, read off the engine's registries and their option
 * schemas (so a PDE, net, optimizer or option added to the engine shows up in the UI, with its
 * label, range and help, without UI changes). Runs in the worker: the registries import tfjs,
 * which must stay out of the UI bundle.
 */
import { backendIds } from '../engine/backend';
import { balancing, balancingMethods } from '../engine/balancing/methods';
import { causalSchema } from '../engine/causal';
import { baseConfig, trainingSchema } from '../engine/config';
import { diagnosticKinds, diagnosticLabels, diagnosticsSchema } from '../engine/diagnostics/kinds';
import { hardConstraints } from '../engine/hard-constraints';
import { lbfgsSchema } from '../engine/host-phase';
import { architectures, archIds, type ArchId, type ArchOptions } from '../engine/nets';
import { optimizerIds, optimizers, scheduleSchema, type OptimizerId, type OptimizerOptions } from '../engine/optim';
import { pdeIds, pdes } from '../engine/pdes';
import { presetIds, presets } from '../engine/presets';
import { sampling, samplingMethods } from '../engine/sampling-methods';
import { defaultsOf, type SchemaOf } from '../engine/schema/option';
import type { Catalog, OptionsInfo } from './protocol';

/** A registry entry as plain data: its id, label, schema and the schema's defaults. */
function optionsInfo<Id extends string, O extends object>(
  id: Id,
  entry: { label: string; schema: SchemaOf<O>; unused?: readonly string[] },
): OptionsInfo<Id, O> {
  const schema = structuredClone(entry.schema);
  const unused = entry.unused ? { unused: [...entry.unused] } : {};
  return { id, label: entry.label, schema, defaults: defaultsOf(schema), ...unused };
}

/** Build the catalog (plain data, structured-clone safe). */
export function buildCatalog(): Catalog {
  return {
    base: structuredClone(baseConfig),
    pdes: pdeIds.map((id) => {
      const p = pdes[id];
      return {
        id,
        label: p.label,
        equation: p.equation,
        axes: [...p.axes],
        outputs: [...p.outputs],
        terms: Object.keys(p.terms),
        params: structuredClone(p.params),
        domain: structuredClone(p.domain),
        hasReference: p.reference !== undefined,
        causalByDefault: (p as { causalByDefault?: boolean }).causalByDefault ?? false,
        quantities: [...((p as { observables?: { names: string[] } }).observables?.names ?? p.outputs)],
        ...(hardConstraints[id]
          ? { hardConstraint: { terms: [...hardConstraints[id]!.terms], form: hardConstraints[id]!.form } }
          : {}),
      };
    }),
    architectures: archIds.map((id) => optionsInfo<ArchId, ArchOptions[ArchId]>(id, architectures[id])),
    optimizers: optimizerIds.map((id) => optionsInfo<OptimizerId, OptimizerOptions[OptimizerId]>(id, optimizers[id])),
    balancing: balancingMethods.map((id) => optionsInfo(id, balancing[id])),
    sampling: samplingMethods.map((id) => optionsInfo(id, sampling[id])),
    schemas: structuredClone({
      training: trainingSchema,
      schedule: scheduleSchema,
      diagnostics: diagnosticsSchema,
      causal: causalSchema,
      lbfgs: lbfgsSchema,
    }) as Catalog['schemas'],
    diagnosticKinds: diagnosticKinds.map((id) => ({ id, label: diagnosticLabels[id] })),
    presets: presetIds.map((id) => ({
      id,
      label: presets[id].label,
      config: presets[id].config,
      compare: presets[id].compare ?? null,
    })),
    backends: backendIds,
  };
}
