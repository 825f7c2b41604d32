/**
 * An animated PNG (APNG) writer of our own, for exporting a recorded solution plot: RGBA
 * frames of one size, each compressed as a PNG image stream (filter 0 scanlines, zlib via the
 * platform's CompressionStream), assembled into IHDR, acTL, per frame fcTL + IDAT (first) or
 * fdAT (later), and IEND, per the APNG specification (sequence numbers shared by fcTL and
 * fdAT). The frames' labels (e.g. "step 120") go into a tEXt chunk, one per line, besides
 * being drawn into the frames by the recorder. Plays in every current browser.
 */

import { crc32 } from '../io/crc32';

/** A frame ready to be written: its zlib-compressed scanlines and its label. */
export interface CompressedFrame {
  zdata: Uint8Array;
  label: string;
}

export { crc32 };

/** zlib (RFC 1950) compression with the platform's CompressionStream (browsers, Node ≥ 18). */
async function zlib(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Compress one RGBA frame (width × height × 4 bytes, row-major) as PNG image data. */
export async function compressFrame(
  rgba: Uint8Array | Uint8ClampedArray,
  width: number,
  height: number,
): Promise<Uint8Array> {
  const row = width * 4;
  if (rgba.length !== row * height)
    throw new Error(`frame: ${rgba.length} bytes for ${width} × ${height} RGBA (expected ${row * height})`);
  const raw = new Uint8Array((row + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * row, (y + 1) * row), y * (row + 1) + 1); // filter byte 0
  return zlib(raw);
}

const u32 = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const u16 = (v: number) => [(v >>> 8) & 255, v & 255];
const ascii = (s: string) => Uint8Array.from(s, (ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 63));

function chunk(type: string, data: Uint8Array | number[]): Uint8Array {
  const body = new Uint8Array(4 + data.length);
  body.set(ascii(type));
  body.set(data, 4);
  const out = new Uint8Array(12 + data.length);
  out.set(u32(data.length));
  out.set(body, 4);
  out.set(u32(crc32(body)), 8 + data.length);
  return out;
}

/**
 * The APNG file of `frames` (at least one), each shown `delayMs` (the last one `lastDelayMs`),
 * looping forever.
 */
export function encodeApng(
  frames: readonly CompressedFrame[],
  width: number,
  height: number,
  delayMs = 200,
  lastDelayMs = 1500,
): Uint8Array {
  if (!frames.length) throw new Error('animation: no frames recorded');
  const parts: Uint8Array[] = [Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10])];
  parts.push(chunk('IHDR', [...u32(width), ...u32(height), 8, 6, 0, 0, 0])); // 8-bit RGBA, no interlace
  parts.push(chunk('acTL', [...u32(frames.length), ...u32(0)]));
  parts.push(chunk('tEXt', [...ascii('Comment'), 0, ...ascii(frames.map((f) => f.label).join('\n'))]));
  let seq = 0;
  frames.forEach((f, i) => {
    const delay = i === frames.length - 1 ? lastDelayMs : delayMs;
    parts.push(
      chunk('fcTL', [
        ...u32(seq++),
        ...u32(width),
        ...u32(height),
        ...u32(0),
        ...u32(0),
        ...u16(delay),
        ...u16(1000),
        0,
        0,
      ]),
    );
    if (i === 0) parts.push(chunk('IDAT', f.zdata));
    else {
      const data = new Uint8Array(4 + f.zdata.length);
      data.set(u32(seq++));
      data.set(f.zdata, 4);
      parts.push(chunk('fdAT', data));
    }
  });
  parts.push(chunk('IEND', []));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
