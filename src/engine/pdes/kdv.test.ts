import { kdv } from './kdv';
import { describeSpectralPde } from '../reference/testing/suite';

describeSpectralPde(kdv, {
  published: { name: 'kdv', tol: 1e-4 },
  terms: { res: 2e-4, ic: 1e-6 },
  tau: 1e-3,
});
