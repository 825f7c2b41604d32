/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3: local file headers, central directory, end of
 * central directory record), store-only (method 0, no compression) with CRC-32, enough for
 * the PyTorch package download; readable by `unzip`, Python's zipfile and every OS.
 */

import { crc32 } from './crc32';

export { crc32 };

/** One file to store: a path inside the archive ('/'-separated) and its bytes or UTF-8 text. */
export interface ZipEntry {
  path: string;
  data: Uint8Array | string;
}

/** DOS date/time fields of a Date (ZIP stores local time at 2-second resolution). */
function dosTime(d: Date): [number, number] {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const date = ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return [time, date];
}

/** The archive's bytes: the entries in order, uncompressed, UTF-8 names (flag bit 11). */
export function zip(entries: readonly ZipEntry[], when = new Date()): Uint8Array {
  const enc = new TextEncoder();
  const [time, date] = dosTime(when);
  const files = entries.map((e) => {
    const data = typeof e.data === 'string' ? enc.encode(e.data) : e.data;
    return { name: enc.encode(e.path), data, crc: crc32(data) };
  });
  const localSize = files.reduce((s, f) => s + 30 + f.name.length + f.data.length, 0);
  const centralSize = files.reduce((s, f) => s + 46 + f.name.length, 0);
  if (localSize + centralSize > 0xffffffff || files.length > 0xffff)
    throw new Error('zip: archive too large (no ZIP64)');
  const out = new Uint8Array(localSize + centralSize + 22);
  const v = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  const common = (f: (typeof files)[number]) => {
    v.setUint16(p, 20, true); // version needed: 2.0
    v.setUint16(p + 2, 0x0800, true); // UTF-8 names
    v.setUint16(p + 4, 0, true); // stored
    v.setUint16(p + 6, time, true);
    v.setUint16(p + 8, date, true);
    v.setUint32(p + 10, f.crc, true);
    v.setUint32(p + 14, f.data.length, true); // compressed size
    v.setUint32(p + 18, f.data.length, true); // uncompressed size
    v.setUint16(p + 22, f.name.length, true);
    v.setUint16(p + 24, 0, true); // extra field length
    p += 26;
  };
  for (const f of files) {
    offsets.push(p);
    v.setUint32(p, 0x04034b50, true);
    p += 4;
    common(f);
    out.set(f.name, p);
    out.set(f.data, p + f.name.length);
    p += f.name.length + f.data.length;
  }
  const central = p;
  files.forEach((f, i) => {
    v.setUint32(p, 0x02014b50, true);
    v.setUint16(p + 4, 20, true); // version made by
    p += 6;
    common(f);
    v.setUint16(p, 0, true); // comment length
    v.setUint16(p + 2, 0, true); // disk number
    v.setUint16(p + 4, 0, true); // internal attributes
    v.setUint32(p + 6, 0, true); // external attributes
    v.setUint32(p + 10, offsets[i], true);
    p += 14;
    out.set(f.name, p);
    p += f.name.length;
  });
  v.setUint32(p, 0x06054b50, true);
  v.setUint16(p + 8, files.length, true);
  v.setUint16(p + 10, files.length, true);
  v.setUint32(p + 12, p - central, true);
  v.setUint32(p + 16, central, true);
  return out;
}
