import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the PyTorch peer lives (../shared beside the repository) and the interpreter. */
const script = resolve(import.meta.dirname, '../../shared/peers/torch_pinn_step.py');
const python = '/usr/bin/python3';

/**
 * Whether the PyTorch peer can run here: the script exists and /usr/bin/python3 imports torch
 * (Debian's python3-torch). Returns a reason when it cannot.
 */
export function peerAvailable(): { ok: true } | { ok: false; reason: string } {
  if (!existsSync(script)) return { ok: false, reason: `peer script not found at ${script}` };
  try {
    execFileSync(python, ['-c', 'import torch'], { stdio: 'ignore' });
    return { ok: true };
  } catch {
    return { ok: false, reason: 'PyTorch is not installed for /usr/bin/python3 (apt-get install -y python3-torch)' };
  }
}

/**
 * ms/step of the PyTorch peer (same Burgers residual + IC step, CPU, `threads` threads),
 * median of `runs` runs of its own timing loop.
 */
export function peerMsPerStep(n: number, width: number, depth: number, runs: number, threads = 1): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const out = execFileSync(python, [script, '--n', String(n), '--width', String(width), '--depth', String(depth), '--threads', String(threads), '--steps', '10', '--warmup', '3'], { encoding: 'utf8' });
    const line = out.trim().split('\n').pop()!;
    times.push(JSON.parse(line).ms_per_step);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
