/**
 * The catalog the controls are built from, read off the engine's registries (so a PDE, net or
 * optimizer added to the engine shows up in the UI without UI changes). Runs in the worker:
 * the registries import tfjs, which must stay out of the UI bundle.
 */
import { activationIds } from '../engine/activations';
import { backendIds } from '../engine/backend';
import { balancingMethods, baseConfig, diagnosticKinds, samplingMethods } from '../engine/config';
import { hardConstraints } from '../engine/hard-constraints';
import { architectures, archIds } from '../engine/nets';
import { basisSolverIds } from '../engine/optim/eigenbasis';
import { optimizerIds, optimizers } from '../engine/optim';
import { pdeIds, pdes } from '../engine/pdes';
import { presetIds, presets } from '../engine/presets';
import type { Catalog, OptionsInfo } from './protocol';

function optionsInfo(id: string, entry: { label: string; defaults: object }): OptionsInfo {
  return { id, label: entry.label, defaults: { ...entry.defaults } as OptionsInfo['defaults'] };
}

/** Build the catalog (plain data, structured-clone safe). */
export function buildCatalog(): Catalog {
  return {
    base: structuredClone(baseConfig),
    pdes: pdeIds.map((id) => {
      const p = pdes[id];
      return {
        id, label: p.label, equation: p.equation, axes: [...p.axes], outputs: [...p.outputs], terms: Object.keys(p.terms),
        params: structuredClone(p.params), domain: structuredClone(p.domain), hasReference: p.reference !== undefined,
        causalByDefault: (p as { causalByDefault?: boolean }).causalByDefault ?? false,
        quantities: [...((p as { observables?: { names: string[] } }).observables?.names ?? p.outputs)],
        ...(hardConstraints[id] ? { hardConstraint: { terms: [...hardConstraints[id]!.terms], form: hardConstraints[id]!.form } } : {}),
      };
    }),
    architectures: archIds.map((id) => optionsInfo(id, architectures[id])),
    optimizers: optimizerIds.map((id) => optionsInfo(id, optimizers[id])),
    choices: {
      activation: activationIds,
      solver: basisSolverIds,
      method: balancingMethods,
      kinds: diagnosticKinds,
      sampling: samplingMethods,
    },
    presets: presetIds.map((id) => ({ id, label: presets[id].label, config: presets[id].config, compare: presets[id].compare ?? null })),
    backends: backendIds,
  };
}
