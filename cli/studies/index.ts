import { helmholtzStudy, kleinGordonStudy } from './pathologies';
import { newtonStudy } from './newton';
import { pdeAwareStudy } from './pde_aware';
import { poissonCStudy } from './poisson_c';
import { samplingStudy } from './sampling';
import { soapPirateStudy } from './soap_pirate';
import { soapVsAdamStudy } from './soap_vs_adam';
import type { Study } from './types';

/** The reproduction studies by id. */
export const studies: Record<string, Study> = {
  helmholtz: helmholtzStudy,
  klein_gordon: kleinGordonStudy,
  poisson_c: poissonCStudy,
  soap_vs_adam: soapVsAdamStudy,
  soap_pirate: soapPirateStudy,
  newton: newtonStudy,
  pde_aware: pdeAwareStudy,
  sampling: samplingStudy,
};
