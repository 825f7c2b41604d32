import { helmholtzStudy } from './helmholtz';
import { poissonCStudy } from './poisson_c';
import type { Study } from './types';

/** The reproduction studies by id. */
export const studies: Record<string, Study> = {
  helmholtz: helmholtzStudy,
  poisson_c: poissonCStudy,
};
