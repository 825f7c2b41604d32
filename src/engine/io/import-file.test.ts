import { describe, expect, it } from 'vitest';
import { readImport } from './import-file';
import { importSizeProblem, maxImportBytes } from './import-limit';
import { encodeSafetensors } from './safetensors';

const tensors = [
  { name: 'layer0.weight', shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6.5]) },
  { name: 'layer0.bias', shape: [3], data: Float32Array.from([-1, 0, 0.25]) },
];
const bytes = (s: string) => new TextEncoder().encode(s);

describe('imported files (read in the worker)', () => {
  it('safetensors read back as weights, whatever the file is called', () => {
    const buf = encodeSafetensors(tensors, { step: '42' });
    expect(readImport('w.safetensors', buf)).toEqual({ kind: 'weights', tensors });
    expect(readImport('renamed.bin', buf).kind).toBe('weights');
  });

  const weightsToJson = (list: typeof tensors) =>
    JSON.stringify(list.map((t) => ({ name: t.name, shape: t.shape, data: Array.from(t.data) })));

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
      encodeSafetensors(tensors, { step: '1' }).slice(0, 60),
      /^w\.safetensors: safetensors: header length \d+ exceeds file size 60/,
    ],
    [
      'w.safetensors',
      encodeSafetensors(tensors, { step: '1' }).slice(0, -4),
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
    ['bundle.zip', bytes('PK\x03\x04 a stored entry'), /^bundle\.zip is a ZIP archive .*weights\.safetensors/],
    ['huge.safetensors', new Uint8Array(maxImportBytes + 1), /^huge\.safetensors is 64 MiB; files up to 64 MiB/],
  ])('refuses %s with a readable reason', (name, buf, reason) => {
    expect(() => readImport(name, buf)).toThrow(reason);
  });

  it('the size limit is checked before any byte is read (the page asks with the file size only)', () => {
    expect(importSizeProblem('w.safetensors', maxImportBytes)).toBeNull();
    expect(importSizeProblem('big.safetensors', 10 * 2 ** 30)).toBe(
      'big.safetensors is 10240 MiB; files up to 64 MiB can be imported',
    );
  });
});
