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
}

const workgroupSize = 128;
/** The k-th bound input's name as tfjs-webgpu capitalises it in its getters (`getStream0ByOutputIndex`). */
const inputName = (k: number) => `Stream${k}`;

/**
 * tfjs-webgpu's program description for node `root` of `g`, output `shape`, reading the
 * inputs `used` (input numbers, bound in that order: the shader compiler drops unread
 * buffers from the pipeline's layout, so a program binds only what it reads).
 */
function program(g: ExprBuilder, root: number, used: readonly number[], shape: number[]): object {
  const getter = (k: number) => `get${inputName(used.indexOf(k))}ByOutputIndex(index)`;
  const body = `${g.toWgsl(root, getter)}\nsetOutputAtIndex(index, v${root});`;
  const size = shape.reduce((a, b) => a * b, 1);
  return {
    variableNames: used.map((_, k) => inputName(k).toLowerCase()),
    outputShape: shape,
    shaderKey: `pinn_jet|${body}`,
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

/** One program per root, each a temporary of `d`. */
function runRoots(d: DirectOps, g: ExprBuilder, roots: number[], inputs: tf.TensorInfo[]): tf.TensorInfo[] {
  const backend = d.kernelBackend as unknown as WebgpuBackend;
  const shape = inputs[0].shape;
  return roots.map((r) => {
    const used = g.inputsOf(r);
    const bound = used.map((k) => inputs[k]);
    return d.program(() => backend.runWebGPUProgram(program(g, r, used, shape), bound, 'float32'));
  });
}

function forward({ inputs, attrs, backend }: KernelArgs): tf.TensorInfo[] {
  const list = Object.values(inputs) as tf.TensorInfo[];
  const d = new DirectOps('webgpu', backend);
  const g = new ExprBuilder('webgpu');
  const roots = jetForwardStreams(
    g,
    list.map((_, k) => g.input(k)),
    attrs as unknown as JetAttrs,
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
  const batch = list[0].shape[0];
  const grads = a.inNames.map((n, i) => {
    const root = dz[n];
    if (root === null || root === undefined) return d.scale(list[i], 0);
    const [full] = runRoots(d, g, [root], list);
    return list[i].shape[0] === batch ? full : d.sumRows(full);
  });
  return d.finish(grads, list);
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
