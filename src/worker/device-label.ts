/**
 * What hardware a browser backend runs on, read independently of tfjs: the WebGPU adapter's
 * info, the WebGL renderer string (WEBGL_debug_renderer_info), or the CPU for wasm. Headless
 * Chromium here has no GPU, so both GPU backends report Google's software SwiftShader. Used by
 * the bench (to label rows) and the training worker (to say when the GPU is software).
 */

/** A short label ("swiftshader", "cpu", or the raw adapter string) and the raw string. */
export interface DeviceLabel {
  device: string;
  adapter: string;
}

async function webgpuAdapter(): Promise<string> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  const adapter = await gpu?.requestAdapter();
  if (!adapter) return 'no WebGPU adapter';
  // GPUAdapter.info (Chrome 127+) is newer than the @webgpu/types tfjs brings.
  const i = (adapter as GPUAdapter & { info?: Record<'vendor' | 'architecture' | 'device' | 'description', string> })
    .info;
  return i ? [i.vendor, i.architecture, i.device, i.description].filter(Boolean).join(' ') : 'WebGPU adapter (no info)';
}

function webglRenderer(): string {
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return 'no WebGL2 context';
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

/** The device behind `backend` in this browser context (window or worker). */
export async function deviceLabel(backend: string): Promise<DeviceLabel> {
  if (backend === 'wasm')
    return { device: 'cpu', adapter: 'wasm (SIMD build; threads: see the row or the backend line)' };
  const adapter = backend === 'webgpu' ? await webgpuAdapter() : webglRenderer();
  return { device: /swiftshader/i.test(adapter) ? 'swiftshader' : adapter, adapter };
}

/**
 * The backend reason with a hint when a GPU backend runs on a software rasterizer, where wasm
 * is one to two orders of magnitude faster (README, Performance): "webgpu (first choice)"
 * becomes "webgpu (first choice; software GPU (SwiftShader): …)".
 */
export async function withSoftwareHint(backend: string, reason: string): Promise<string> {
  if (backend !== 'webgpu' && backend !== 'webgl') return reason;
  const { device } = await deviceLabel(backend).catch(() => ({ device: '' }));
  if (device !== 'swiftshader') return reason;
  const hint = 'software GPU (SwiftShader): add ?backend=wasm to the address to train far faster';
  const own = `${backend} (`;
  return reason.startsWith(own) && reason.endsWith(')') ? `${reason.slice(0, -1)}; ${hint})` : `${reason} (${hint})`;
}
