import type { BackendId } from '../engine/backend';
import { backendName } from '../engine/backend-pick';
/** A number as short plain text that `Number()` parses back (e.g. "0.01234", "3.210e-7"). */
export function formatNumber(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined) return '—';
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(digits - 1) : String(Number(v.toPrecision(digits)));
}

/**
 * The backend line: "webgpu — first choice", "wasm — webgpu: … → using wasm", or with wasm's
 * threads "wasm ×2 threads — fastest measured: …".
 */
export function formatBackend(backend: string | null, reason: string, threads = 1): string {
  if (!backend) return 'starting…';
  const own = `${backend} (`;
  const detail = reason.startsWith(own) && reason.endsWith(')') ? reason.slice(own.length, -1) : reason;
  const name = backendName(backend as BackendId, threads);
  return detail ? `${name} — ${detail}` : name;
}
