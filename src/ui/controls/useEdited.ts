import { useMemo } from 'react';
import type { ExperimentConfig } from '../../engine/config';
import { compareConfig } from '../../store/edits';
import { usePlayground } from '../../store/playground';
import type { Catalog } from '../../worker/protocol';

/** The state the control sections need: the config of the run being edited, and whether edits are locked. */
export interface Edited {
  config: ExperimentConfig;
  catalog: Catalog;
  /** Training runs: only the learning rate may change. */
  locked: boolean;
  /** Top-level fields where run B differs from run A (compare mode). */
  differs: Set<string>;
}

/** The config the controls show: run A's, or run B's (A + overrides) when editing B. */
export function useEdited(): Edited | null {
  const config = usePlayground((s) => s.config);
  const catalog = usePlayground((s) => s.catalog);
  const compare = usePlayground((s) => s.compare);
  const overrides = usePlayground((s) => s.overrides);
  const editing = usePlayground((s) => s.editing);
  const status = usePlayground((s) => s.status);
  return useMemo(() => {
    if (!config || !catalog) return null;
    const shown = compare && editing === 1 ? compareConfig(config, overrides) : config;
    const differs = new Set(compare ? Object.keys(overrides) : []);
    return { config: shown, catalog, locked: status === 'running' || status === 'connecting', differs };
  }, [config, catalog, compare, overrides, editing, status]);
}

/** Whether any of `fields` differs between the runs. */
export const anyDiffers = (e: Edited, fields: readonly string[]) => fields.some((f) => e.differs.has(f));

/** The unknown the network approximates, written with the PDE's own inputs: "u(x, y)", "(u, v, p)(x, y)", "u(t, x)". */
export function unknownOf(e: Edited): string {
  const pde = e.catalog.pdes.find((p) => p.id === e.config.pde);
  const axes = pde?.axes ?? e.config.custom?.axes ?? ['x'];
  const outs = pde?.outputs ?? e.config.custom?.outputs ?? ['u'];
  return `${outs.length === 1 ? outs[0] : `(${outs.join(', ')})`}(${axes.join(', ')})`;
}
