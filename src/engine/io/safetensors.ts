/**
 * safetensors serialisation (https://github.com/huggingface/safetensors, format v0):
 * 8-byte little-endian header length N, N bytes of JSON header
 * {name: {dtype: 'F32', shape, data_offsets: [begin, end]}, __metadata__?: {str: str}},
 * then the raw little-endian tensor bytes. The header is space-padded to a multiple of 8 bytes
 * (UTF-8 bytes, not characters), so the data section starts 8-byte aligned.
 */

export interface NamedArray {
  name: string;
  shape: number[];
  data: Float32Array;
}

/** Encode float32 tensors (in the given order) with optional string metadata. */
export function encodeSafetensors(tensors: NamedArray[], metadata: Record<string, string> = {}): Uint8Array {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length) header.__metadata__ = metadata;
  let offset = 0;
  for (const t of tensors) {
    const size = t.shape.reduce((a, b) => a * b, 1);
    if (size !== t.data.length) throw new Error(`safetensors: ${t.name} has ${t.data.length} values for shape [${t.shape}]`);
    header[t.name] = { dtype: 'F32', shape: t.shape, data_offsets: [offset, offset + 4 * size] };
    offset += 4 * size;
  }
  // pad by UTF-8 *byte* length (a label such as "Kuramoto–Sivashinsky" has multi-byte characters)
  const raw = new TextEncoder().encode(JSON.stringify(header));
  const head = new Uint8Array(raw.length + ((8 - (raw.length % 8)) % 8)).fill(0x20);
  head.set(raw);
  const out = new Uint8Array(8 + head.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(head.length), true);
  out.set(head, 8);
  let p = 8 + head.length;
  for (const t of tensors) {
    for (let i = 0; i < t.data.length; i++, p += 4) view.setFloat32(p, t.data[i], true);
  }
  return out;
}

/** Decode a safetensors buffer holding F32 tensors; throws a readable error on bad input. */
export function decodeSafetensors(buf: Uint8Array): { tensors: NamedArray[]; metadata: Record<string, string> } {
  if (buf.length < 8) throw new Error('safetensors: file shorter than its 8-byte header length');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const n = Number(view.getBigUint64(0, true));
  if (n > buf.length - 8) throw new Error(`safetensors: header length ${n} exceeds file size ${buf.length}`);
  let header: Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>;
  try {
    header = JSON.parse(new TextDecoder().decode(buf.subarray(8, 8 + n)));
  } catch {
    throw new Error('safetensors: header is not valid JSON');
  }
  const base = 8 + n;
  const metadata = (header.__metadata__ ?? {}) as unknown as Record<string, string>;
  const tensors: NamedArray[] = [];
  for (const [name, h] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    if (h.dtype !== 'F32') throw new Error(`safetensors: ${name} has dtype ${h.dtype}; only F32 is supported`);
    const [b, e] = h.data_offsets;
    const size = h.shape.reduce((a, c) => a * c, 1);
    if (e - b !== 4 * size || base + e > buf.length) throw new Error(`safetensors: ${name} has inconsistent offsets`);
    const data = new Float32Array(size);
    for (let i = 0; i < size; i++) data[i] = view.getFloat32(base + b + 4 * i, true);
    tensors.push({ name, shape: h.shape, data });
  }
  return { tensors, metadata };
}
