import { describe, expect, it } from 'vitest';
import { decodeSafetensors, encodeSafetensors } from './safetensors';

describe('safetensors', () => {
  const tensors = [
    { name: 'layer0.weight', shape: [2, 3], data: Float32Array.from([1, 2, 3, 4, 5, 6.5]) },
    { name: 'layer0.bias', shape: [3], data: Float32Array.from([-1, 0, 1e-7]) },
  ];
  it('writes the documented layout: u64 header length, JSON header, little-endian F32 data', () => {
    const buf = encodeSafetensors(tensors, { config: '{"pde":"helmholtz"}' });
    const view = new DataView(buf.buffer);
    const n = Number(view.getBigUint64(0, true));
    expect(n % 8).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(buf.subarray(8, 8 + n)));
    expect(header['layer0.weight']).toEqual({ dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] });
    expect(header['layer0.bias']).toEqual({ dtype: 'F32', shape: [3], data_offsets: [24, 36] });
    expect(header.__metadata__).toEqual({ config: '{"pde":"helmholtz"}' });
    expect(buf.length).toBe(8 + n + 36);
    expect(view.getFloat32(8 + n + 20, true)).toBe(6.5);
  });
  it('round-trips and rejects malformed files with a reason', () => {
    const back = decodeSafetensors(encodeSafetensors(tensors));
    expect(back.tensors.map((t) => t.name)).toEqual(['layer0.weight', 'layer0.bias']);
    expect(Array.from(back.tensors[1].data)).toEqual(Array.from(tensors[1].data));
    expect(() => decodeSafetensors(new Uint8Array(4))).toThrow(/shorter than its 8-byte header/);
    const bad = encodeSafetensors(tensors);
    new DataView(bad.buffer).setBigUint64(0, 10_000n, true);
    expect(() => decodeSafetensors(bad)).toThrow(/header length 10000 exceeds file size/);
  });
});

describe('safetensors header padding', () => {
  it('pads by UTF-8 byte length, so non-ASCII metadata keeps the data 8-byte aligned', () => {
    const t = [{ name: 'w', shape: [2], data: Float32Array.from([1.5, -2]) }];
    // '–' (U+2013) is 3 bytes in UTF-8: character and byte counts differ by 2 per dash
    for (const label of ['Kuramoto–Sivashinsky (typed)', '––', 'ε–κ–ν']) {
      const buf = encodeSafetensors(t, { label });
      const n = Number(new DataView(buf.buffer).getBigUint64(0, true));
      expect(n % 8).toBe(0);
      expect((8 + n) % 8).toBe(0);
      expect(buf.length).toBe(8 + n + 8);
      const back = decodeSafetensors(buf);
      expect(back.metadata.label).toBe(label);
      expect(Array.from(back.tensors[0].data)).toEqual([1.5, -2]);
    }
  });
});
