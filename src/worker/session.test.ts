import { describe, expect, it } from 'vitest';
import { resolveConfig, type ConfigInput } from '../engine/config';
import { trainFor } from '../engine/loop';
import { Trainer, type Checkpoint } from '../engine/trainer';
import type { BackendHooks } from './session';
import { divergeAfterOneStep, harness, tiny } from './session-harness';

describe('worker Session', () => {
  it(
    'starts, streams rows and evaluations, pauses, steps once, ' + 'keeps the run for an lr change and resets',
    async () => {
      const h = harness();
      h.run((s) => s.start([tiny]));
      await h.until(() => h.rows().length >= 4);
      expect(h.of('started')).toMatchObject([{ run: 0, terms: ['res', 'bc'] }]);
      expect(
        h
          .rows()
          .map((r) => r.step)
          .slice(0, 4),
      ).toEqual([5, 10, 15, 20]);
      expect(Object.keys(h.rows()[0])).toEqual(
        expect.arrayContaining(['step', 'loss', 'loss.res', 'loss.bc', 'weight.res', 'msPerStep']),
      );
      const ev = h.of('evaluation')[0];
      expect(ev.pred).toBeInstanceOf(Float32Array);
      expect(ev.pred.length).toBe(ev.ticks[0].length);
      // the last step's collocation points, per term, travel with it
      expect(ev.collocation!.terms).toEqual(['res', 'bc']);
      expect(h.transfers[h.msgs.indexOf(ev)]).toEqual([
        ev.pred.buffer,
        ev.exact.buffer,
        ...ev.collocation!.points.map((p) => p.buffer),
      ]);
      expect(h.rows().find((r) => r.step === ev.step)?.relL2).toBe(ev.relL2);

      h.run((s) => s.pause());
      await h.until(() => h.stops().length === 1);
      const pausedAt = h.stops()[0].steps[0];
      expect(h.stops()[0].reason).toBe('paused');
      expect(h.rows().at(-1)!.step).toBe(pausedAt);
      await new Promise((r) => setTimeout(r, 50));
      expect(h.rows().at(-1)!.step).toBe(pausedAt);

      h.run((s) => s.stepOnce([tiny]));
      await h.until(() => h.stops().length === 2);
      expect(h.stops()[1]).toMatchObject({ reason: 'stepped', steps: [pausedAt + 1] });
      expect(h.rows().at(-1)).toMatchObject({ step: pausedAt + 1, relL2: expect.any(Number) });

      h.run((s) => s.start([{ ...tiny, lr: 5e-4 }]));
      await h.until(() => h.rows().at(-1)!.step >= pausedAt + 10);
      expect(h.of('started')).toHaveLength(1);
      h.run((s) => s.reset());
      await h.until(() => h.stops().some((m) => m.reason === 'reset'));
      const n = h.rows().length;
      await new Promise((r) => setTimeout(r, 50));
      expect(h.rows()).toHaveLength(n);
    },
  );

  it('evaluates where training paused, after posting the rows up to there', async () => {
    const h = harness({ minEvalIntervalMs: 1e9, flushEveryMs: 1e9 });
    h.run((s) => s.start([tiny]));
    await h.until(() => h.of('evaluation').length === 1);
    await new Promise((r) => setTimeout(r, 100));
    h.run((s) => s.pause());
    await h.until(() => h.stops().length === 1);
    const pausedAt = h.stops()[0].steps[0];
    const tail = h.msgs.slice(h.msgs.indexOf(h.of('evaluation')[0]) + 1).map((m) => m.type);
    expect(tail.slice(-3)).toEqual(['progress', 'evaluation', 'stopped']);
    expect(h.of('evaluation').at(-1)!.step).toBe(pausedAt);
    expect(h.rows().at(-1)!.step).toBe(pausedAt);
  });

  it('finishes after config.steps and says so when started again', async () => {
    const h = harness();
    const short = { ...tiny, steps: 7 };
    h.run((s) => s.start([short]));
    await h.until(() => h.stops().length === 1);
    expect(h.stops()[0]).toMatchObject({ reason: 'finished', steps: [7], wall: { steps: 7 } });
    expect(h.rows().map((p) => p.step)).toEqual([5, 7]);
    h.run((s) => s.start([short]));
    await h.until(() => h.stops().length === 2);
    expect(h.of('error')[0].message).toMatch(/finished its 7 steps; raise Steps to continue it, or press Reset/);
  });

  it('reports an invalid config and keeps the current run', async () => {
    const h = harness();
    h.run((s) => s.stepOnce([tiny]));
    h.run((s) => s.start([{ ...tiny, batch: -3 }]));
    await h.until(() => h.of('error').length === 1);
    expect(h.of('error')[0].message).toMatch(/batch: -3 is not an integer/);
    expect(h.stops().at(-1)!.reason).toBe('error');
    h.run((s) => s.stepOnce([tiny]));
    await h.until(() => h.stops().at(-1)!.reason === 'stepped');
    expect(h.stops().at(-1)!.steps).toEqual([2]);
  });

  it('stops a diverging run with an explanation and keeps its last good weights', async () => {
    const h = harness();
    await divergeAfterOneStep(h);
    await h.until(() => h.of('diverged').length === 1);
    expect(h.of('diverged')[0].message).toMatch(
      new RegExp(
        String.raw`^Training diverged at step 5 \(loss res, bc is not finite\) and stopped; ` +
          String.raw`its last good weights \(step 1\) are kept\. Lower the learning rate`,
      ),
    );
    await h.until(() => h.stops().at(-1)!.reason === 'diverged');
    h.run((s) => s.exportWeights(0));
    await h.until(() => h.of('weights').length === 1);
    expect(h.of('weights')[0].step).toBe(1);
    expect(h.of('weights')[0].tensors.every((t) => t.data.every(Number.isFinite))).toBe(true);
  });

  it('compare mode: two runs from the same seed see the same first loss, then differ', async () => {
    const h = harness();
    const b = { ...tiny, optimizer: 'soap' };
    h.run((s) => s.stepOnce([tiny, b]));
    h.run((s) => s.stepOnce([tiny, b]));
    await h.until(() => h.stops().length === 2);
    expect(h.of('started').map((m) => m.config.optimizer)).toEqual(['adam', 'soap']);
    const [a1, a2] = h.rows(0);
    const [b1, b2] = h.rows(1);
    expect(a1.step).toBe(1);
    expect(b1['loss.res']).toBe(a1['loss.res']);
    expect(b1['loss.bc']).toBe(a1['loss.bc']);
    expect(b2['loss.res']).not.toBe(a2['loss.res']);
    expect(h.stops()[1].steps).toEqual([2, 2]);
  });

  it(
    'answers a landscape request between chunks with slices at the run’s weights, ' + 'and refuses before a run',
    async () => {
      const h = harness();
      h.run((s) => s.landscape(0));
      await h.until(() => h.of('error').length > 0);
      expect(h.of('error')[0].message).toMatch(/no run to slice yet/);
      h.run((s) => s.stepOnce([tiny]));
      h.run((s) => s.landscape(0));
      await h.until(() => h.of('landscape').length > 0);
      const l = h.of('landscape')[0].landscape;
      expect(l.step).toBe(1);
      expect(l.alongTop).toHaveLength(l.alphas.length);
      expect(l.grid.loss).toHaveLength(l.grid.offsets.length ** 2);
      expect(l.lambdaTop).toBeGreaterThanOrEqual(l.lambdaBottom);
      expect(l.solver).toMatch(/Lanczos/);
    },
  );

  it('streams diagnostics: metrics in the rows, histograms as transferred typed arrays', async () => {
    const h = harness();
    const cfg = {
      ...tiny,
      diagnostics: { every: 5, kinds: ['align', 'hist'], bins: 8 },
      balancing: { method: 'annealing', every: 5 },
    };
    h.run((s) => s.start([cfg]));
    await h.until(() => h.of('diagnostics').length >= 2);
    h.run((s) => s.pause());
    const d = h.of('diagnostics')[1];
    expect(d.histograms.map((x) => x.layer)).toEqual(['layer0', 'layer1', 'layer2']);
    expect(d.histograms[0].edges).toHaveLength(9);
    expect(d.histograms[0].terms.res.counts).toBeInstanceOf(Uint32Array);
    expect(h.transfers[h.msgs.indexOf(d)]).toContain(d.histograms[0].terms.bc.counts.buffer);
    const row = h.rows().find((r) => r.step === d.step)!;
    expect(row['align.intra']).toBeGreaterThanOrEqual(-1);
    expect(row['align.interGrad']).toBeLessThanOrEqual(1);
    expect(h.rows().some((r) => r['weight.bc'] !== 1)).toBe(true);
  });

  it(
    'rebuilds the runs on the fallback backend from their saved state when the device is lost, ' +
      'and continues the same trajectory',
    async () => {
      const hooks: BackendHooks = {
        fallback: async () => ({ backend: 'cpu', reason: 'webgpu: lost → using cpu' }),
        isBackendFailure: () => false,
      };
      const h = harness({ saveEveryMs: 0 }, hooks);
      const cfg: ConfigInput = { ...tiny, optimizer: 'soap', balancing: { method: 'annealing', every: 5 } };
      h.run((s) => s.start([cfg]));
      h.run((s) => s.setLr(0, 2e-3)); // a live change, before the first chunk: it must survive the rebuild
      await h.until(() => h.rows().length >= 3);
      h.s.deviceLost('test');
      await h.until(() => h.of('resumed').length === 1);
      const at = h.of('resumed')[0].step;
      expect(at).toBeGreaterThanOrEqual(15);
      expect(h.of('backend')[0]).toEqual({
        type: 'backend',
        backend: 'cpu',
        reason: 'webgpu: lost → using cpu',
        threads: 1,
      });
      await h.until(() => h.rows().at(-1)!.step >= at + 10);
      h.run((s) => s.pause());
      await h.until(() => h.stops().length === 1);
      expect(h.of('started')).toHaveLength(1);
      expect(h.of('error')).toEqual([]);

      // every posted row, before and after the loss, is the uninterrupted run's (same backend: exactly)
      const reference = new Trainer(resolveConfig({ ...cfg, lr: 2e-3 }));
      const expected = new Map<number, Checkpoint>();
      await trainFor(reference, h.rows().at(-1)!.step, (c) => {
        expected.set(c.step, c);
      });
      reference.dispose();
      const after = h.rows().filter((r) => r.step > at);
      expect(after.length).toBeGreaterThanOrEqual(2);
      for (const r of h.rows()) {
        const c = expected.get(r.step)!;
        expect({ step: r.step, loss: r.loss, res: r['loss.res'], bc: r['loss.bc'], w: r['weight.bc'] }).toEqual({
          step: c.step,
          loss: c.loss,
          res: c.losses.res,
          bc: c.losses.bc,
          w: c.weights.bc,
        });
      }
    },
  );

  it('without streaming posts nothing but the stop, with the wall-clock step count', async () => {
    const h = harness({ stream: false });
    h.run((s) => s.start([{ ...tiny, steps: 20 }]));
    await h.until(() => h.stops().length === 1);
    expect(h.msgs.map((m) => m.type)).toEqual(['started', 'stopped']);
    expect(h.stops()[0].wall!.steps).toBe(20);
  });
});
