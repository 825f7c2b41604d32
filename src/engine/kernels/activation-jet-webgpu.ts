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

/** tfjs-webgpu's program description: inputs `names`, WGSL statements `body` (in `index`), output `shape`. */
function program(names: string[], body: string, shape: number[]): object {
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
 * A kernel's expression graph and its roots (null: a zero gradient), built once per kernel
 * signature (forward/backward and the attributes) — the graph does not depend on the batch —
 * with each program's body cached by root and binding (`bodies`).
 */
interface Plan {
  g: ExprBuilder;
  roots: (number | null)[];
  bodies: Map<string, { names: string[]; body: string }>;
}

const plans = new Map<string, Plan>();

function planOf(kind: 'forward' | 'backward', a: JetAttrs): Plan {
  const key = `${kind}|${JSON.stringify(a)}`;
  const hit = plans.get(key);
  if (hit) return hit;
  const g = new ExprBuilder('webgpu');
  const nIn = a.inNames.length;
  const nodes = Array.from({ length: kind === 'forward' ? nIn : nIn + a.outNames.length }, (_, k) => g.input(k));
  let roots: (number | null)[];
  if (kind === 'forward') roots = jetForwardStreams(g, nodes, a);
  else {
    const dz = jetBackwardSums(g, named(a.inNames, nodes.slice(0, nIn)), nodes.slice(nIn), a);
    roots = a.inNames.map((n) => dz[n] ?? null);
  }
  const plan = { g, roots, bodies: new Map() };
  plans.set(key, plan);
  return plan;
}

/**
 * One program per root, each a temporary of `d`. A program binds only the inputs it reads
 * (the shader compiler drops unread buffers from the pipeline's layout). Where that is more
 * than the device allows, the full-size ([B, w]) inputs are first stacked into one buffer
 * (one concat per kernel call) and read at their offsets; constant streams stay separate.
 */
function runRoots(d: DirectOps, plan: Plan, roots: number[], inputs: tf.TensorInfo[]): tf.TensorInfo[] {
  const backend = d.kernelBackend as unknown as WebgpuBackend;
  const { g } = plan;
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
    const direct = used.length <= limit;
    const p = direct ? null : pack();
    const consts = direct ? used : used.filter((k) => !full[k]);
    const bound = [...(p ? [p.tensor] : []), ...consts.map((k) => inputs[k])];
    const key = `${r}|${direct ? '' : used.map((k) => (full[k] ? p!.slot.get(k) : 'c')).join(',')}`;
    let code = plan.bodies.get(key);
    if (!code) {
      const read = (k: number) =>
        p && full[k]
          ? `${inputName(0).toLowerCase()}[index + ${p.slot.get(k)} * uniforms.size]`
          : getter((p ? 1 : 0) + consts.indexOf(k));
      code = { names: names(bound.length), body: `${g.toWgsl(r, read)}\nsetOutputAtIndex(index, v${r});` };
      plan.bodies.set(key, code);
    }
    const prog = program(code.names, code.body, shape);
    return d.program(() => backend.runWebGPUProgram(prog, bound, 'float32'));
  });
}

function forward({ inputs, attrs, backend }: KernelArgs): tf.TensorInfo[] {
  const list = Object.values(inputs) as tf.TensorInfo[];
  const plan = planOf('forward', attrs as unknown as JetAttrs);
  const d = new DirectOps('webgpu', backend);
  return d.finish(runRoots(d, plan, plan.roots as number[], list), list);
}

/** Each input stream's gradient: its program (all in one `runRoots`), summed over the batch for a constant stream. */
function backward({ inputs, attrs, backend }: KernelArgs): tf.TensorInfo[] {
  const list = Object.values(inputs) as tf.TensorInfo[];
  const plan = planOf('backward', attrs as unknown as JetAttrs);
  const d = new DirectOps('webgpu', backend);
  const live = plan.roots.flatMap((r) => (r === null ? [] : [r]));
  const outs = runRoots(d, plan, live, list);
  const batch = list[0].shape[0];
  let next = 0;
  const grads = plan.roots.map((r, i) => {
    if (r === null) return d.scale(list[i], 0);
    const g = outs[next++];
    return list[i].shape[0] === batch ? g : d.sumRows(g);
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
