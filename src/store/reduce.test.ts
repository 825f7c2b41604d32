import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../engine/config';
import type { FromWorker } from '../worker/protocol';
import { initialData, reduce, type PlaygroundData } from './reduce';

const config = resolveConfig({ pde: 'poisson1d' });
const apply = (msgs: FromWorker[], s: PlaygroundData = initialData) =>
  msgs.reduce((acc, m) => ({ ...acc, ...reduce(acc, m) }), s);

describe('store reducer', () => {
  it('follows a run: started, rows, evaluation, histograms, pause, reset', () => {
    const pred = new Float32Array(2);
    let s = apply([
      { type: 'ready', backend: 'webgpu', reason: 'webgpu (first choice)', threads: 1 },
      { type: 'started', run: 0, config, paramCount: 25, terms: ['res', 'bc'] },
      {
        type: 'progress',
        run: 0,
        rows: [
          { step: 2, loss: 1 },
          { step: 4, loss: 0.5 },
        ],
      },
      {
        type: 'evaluation',
        run: 0,
        step: 4,
        relL2: 0.3,
        names: ['u'],
        pred,
        exact: pred,
        ticks: [[0, 1]],
        axes: ['x'],
      },
      { type: 'diagnostics', run: 0, step: 4, histograms: [] },
      { type: 'stopped', steps: [4], reason: 'paused' },
    ]);
    expect(s.status).toBe('paused');
    expect(s.backend).toBe('webgpu');
    expect(s.runs[0]!.rows.map((r) => r.step)).toEqual([2, 4]);
    expect(s.runs[0]!.evaluation!.relL2).toBe(0.3);
    expect(s.runs[0]!.rows[1].relL2).toBe(0.3); // the snapshot's error joins the row of its step
    expect(s.runs[0]!.histograms).toEqual([{ step: 4, layers: [] }]);
    expect(s.runs[1]).toBeNull();
    s = apply([{ type: 'stopped', steps: [], reason: 'reset' }], s);
    expect(s.runs).toEqual([null, null]);
    expect(s.status).toBe('idle');
  });

  it('a resumed run forgets the history after the saved step and keeps the rest', () => {
    const s = apply([
      { type: 'started', run: 0, config, paramCount: 25, terms: ['res', 'bc'] },
      {
        type: 'progress',
        run: 0,
        rows: [
          { step: 2, loss: 1 },
          { step: 4, loss: 0.5 },
          { step: 6, loss: 0.4 },
        ],
      },
      { type: 'backend', backend: 'webgl', reason: 'webgpu: lost → using webgl', threads: 1 },
      { type: 'resumed', run: 0, step: 4 },
    ]);
    expect(s.runs[0]!.rows.map((r) => r.step)).toEqual([2, 4]);
    expect(s.message).toEqual({ kind: 'info', text: 'Switched backend: webgpu: lost → using webgl.' });
  });

  it('loads experiments, keeps the current one when loading fails, and reports divergence', () => {
    const loaded = apply([
      {
        type: 'experiment',
        source: 'preset',
        experiment: { config, compare: { optimizer: 'soap' }, compareConfig: resolveConfig({ optimizer: 'soap' }) },
      },
    ]);
    expect(loaded).toMatchObject({ config, compare: true, overrides: { optimizer: 'soap' }, editing: 0 });
    const failed = apply([{ type: 'loadError', source: 'hash', message: 'pde: unknown value "x"' }], loaded);
    expect(failed.config).toBe(config);
    expect(failed.message!.text).toBe(
      'This link could not be loaded: pde: unknown value "x". The current experiment was kept.',
    );
    const d = apply([
      { type: 'started', run: 0, config, paramCount: 25, terms: ['res'] },
      { type: 'diverged', run: 0, step: 5, message: 'Training diverged at step 5' },
      { type: 'stopped', steps: [4], reason: 'diverged' },
    ]);
    expect(d.status).toBe('diverged');
    expect(d.runs[0]!.diverged).toBe('Training diverged at step 5');
    expect(d.message!.kind).toBe('diverged');
  });

  it("an imported file's outcome goes beside the Import control, not into the banner", () => {
    const experiment = { config, compare: null, compareConfig: null };
    const s = apply([
      { type: 'importError', name: 'w.zip', message: 'w.zip is a ZIP archive' },
      { type: 'loadError', source: 'file', message: 'c.json: pde: unknown value "x"' },
    ]);
    expect(s.message).toBeNull();
    expect(s.importNote).toEqual({
      kind: 'error',
      text: 'This config file could not be loaded: c.json: pde: unknown value "x". The current experiment was kept.',
    });
    expect(apply([{ type: 'importError', name: 'w.zip', message: 'w.zip is a ZIP archive' }]).importNote!.text).toBe(
      'w.zip is a ZIP archive. The current experiment was kept.',
    );
    const file = apply([{ type: 'experiment', source: 'file', experiment }]);
    expect(file).toMatchObject({
      message: null,
      importNote: { kind: 'info', text: /^Loaded the experiment \(poisson1d/ },
    });
    const preset = apply([{ type: 'experiment', source: 'preset', experiment }]);
    expect(preset).toMatchObject({ importNote: null, message: { kind: 'info', text: /^Loaded the experiment/ } });
    const weights = apply([{ type: 'imported', run: 1, step: 7, name: 'w.safetensors' }]);
    expect(weights.importNote!.text).toBe(
      'Loaded w.safetensors into run B; press Start to continue training from these weights.',
    );
  });

  it('a new run A drops the previous run B', () => {
    const s = apply([
      { type: 'started', run: 0, config, paramCount: 1, terms: [] },
      { type: 'started', run: 1, config, paramCount: 1, terms: [] },
      { type: 'started', run: 0, config, paramCount: 1, terms: [] },
    ]);
    expect(s.runs[1]).toBeNull();
  });
});
