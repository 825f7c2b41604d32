import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/engine/config';
import { stateToJson } from '../src/engine/export/state-file';
import { encodeSafetensors } from '../src/engine/io/safetensors';
import { Trainer } from '../src/engine/trainer';
import { UsageError } from './args';
import { applyStart } from './weights-file';

const dir = mkdtempSync(join(tmpdir(), 'init-weights-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cfg = (width: number) => resolveConfig({ pde: 'poisson1d', archOptions: { depth: 1, width } });

describe('--init-weights and --resume', () => {
  it('load matching weights, and name every tensor whose shape does not fit', async () => {
    const src = new Trainer(cfg(4));
    const file = join(dir, 'w.safetensors');
    writeFileSync(file, encodeSafetensors(await src.exportWeights(true)));
    const same = new Trainer(cfg(4));
    applyStart(same, { 'init-weights': file });
    expect((await same.exportWeights()).map((w) => Array.from(w.data))).toEqual(
      (await src.exportWeights()).map((w) => Array.from(w.data)),
    );
    const wider = new Trainer(cfg(6));
    expect(() => applyStart(wider, { 'init-weights': file })).toThrow(UsageError);
    expect(() => applyStart(wider, { 'init-weights': file })).toThrow(
      /--init-weights: .*w.safetensors: .*layer0.weight has shape \[1,4\], expected \[1,6\]/,
    );
    const json = join(dir, 'w.json');
    writeFileSync(json, JSON.stringify([{ name: 'layer9.weight', shape: [1], data: [0] }]));
    expect(() => applyStart(same, { 'init-weights': json })).toThrow(
      /missing layer0.weight .*unexpected layer9.weight/,
    );
    expect(() => applyStart(same, { 'init-weights': join(dir, 'nope') })).toThrow(/--init-weights: cannot read/);
    [src, same, wider].forEach((t) => t.dispose());
  });
  it('--resume reads DIR/state.json and refuses a state of another network', async () => {
    const a = new Trainer(cfg(4));
    writeFileSync(join(dir, 'state.json'), stateToJson(await a.exportState()));
    const b = new Trainer(cfg(6));
    expect(() => applyStart(b, { resume: dir })).toThrow(/--resume: .*state.json: training state does not fit/);
    expect(() => applyStart(b, { resume: join(dir, 'missing') })).toThrow(/--resume: cannot read/);
    expect(() => applyStart(b, { resume: dir, 'init-weights': 'x' })).toThrow(/give one of them/);
    a.dispose();
    b.dispose();
  });
});
