import { describe, expect, it } from 'vitest';
import { baseConfig } from '../../engine/config';
import { readImport } from '../../engine/io/import-file';
import { decodeSafetensors } from '../../engine/io/safetensors';
import { weightsToJson, weightsToSafetensors } from './weightsFile';

const tensors = [
  { name: 'layer0.weight', shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6.5]) },
  { name: 'layer0.bias', shape: [3], data: Float32Array.from([-1, 0, 0.25]) },
];

describe('weight files for download', () => {
  it('safetensors carry the config and step and import back as the same weights', () => {
    const buf = weightsToSafetensors(tensors, baseConfig, 42);
    const meta = decodeSafetensors(buf).metadata;
    expect(JSON.parse(meta.config)).toEqual(baseConfig);
    expect(meta.step).toBe('42');
    expect(readImport('w.safetensors', buf)).toEqual({ kind: 'weights', tensors });
  });

  it('JSON weights (the CLI format) import back as the same weights', () => {
    const text = weightsToJson(tensors);
    expect(JSON.parse(text)[1]).toEqual({ name: 'layer0.bias', shape: [3], data: [-1, 0, 0.25] });
    expect(readImport('w.json', new TextEncoder().encode(text))).toEqual({ kind: 'weights', tensors });
  });
});
