import { compileSpec } from './compile';
import type { CustomPdeSpec } from './spec';

/** Names of the residual loss terms: 'res' for one equation, 'res1'..'resN' for several. */
export function residualTermNames(count: number): string[] {
  return count === 1 ? ['res'] : Array.from({ length: count }, (_, i) => `res${i + 1}`);
}

/**
 * The loss-term names a typed PDE trains with, in `buildCustomPde`'s order: the residuals,
 * then `ic`, `ic_t` and `bc` when the spec has those conditions. Free of tfjs, so the UI can
 * offer a weight per term. Throws `CustomPdeError` on an invalid spec.
 */
export function customTermNames(spec: CustomPdeSpec): string[] {
  const c = compileSpec(spec);
  return [
    ...residualTermNames(c.residuals.length),
    ...(c.ic ? ['ic'] : []),
    ...(c.icT ? ['ic_t'] : []),
    ...(c.dirichlet.length ? ['bc'] : []),
  ];
}
