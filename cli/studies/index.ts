import { helmholtzStudy, kleinGordonStudy } from './pathologies';
import { newtonStudy } from './newton';
import { pdeAwareStudy } from './pde_aware';
import { poissonCStudy } from './poisson_c';
import { samplingStudy } from './sampling';
import { soapVsAdamStudy } from './soap_vs_adam';
import type { Study } from './types';

/** The reproduction studies by id. */
export const studies: Record<string, Study> = {
  helmholtz: helmholtzStudy,
  klein_gordon: kleinGordonStudy,
  poisson_c: poissonCStudy,
  soap_vs_adam: soapVsAdamStudy,
  newton: newtonStudy,
  pde_aware: pdeAwareStudy,
  sampling: samplingStudy,
};
