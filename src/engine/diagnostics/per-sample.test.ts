import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { termStreams } from '../loss';
import { createMlp } from '../nets/mlp';
import { pdes } from '../pdes';
import { createRng } from '../rng';
import { sampleTerm } from '../sampling';
import { inputJet, outputFields } from '../jet/jet';
import { perSampleGrads } from './per-sample';

describe('per-sample gradients', () => {
  it.each(['helmholtz', 'wave', 'advection'] as const)(
    '%s: equal one-sample reverse passes, sample by sample',
    async (id) => {
      const pde = pdes[id];
      const params = Object.fromEntries(Object.entries(pde.params).map(([k, s]) => [k, s.default]));
      const net = createMlp(
        { depth: 2, width: 5, activation: 'tanh' },
        {
          axes: pde.axes,
          outputDim: 1,
          rng: createRng(2),
          periodic: pde.periodic ? { periods: pde.periodic } : undefined,
        },
      );
      const streams = termStreams(pde).res;
      const batch = sampleTerm(pde, 'res', params, createRng(4), 6);
      const before = tf.memory().numTensors;
      const ps = perSampleGrads(net, pde, params, 'res', batch, streams);
      const vars = net.params.map((p) => p.variable);
      const d = pde.axes.length;
      for (let i = 0; i < batch.n; i++) {
        const x = tf.tensor2d(batch.x.slice(i * d, i * d + d), [1, d]);
        const aux = batch.aux.map((a) => tf.tensor2d([a[i]], [1, 1]));
        const { value, grads } = tf.variableGrads(() => {
          const f = outputFields(net.forwardJet(inputJet(x, pde.axes, streams)), 1);
          return tf.sum(tf.square(pde.terms.res.residual(f, aux, params))) as tf.Scalar;
        }, vars);
        for (let k = 0; k < vars.length; k++) {
          const g = grads[vars[k].name]; // undefined when no path reaches the parameter
          const want = g ? await g.data() : new Float32Array(vars[k].size);
          const row = tf.gather(ps[k]!, i);
          const got = await row.data();
          row.dispose();
          const scale = Math.max(1e-6, ...Array.from(want, Math.abs));
          for (let j = 0; j < want.length; j++) expect(Math.abs(got[j] - want[j]) / scale).toBeLessThan(1e-4);
        }
        tf.dispose([x, aux, value, grads]);
      }
      tf.dispose(ps.filter((g): g is tf.Tensor => g !== null));
      expect(tf.memory().numTensors).toBe(before);
      net.dispose();
    },
  );
});
