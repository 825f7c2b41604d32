import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../config';
import { decodeSafetensors } from '../io/safetensors';
import { Trainer } from '../trainer';
import { weightsFile } from './bundle';
import { configOfFile, exportSection, networkSpec } from './spec';

describe('export spec', () => {
  it('tells the truth about embeddings: PirateNet width/2 frequencies, periods, frozen B', () => {
    const t = new Trainer(
      resolveConfig({ pde: 'allen_cahn', arch: 'pirate_net', archOptions: { blocks: 1, width: 16, fourierSigma: 2 } }),
    );
    const spec = networkSpec(t.config, t.net);
    expect((t.config.archOptions as { fourierSize: number }).fourierSize).toBe(0); // what config.json alone used to say
    expect(spec.fourier).toEqual({ size: 8, sigma: 2, trainable: false });
    expect(spec.periodic).toEqual({ x: 2 });
    expect(spec.inputs).toEqual(['t', 'x']);
    // the frozen Fourier matrix is listed: [t, cos πx, sin πx] → 8 frequencies
    expect(spec.tensors.find((x) => x.name === 'fourier.weight')).toEqual({
      name: 'fourier.weight',
      shape: [3, 8],
      trainable: false,
    });
    expect(spec.tensors.filter((x) => x.trainable).length).toBe(t.net.params.length);
    const section = exportSection(t.config, t.net, 0);
    expect(section.problem.terms.res.region).toEqual({ kind: 'interior' });
    expect(section.problem.domain).toEqual({ t: [0, 1], x: [-1, 1] });
    expect(configOfFile({ ...t.config, export: section })).toEqual(t.config);
    t.dispose();
  });
  it('weight files hold the frozen tensors and the spec; importing them checks and loads B', async () => {
    const cfg = resolveConfig({ pde: 'burgers', arch: 'mlp', archOptions: { depth: 1, width: 4, fourierSize: 3 } });
    const a = new Trainer(cfg);
    const tensors = await a.exportWeights(true);
    expect(tensors.map((x) => x.name)).toContain('fourier.weight');
    const file = decodeSafetensors(weightsFile(tensors, cfg, networkSpec(cfg, a.net), 7));
    expect(JSON.parse(file.metadata.architecture).fourier).toEqual({ size: 3, sigma: 1, trainable: false });
    expect(file.metadata.format_version).toBe('1');
    expect(file.metadata.naming).toMatch(/weight \[in, out\]/);
    const b = new Trainer(resolveConfig({ ...cfg, seed: 5 }));
    const bOf = async () => (await b.exportWeights(true)).find((x) => x.name === 'fourier.weight')!.data;
    expect(Array.from(await bOf())).not.toEqual(Array.from(tensors.find((x) => x.name === 'fourier.weight')!.data));
    b.importWeights(file.tensors);
    expect(Array.from(await bOf())).toEqual(Array.from(tensors.find((x) => x.name === 'fourier.weight')!.data));
    b.importWeights(await a.exportWeights()); // without the frozen tensors: still fine
    const bad = file.tensors.map((x) =>
      x.name === 'fourier.weight' ? { ...x, shape: [3, 2], data: x.data.slice(0, 6) } : x,
    );
    expect(() => b.importWeights(bad)).toThrow(/fourier.weight has shape \[3,2\], expected \[2,3\]/);
    a.dispose();
    b.dispose();
  });
});
