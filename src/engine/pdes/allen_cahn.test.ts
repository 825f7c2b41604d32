import { allenCahn } from './allen_cahn';
import { describeSpectralPde } from '../reference/testing/suite';

// ic: the 512-node interpolant of x² cos πx rings (~5e-4) at the corner of its periodic
// extension at x = ±1, which the exact periodic embedding cannot represent either.
describeSpectralPde(allenCahn, {
  published: { name: 'allen_cahn', tol: 1e-4 },
  terms: { res: 2e-4, ic: 1e-3 },
  tau: 1e-3,
});
