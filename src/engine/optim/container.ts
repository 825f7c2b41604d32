/**
 * Generic walks over an optimizer state (a `tf.TensorContainer`: arrays and records of
 * tensors, numbers and strings): deep copies for the trainer's NaN rollback, and host copies
 * that survive the device (structured-clone and JSON-array safe) to resume a run elsewhere.
 */
import * as tf from '@tensorflow/tfjs';
import { listed } from '../weights';

/** A tensor's values copied to the host (its own buffer, so it may be transferred). */
export interface HostTensor {
  shape: number[];
  dtype: 'float32' | 'int32' | 'bool';
  data: Float32Array | Int32Array | Uint8Array;
}

/** A tensor container with `HostTensor`s in place of tensors. */
export type HostContainer =
  HostTensor | number | string | boolean | null | undefined | HostContainer[] | { [key: string]: HostContainer };

/** Whether `c` has the form of a `HostTensor`. */
export function isHostTensor(c: unknown): c is HostTensor {
  const h = c as HostTensor;
  return (
    h !== null &&
    typeof h === 'object' &&
    Array.isArray(h.shape) &&
    typeof h.dtype === 'string' &&
    ArrayBuffer.isView(h.data)
  );
}

const isTensorLeaf = (c: unknown): c is tf.Tensor | HostTensor => c instanceof tf.Tensor || isHostTensor(c);

/** A non-empty array or record to walk into (tensors, host tensors and typed arrays are leaves). */
function branches(c: unknown): [string, unknown][] | null {
  if (Array.isArray(c)) return c.length ? c.map((v, i) => [`[${i}]`, v]) : null;
  if (c === null || typeof c !== 'object' || isTensorLeaf(c) || ArrayBuffer.isView(c)) return null;
  const entries = Object.entries(c);
  return entries.length ? entries.map(([k, v]) => [`.${k}`, v]) : null;
}

/**
 * `c` rebuilt with every leaf replaced by `f(leaf, path)`: arrays and records are walked in
 * order; leaves are tensors, host tensors, numbers, strings and empty arrays or records;
 * `path` names the leaf from the root, e.g. `[0].mu[2]`.
 */
export function mapLeaves(c: unknown, f: (leaf: unknown, path: string) => unknown, path = ''): unknown {
  const b = branches(c);
  if (!b) return f(c, path);
  const mapped = b.map(([k, v]) => mapLeaves(v, f, path + k));
  return Array.isArray(c) ? mapped : Object.fromEntries(b.map(([k], i) => [k.slice(1), mapped[i]]));
}

/** Deep copy of a container of tensors; other leaves kept as they are. Caller disposes. */
export function cloneContainer(c: tf.TensorContainer): tf.TensorContainer {
  return mapLeaves(c, (x) => (x instanceof tf.Tensor ? tf.clone(x) : x)) as tf.TensorContainer;
}

/** A host copy of container `c` (one read of every tensor, all in flight together). */
export async function containerToHost(c: tf.TensorContainer): Promise<HostContainer> {
  const tensors: tf.Tensor[] = [];
  mapLeaves(c, (x) => x instanceof tf.Tensor && tensors.push(x));
  const data = await Promise.all(
    tensors.map((t) => {
      if (t.dtype !== 'float32' && t.dtype !== 'int32' && t.dtype !== 'bool')
        throw new Error(`cannot copy a ${t.dtype} tensor to the host`);
      return t.data();
    }),
  );
  let i = 0;
  return mapLeaves(c, (x) => {
    if (!(x instanceof tf.Tensor)) return x;
    // tfjs-cpu hands out its own buffer: copy, so the host state is independent of the device
    return { shape: [...x.shape], dtype: x.dtype, data: (data[i++] as HostTensor['data']).slice() };
  }) as HostContainer;
}

/** What a leaf must be for two containers to fit: dtype and shape of a tensor, a string's value, else its type. */
function leafKind(x: unknown): string {
  if (isTensorLeaf(x)) return `${x.dtype}[${x.shape.join(',')}]`;
  if (Array.isArray(x)) return '[]';
  if (typeof x === 'string') return JSON.stringify(x);
  return x !== null && typeof x === 'object' ? '{}' : typeof x;
}

const typedFor = { float32: Float32Array, int32: Int32Array, bool: Uint8Array } as const;

/**
 * How host container `h` differs from `template` (the layout of leaves by path, and each host
 * tensor's data length and type); empty when `h` fits.
 */
export function layoutProblems(h: unknown, template: tf.TensorContainer): string[] {
  const want = new Map<string, string>();
  mapLeaves(template, (x, p) => want.set(p, leafKind(x)));
  const problems: string[] = [];
  mapLeaves(h, (x, p) => {
    const kind = leafKind(x);
    const expected = want.get(p);
    want.delete(p);
    if (expected === undefined) problems.push(`unexpected ${p || 'value'} (${kind})`);
    else if (kind !== expected) problems.push(`${p || 'value'} is ${kind}, expected ${expected}`);
    else if (isHostTensor(x)) {
      const size = x.shape.reduce((a, b) => a * b, 1);
      if (!(x.data instanceof typedFor[x.dtype]))
        problems.push(`${p} holds a ${x.data.constructor.name} for dtype ${x.dtype}`);
      else if (x.data.length !== size) problems.push(`${p} has ${x.data.length} values, expected ${size}`);
    }
  });
  for (const [p, kind] of want) problems.push(`missing ${p || 'value'} (${kind})`);
  return problems;
}

/**
 * Tensors from host container `h`, which must have `template`'s layout (else an error listing
 * the differences, and nothing allocated). Caller disposes.
 */
export function containerFromHost(h: HostContainer, template: tf.TensorContainer, what = 'state'): tf.TensorContainer {
  const problems = layoutProblems(h, template);
  if (problems.length) throw new Error(`${what} does not fit: ${listed(problems)}`);
  return mapLeaves(h, (x) => (isHostTensor(x) ? tf.tensor(x.data.slice(), x.shape, x.dtype) : x)) as tf.TensorContainer;
}
