/**
 * A PDE's physical parameters as options: each `ParamSpec` (label, default, range) declared in
 * the PDE's own file becomes a float option, so parameters validate, show and travel through
 * links and the CLI like every other option.
 */
import type { Pde } from '../pdes/types';
import { float, type OptionSchema } from './option';

/** The options schema of a PDE's parameters. */
export function paramSchema(pde: Pick<Pde, 'params'>): OptionSchema {
  const out: Record<string, ReturnType<typeof float>> = {};
  for (const [k, p] of Object.entries(pde.params)) {
    out[k] = float(p.label, p.default, p.min, p.max, p.help ?? `${p.label}, in [${p.min}, ${p.max}].`);
  }
  return out;
}
