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
    if (size !== t.data.length)
      throw new Error(`safetensors: ${t.name} has ${t.data.length} values for shape [${t.shape}]`);
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

/** Largest header accepted (the reference implementation's limit is 100 MB; ours are a few kB). */
export const maxHeaderBytes = 1 << 24;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** One tensor's header entry, checked: dtype F32, a shape of counts, offsets [b, e] with e − b = 4 × size. */
function entry(
  name: string,
  h: unknown,
  dataBytes: number,
): { name: string; shape: number[]; begin: number; end: number } {
  if (!isRecord(h)) throw new Error(`safetensors: ${name}'s header entry is not an object`);
  if (h.dtype !== 'F32')
    throw new Error(`safetensors: ${name} has dtype ${JSON.stringify(h.dtype)}; only F32 is supported`);
  const shape = h.shape;
  if (!Array.isArray(shape) || shape.length > 8 || !shape.every(isCount))
    throw new Error(`safetensors: ${name} has no valid shape`);
  const offsets = h.data_offsets;
  if (
    !Array.isArray(offsets) ||
    offsets.length !== 2 ||
    !offsets.every(isCount) ||
    offsets[0] > offsets[1] ||
    offsets[1] > dataBytes
  ) {
    throw new Error(
      `safetensors: ${name}'s data_offsets ${JSON.stringify(offsets)} ` +
        `are not [begin, end] within the ${dataBytes}-byte data`,
    );
  }
  const size = shape.reduce((a: number, c: number) => a * c, 1);
  if (offsets[1] - offsets[0] !== 4 * size) {
    throw new Error(
      `safetensors: ${name} spans ${offsets[1] - offsets[0]} bytes, but F32 [${shape.join(', ')}] needs ${4 * size}`,
    );
  }
  return { name, shape: shape as number[], begin: offsets[0], end: offsets[1] };
}

/**
 * Decode a safetensors buffer holding F32 tensors; throws a readable error on bad input. As
 * the format requires, the header is a JSON object of bounded size, every entry's size is its
 * dtype × shape, and the entries' byte ranges tile the data section exactly (no gap, no
 * overlap, nothing after), so no byte is read twice and a file cannot allocate more than it holds.
 */
export function decodeSafetensors(buf: Uint8Array): { tensors: NamedArray[]; metadata: Record<string, string> } {
  if (buf.length < 8) throw new Error('safetensors: file shorter than its 8-byte header length');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const n = view.getBigUint64(0, true);
  if (n > BigInt(Math.min(maxHeaderBytes, buf.length - 8))) {
    throw new Error(
      `safetensors: header length ${n} exceeds ` +
        `${n > BigInt(maxHeaderBytes) ? `the limit of ${maxHeaderBytes} bytes` : `file size ${buf.length}`}`,
    );
  }
  const base = 8 + Number(n);
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder().decode(buf.subarray(8, base)));
  } catch {
    throw new Error('safetensors: header is not valid JSON');
  }
  if (!isRecord(header)) throw new Error('safetensors: header is not a JSON object');
  const meta = Object.prototype.hasOwnProperty.call(header, '__metadata__') ? header.__metadata__ : {};
  if (!isRecord(meta) || !Object.values(meta).every((v) => typeof v === 'string'))
    throw new Error('safetensors: __metadata__ is not a map of strings');
  const dataBytes = buf.length - base;
  const entries = Object.entries(header)
    .filter(([k]) => k !== '__metadata__')
    .map(([k, h]) => entry(k, h, dataBytes));
  let at = 0;
  for (const e of [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end)) {
    if (e.begin !== at)
      throw new Error(
        `safetensors: ${e.name} starts at byte ${e.begin} of the data, not at ${at} (tensors must tile it exactly)`,
      );
    at = e.end;
  }
  if (at !== dataBytes)
    throw new Error(`safetensors: the tensors cover ${at} of the ${dataBytes} data bytes (they must tile it exactly)`);
  const tensors = entries.map(({ name, shape, begin, end }) => {
    const data = new Float32Array((end - begin) / 4);
    for (let i = 0; i < data.length; i++) data[i] = view.getFloat32(base + begin + 4 * i, true);
    return { name, shape, data };
  });
  return { tensors, metadata: meta as Record<string, string> };
}
