import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressFrame, crc32, encodeApng } from './apng';
import { readApng } from './apngRead';

/** A w × h RGBA frame filled with a per-frame colour and a diagonal line. */
function frame(w: number, h: number, k: number): Uint8Array {
  const px = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = 4 * (y * w + x);
      px.set(x === y ? [0, 0, 0, 255] : [10 * k, 255 - 10 * k, (x * 7 + y) & 255, 255], i);
    }
  return px;
}

describe('the APNG writer', () => {
  it('computes the CRC-32 that PNG uses', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082); // every PNG's IEND chunk
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926); // the standard check value
  });

  it('writes every frame, its size, delays, labels and pixels', async () => {
    const [w, h] = [7, 5];
    const labels = ['step 10', 'step 20', 'step 30'];
    const frames = await Promise.all(
      labels.map(async (label, k) => ({ label, zdata: await compressFrame(frame(w, h, k), w, h) })),
    );
    const file = encodeApng(frames, w, h, 250, 1000);
    const info = readApng(file);
    expect([info.width, info.height, info.numFrames]).toEqual([7, 5, 3]);
    expect(info.frames).toEqual([
      { width: 7, height: 5, delayMs: 250 },
      { width: 7, height: 5, delayMs: 250 },
      { width: 7, height: 5, delayMs: 1000 },
    ]);
    expect(info.sequence).toEqual([0, 1, 2, 3, 4]); // fcTL 0, fcTL 1, fdAT 2, fcTL 3, fdAT 4
    expect(info.labels).toEqual(labels);
    info.zdata.forEach((z, k) => {
      const raw = inflateSync(z);
      expect(raw.length).toBe((w * 4 + 1) * h);
      const want = frame(w, h, k);
      for (let y = 0; y < h; y++) {
        expect(raw[y * (w * 4 + 1)]).toBe(0);
        expect([...raw.subarray(y * (w * 4 + 1) + 1, (y + 1) * (w * 4 + 1))]).toEqual([
          ...want.subarray(y * w * 4, (y + 1) * w * 4),
        ]);
      }
    });
  });

  it('refuses a frame of the wrong size and an empty animation', async () => {
    await expect(compressFrame(new Uint8Array(10), 2, 2)).rejects.toThrow(
      'frame: 10 bytes for 2 × 2 RGBA (expected 16)',
    );
    expect(() => encodeApng([], 2, 2)).toThrow('animation: no frames recorded');
  });
});
