/**
 * The activation jet on WebGPU as one GPU program per stream instead of one per elementwise
 * op. On a GPU backend the fused kernel (activation-jet.ts) is one engine kernel but still
 * one dispatch per op it calls — 460 of a Burgers 4×64 step's ~700 — and on WebGPU a dispatch
 * has a fixed cost (tens of µs on a real GPU, milliseconds on SwiftShader). Here the same
 * arithmetic (jet-sums.ts, run on an `ExprBuilder`) becomes WGSL: each output stream forward,
 * and each input stream's gradient backward, is one program that reads every stream it needs
 * (a [1, w] constant stream broadcast over the batch) and computes φ^(k)(z) and its chain-rule
 * sums per element. A constant stream's gradient is then summed over the batch (one product).
 */
import * as tf from '@tensorflow/tfjs';
import { DirectOps } from './direct';
import { ExprBuilder } from './expr';
import { jetBackwardSums, jetForwardStreams, named, type JetAttrs } from './jet-sums';

interface WebgpuBackend {
  runWebGPUProgram(program: object, inputs: tf.TensorInfo[], dtype: 'float32'): tf.TensorInfo;
  device?: { limits?: { maxStorageBuffersPerShaderStage?: number } };
}

/**
 * Inputs one program may bind: the device's storage-buffer limit per shader stage (8 unless
 * raised) less the output. A second-order jet's backward program can read more (4 streams and
 * 4 upstream gradients); `runRoots` then packs the full-size inputs into one buffer.
 */
function maxInputs(backend: tf.KernelBackend): number {
  return ((backend as unknown as WebgpuBackend).device?.limits?.maxStorageBuffersPerShaderStage ?? 8) - 1;
}

const workgroupSize = 128;
/** The k-th bound input's name as tfjs-webgpu capitalises it in its getters (`getStream0ByOutputIndex`). */
const inputName = (k: number) => `Stream${k}`;

/**
 * tfjs-webgpu's program description for node `root` of `g`, output `shape`, binding the
 * inputs named `names` and reading input k as `read(k)` (a WGSL expression in `index`).
 */
function program(g: ExprBuilder, root: number, names: string[], read: (k: number) => string, shape: number[]): object {
  const body = `${g.toWgsl(root, read)}\nsetOutputAtIndex(index, v${root});`;
  const size = shape.reduce((a, b) => a * b, 1);
  return {
    variableNames: names,
    outputShape: shape,
    shaderKey: `pinn_jet|${names.length}|${body}`,
    dispatchLayout: { x: shape.map((_, i) => i) },
    dispatch: [Math.ceil(size / workgroupSize), 1, 1],
    workgroupSize: [workgroupSize, 1, 1],
    size: true,
    getUserCode: () => `
      fn main(index : i32) {
        if (index < uniforms.size) {
          ${body}
        }
      }`,
  };
}

interface KernelArgs {
  inputs: tf.NamedTensorInfoMap;
  attrs: tf.NamedAttrMap;
  backend: tf.KernelBackend;
}

/**
 * One program per root, each a temporary of `d`. A program binds only the inputs it reads
 * (the shader compiler drops unread buffers from the pipeline's layout). Where that is more
 * than the device allows, the full-size ([B, w]) inputs are first stacked into one buffer
 * (one concat per kernel call) and read at their offsets; constant streams stay separate.
 */
function runRoots(d: DirectOps, g: ExprBuilder, roots: number[], inputs: tf.TensorInfo[]): tf.TensorInfo[] {
  const backend = d.kernelBackend as unknown as WebgpuBackend;
  const shape = inputs[0].shape;
  const limit = maxInputs(d.kernelBackend);
  const full = inputs.map((t) => t.shape[0] === shape[0]);
  let packed: { tensor: tf.TensorInfo; slot: Map<number, number> } | null = null;
  const pack = () => {
    const ks = inputs.flatMap((_, k) => (full[k] ? [k] : []));
    packed ??= { tensor: d.concatRows(ks.map((k) => inputs[k])), slot: new Map(ks.map((k, i) => [k, i])) };
    return packed;
  };
  const getter = (slot: number) => `get${inputName(slot)}ByOutputIndex(index)`;
  const names = (n: number) => Array.from({ length: n }, (_, i) => inputName(i).toLowerCase());
  return roots.map((r) => {
    const used = g.inputsOf(r);
    let bound: tf.TensorInfo[];
    let prog: object;
    if (used.length <= limit) {
      bound = used.map((k) => inputs[k]);
      prog = program(g, r, names(used.length), (k) => getter(used.indexOf(k)), shape);
    } else {
      const p = pack();
      const consts = used.filter((k) => !full[k]);
      bound = [p.tensor, ...consts.map((k) => inputs[k])];
      const read = (k: number) =>
        full[k]
          ? `${inputName(0).toLowerCase()}[index + ${p.slot.get(k)} * uniforms.size]`
          : getter(1 + consts.indexOf(k));
      prog = program(g, r, names(bound.length), read, shape);
    }
    return d.program(() => backend.runWebGPUProgram(prog, bound, 'float32'));
  });
}

function forward({ inputs, attrs, backend }: KernelArgs): tf.TensorInfo[] {
  const list = Object.values(inputs) as tf.TensorInfo[];
  const a = attrs as unknown as JetAttrs;
  const d = new DirectOps('webgpu', backend);
  const g = new ExprBuilder('webgpu');
  const roots = jetForwardStreams(
    g,
    list.map((_, k) => g.input(k)),
    a,
  );
  return d.finish(runRoots(d, g, roots, list), list);
}

function backward({ inputs, attrs, backend }: KernelArgs): tf.TensorInfo[] {
  const a = attrs as unknown as JetAttrs;
  const list = Object.values(inputs) as tf.TensorInfo[];
  const nIn = a.inNames.length;
  const d = new DirectOps('webgpu', backend);
  const g = new ExprBuilder('webgpu');
  const nodes = list.map((_, k) => g.input(k));
  const dz = jetBackwardSums(g, named(a.inNames, nodes.slice(0, nIn)), nodes.slice(nIn), a);
  return d.finish(gradients(d, g, dz, list, a), list);
}

/** Each input stream's gradient: its program, summed over the batch for a constant stream. */
function gradients(
  d: DirectOps,
  g: ExprBuilder,
  dz: Record<string, number | null>,
  list: tf.TensorInfo[],
  a: JetAttrs,
): tf.TensorInfo[] {
  const batch = list[0].shape[0];
  return a.inNames.map((n, i) => {
    const root = dz[n];
    if (root === null || root === undefined) return d.scale(list[i], 0);
    const [full] = runRoots(d, g, [root], list);
    return list[i].shape[0] === batch ? full : d.sumRows(full);
  });
}

/** Register the WebGPU versions of the activation-jet kernels over the generic fused ones. */
export function registerWebgpuJet(forwardName: string, backwardName: string): void {
  for (const [name, kernelFunc] of [
    [forwardName, forward],
    [backwardName, backward],
  ] as const) {
    if (tf.getKernel(name, 'webgpu')) tf.unregisterKernel(name, 'webgpu');
    tf.registerKernel({ kernelName: name, backendName: 'webgpu', kernelFunc: kernelFunc as unknown as tf.KernelFunc });
  }
}
