/**
 * A minimal APNG reader for tests (unit and e2e): the chunks with their CRCs checked, the
 * size, the frame count, the frames' labels (the tEXt chunk) and each frame's zlib data.
 * Not used by the app.
 */
import { crc32 } from './apng';

/** What a test checks of an exported animation. */
export interface ApngInfo {
  width: number;
  height: number;
  /** acTL's frame count. */
  numFrames: number;
  /** fcTL chunks: size and delay (ms) per frame. */
  frames: { width: number; height: number; delayMs: number }[];
  labels: string[];
  /** Per frame, its compressed image data (IDAT for the first, fdAT payloads after). */
  zdata: Uint8Array[];
  /** Sequence numbers of fcTL and fdAT chunks, in file order. */
  sequence: number[];
}

const be32 = (b: Uint8Array, at: number) => ((b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]) >>> 0;

/** Parse an APNG file; throws on a bad signature or CRC. */
export function readApng(bytes: Uint8Array): ApngInfo {
  const sig = [137, 80, 78, 71, 13, 10, 26, 10];
  if (!sig.every((v, i) => bytes[i] === v)) throw new Error('not a PNG file');
  const info: ApngInfo = { width: 0, height: 0, numFrames: 0, frames: [], labels: [], zdata: [], sequence: [] };
  let at = 8;
  while (at < bytes.length) {
    const len = be32(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + len);
    if (crc32(bytes.subarray(at + 4, at + 8 + len)) !== be32(bytes, at + 8 + len))
      throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') {
      info.width = be32(data, 0);
      info.height = be32(data, 4);
    }
    if (type === 'acTL') info.numFrames = be32(data, 0);
    if (type === 'tEXt') info.labels = String.fromCharCode(...data.subarray(data.indexOf(0) + 1)).split('\n');
    if (type === 'fcTL') {
      info.sequence.push(be32(data, 0));
      info.frames.push({
        width: be32(data, 4),
        height: be32(data, 8),
        delayMs: (1000 * ((data[20] << 8) | data[21])) / ((data[22] << 8) | data[23]),
      });
    }
    if (type === 'IDAT') info.zdata.push(data.slice());
    if (type === 'fdAT') {
      info.sequence.push(be32(data, 0));
      info.zdata.push(data.slice(4));
    }
    at += 12 + len;
    if (type === 'IEND') break;
  }
  return info;
}
