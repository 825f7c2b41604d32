/**
 * The bad weight files of issue 15's review, each a clean error (safetensors offsets that do not
 * tile the data, sizes that are not dtype × shape, null or unbounded headers; repeated names in
 * JSON weights), so that nothing is read twice and nothing is allocated beyond the file.
 */
import { describe, expect, it } from 'vitest';
import { decodeSafetensors, encodeSafetensors } from './safetensors';
import { readImport } from './import-file';

const tensors = [
  { name: 'a', shape: [2, 2], data: Float32Array.from([1, 2, 3, 4]) },
  { name: 'b', shape: [2], data: Float32Array.from([5, 6]) },
];

/** A safetensors file with header `header` (JSON text) and `dataBytes` zero bytes of data. */
function withHeader(header: string, dataBytes: number): Uint8Array {
  const head = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + head.length + dataBytes);
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  return out;
}

const f32 = (shape: number[], offsets: number[]) => ({ dtype: 'F32', shape, data_offsets: offsets });

describe('bad weight files: a clean error, nothing read twice, nothing allocated beyond the file', () => {
  it.each([
    ['a null header', withHeader('null', 0), /header is not a JSON object/],
    ['a null entry', withHeader('{"a": null}', 0), /a's header entry is not an object/],
    [
      'negative offsets (read the header as weights)',
      withHeader(JSON.stringify({ a: f32([1], [-8, -4]) }), 4),
      /a's data_offsets \[-8,-4\] are not/,
    ],
    [
      '200 entries aliasing one region (allocated 763 MB)',
      withHeader(
        JSON.stringify(
          Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`w${i}`, f32([1024, 1024], [0, 4 << 20])])),
        ),
        4 << 20,
      ),
      /w\d+ starts at byte 0 of the data, not at 4194304/,
    ],
    [
      'a gap in the data',
      withHeader(JSON.stringify({ a: f32([1], [4, 8]) }), 8),
      /a starts at byte 4 of the data, not at 0/,
    ],
    [
      'bytes after the last tensor',
      withHeader(JSON.stringify({ a: f32([1], [0, 4]) }), 8),
      /the tensors cover 4 of the 8 data bytes/,
    ],
    [
      'size ≠ dtype × shape',
      withHeader(JSON.stringify({ a: f32([3], [0, 8]) }), 8),
      /a spans 8 bytes, but F32 \[3\] needs 12/,
    ],
    [
      'a dtype we do not read',
      withHeader(JSON.stringify({ a: { dtype: 'F64', shape: [1], data_offsets: [0, 8] } }), 8),
      /a has dtype "F64"/,
    ],
    ['a shape of non-integers', withHeader(JSON.stringify({ a: f32([1.5], [0, 6]) }), 8), /a has no valid shape/],
    [
      'metadata that is not strings',
      withHeader(JSON.stringify({ __metadata__: { step: 3 }, a: f32([1], [0, 4]) }), 4),
      /__metadata__ is not a map of strings/,
    ],
  ])('safetensors: %s', (_what, bytes, message) => {
    expect(() => decodeSafetensors(bytes)).toThrow(message);
    expect(() => readImport('w.safetensors', bytes)).toThrow(/^w\.safetensors: safetensors: /);
  });

  it('a header length beyond the limit is refused before anything is read', () => {
    const bytes = new Uint8Array(16);
    new DataView(bytes.buffer).setBigUint64(0, 2n ** 40n, true);
    expect(() => decodeSafetensors(bytes)).toThrow(/header length 1099511627776 exceeds the limit of 16777216 bytes/);
  });

  it('duplicate names in JSON weights (the last silently won)', () => {
    const json = JSON.stringify([
      { name: 'a', shape: [1], data: [1] },
      { name: 'a', shape: [1], data: [2] },
    ]);
    expect(() => readImport('w.json', new TextEncoder().encode(json))).toThrow(
      /^w\.json: tensor 1 repeats the name 'a'/,
    );
  });

  it('a valid file still round-trips', () => {
    const back = decodeSafetensors(encodeSafetensors(tensors, { step: '3' }));
    expect(back.tensors).toEqual(tensors);
    expect(back.metadata).toEqual({ step: '3' });
  });
});
