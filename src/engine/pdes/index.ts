import { advection } from './advection';
import { allenCahn } from './allen_cahn';
import { burgers } from './burgers';
import { helmholtz } from './helmholtz';
import { kdv } from './kdv';
import { kleinGordon } from './klein_gordon';
import { ks } from './ks';
import { ldc } from './ldc';
import { ldcStream } from './ldc_stream';
import { poisson1d } from './poisson1d';
import type { Pde } from './types';
import { wave } from './wave';

export type { Pde, LossTerm, Observables, ParamSpec, ParamValues, Region, ReferenceSolution, TermRole } from './types';
export { defaultParams, initialValueTerm, primaryResidual, termsWithRole } from './types';

/** PDEs by id. */
export const pdes = {
  poisson1d,
  helmholtz,
  klein_gordon: kleinGordon,
  wave,
  advection,
  ldc,
  ldc_stream: ldcStream,
  burgers,
  allen_cahn: allenCahn,
  kdv,
  ks,
} satisfies Record<string, Pde>;

/** A PDE id. */
export type PdeId = keyof typeof pdes;

/** The ids, for menus and CLI validation. */
export const pdeIds = Object.keys(pdes) as PdeId[];
