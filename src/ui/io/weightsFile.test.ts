import { describe, expect, it } from 'vitest';
import { baseConfig } from '../../engine/config';
import { decodeSafetensors } from '../../engine/io/safetensors';
import { readImport, weightsToJson, weightsToSafetensors } from './weightsFile';

const tensors = [
  { name: 'layer0.weight', shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6.5]) },
  { name: 'layer0.bias', shape: [3], data: Float32Array.from([-1, 0, 0.25]) },
];
const bytes = (s: string) => new TextEncoder().encode(s);

describe('weight files', () => {
  it('safetensors carry the config and step and read back as weights', () => {
    const buf = weightsToSafetensors(tensors, baseConfig, 42);
    const meta = decodeSafetensors(buf).metadata;
    expect(JSON.parse(meta.config)).toEqual(baseConfig);
    expect(meta.step).toBe('42');
    expect(readImport('w.safetensors', buf)).toEqual({ kind: 'weights', tensors });
    expect(readImport('renamed.bin', buf).kind).toBe('weights');
  });

  it('JSON weights (the CLI format) read back, and a config JSON is passed on as text', () => {
    expect(readImport('w.json', bytes(weightsToJson(tensors)))).toEqual({ kind: 'weights', tensors });
    expect(readImport('w.json', bytes(JSON.stringify({ tensors: JSON.parse(weightsToJson(tensors)) }))).kind).toBe(
      'weights',
    );
    expect(readImport('c.json', bytes(' {"pde": "wave"}'))).toEqual({ kind: 'config', text: ' {"pde": "wave"}' });
  });

  it.each([
    [
      'w.safetensors',
      weightsToSafetensors(tensors, baseConfig, 1).slice(0, 60),
      /^w\.safetensors: safetensors: header length \d+ exceeds file size 60/,
    ],
    [
      'w.safetensors',
      weightsToSafetensors(tensors, baseConfig, 1).slice(0, -4),
      new RegExp(
        String.raw`^w\.safetensors: safetensors: layer0\.\w+'s data_offsets \[\d+,\d+\] ` +
          String.raw`are not \[begin, end\] within the 32-byte data`,
      ),
    ],
    ['w.safetensors', bytes('{"a": 1}'), /^w\.safetensors: safetensors:/],
    ['notes.txt', bytes('hello world, these are not weights'), /^notes\.txt is neither JSON nor a safetensors file/],
    ['c.json', bytes('{"pde": '), /^c\.json is not JSON/],
    ['w.json', bytes('[{"name": "a", "shape": [2], "data": [1]}]'), /^w\.json: a has 1 values for shape \[2\]/],
    ['w.json', bytes('[{"shape": [1], "data": [1]}]'), /^w\.json: tensor 0 has no name/],
    ['w.json', bytes('[]'), /^w\.json holds no tensors/],
  ])('refuses %s with a readable reason', (name, buf, reason) => {
    expect(() => readImport(name, buf)).toThrow(reason);
  });
});
