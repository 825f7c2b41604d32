/**
 * The PyTorch peer of `npm run bench` (../shared/peers/torch_pinn_step.py): the same Burgers
 * residual + IC step, timed by PyTorch on the CPU, and the BLAS it ran on. A peer on the
 * reference (netlib) BLAS is ~6× slower than PyTorch with OpenBLAS, so it is reported but
 * never used for a ratio (docs/performance.md, "Peer baseline").
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Where the PyTorch peer lives (../shared beside the repository) and the interpreter. */
const script = resolve(import.meta.dirname, '../../shared/peers/torch_pinn_step.py');
const python = '/usr/bin/python3';

/** The peer script's exit status when PyTorch runs on the reference BLAS. */
const referenceBlasExit = 4;

/** One peer measurement: ms/step (median of runs), the BLAS PyTorch used and its threads. */
export interface PeerTiming {
  msPerStep: number;
  /** "openblas", "mkl", "blis" or "reference" (as the peer script detects it). */
  blas: string;
  threads: number;
  torch: string;
}

/** A peer that could not give a fair comparison, and why (shown to the user; no ratio). */
export interface PeerMissing {
  missing: string;
  /** The peer ran but on this BLAS (the reference one): its time, not a comparison. */
  blas?: string;
  msPerStep?: number;
}

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
    return {
      ok: false,
      reason: 'PyTorch is not installed for /usr/bin/python3 (apt-get install -y python3-torch libopenblas0-pthread)',
    };
  }
}

/** What the peer script prints (one JSON line), the fields the bench uses. */
export interface PeerLine {
  ms_per_step: number;
  blas: string;
  threads: number;
  torch: string;
}

/** Parse the peer's one JSON line (its last stdout line). */
export function parsePeerLine(out: string): PeerLine {
  const line = out.trim().split('\n').pop() ?? '';
  const j = JSON.parse(line) as Partial<Record<keyof PeerLine, unknown>>;
  if (typeof j.ms_per_step !== 'number' || typeof j.blas !== 'string') {
    throw new Error(`peer printed no timing: ${line}`);
  }
  return { ms_per_step: j.ms_per_step, blas: j.blas, threads: Number(j.threads ?? 1), torch: String(j.torch ?? '?') };
}

/** The median (upper middle) of a non-empty list. */
const middle = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Time the peer on batch `n`, an MLP `depth`×`width`, PyTorch on `threads` threads: the
 * median of `runs` runs of its own timing loop. On the reference BLAS the result is a
 * `PeerMissing` carrying that BLAS and its time (measured with --allow-reference-blas).
 */
export function measurePeer(n: number, width: number, depth: number, runs: number, threads: number): Peer {
  const shape = ['--n', n, '--width', width, '--depth', depth, '--threads', threads, '--steps', 30, '--warmup', 10];
  const args = [script, ...shape.map(String)];
  const lines: PeerLine[] = [];
  for (let r = 0; r < runs; r++) {
    try {
      lines.push(parsePeerLine(execFileSync(python, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })));
    } catch (e) {
      const status = (e as { status?: number }).status;
      const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
      if (status !== referenceBlasExit) return { missing: `peer failed: ${why}` };
      const ref = parsePeerLine(execFileSync(python, [...args, '--allow-reference-blas'], { encoding: 'utf8' }));
      return {
        missing: 'PyTorch runs on the reference BLAS (apt-get install -y libopenblas0-pthread): not a comparison',
        blas: ref.blas,
        msPerStep: ref.ms_per_step,
      };
    }
  }
  const first = lines[0];
  const msPerStep = middle(lines.map((l) => l.ms_per_step));
  return { msPerStep, blas: first.blas, threads: first.threads, torch: first.torch };
}

/** Whether a peer measurement may be used for a ratio. */
export function isFairPeer(p: PeerTiming | PeerMissing | undefined): p is PeerTiming {
  return p !== undefined && !('missing' in p) && p.blas !== 'reference';
}

/** A peer measurement, fair or not. */
export type Peer = PeerTiming | PeerMissing;

/** The peer's fields of a row: its BLAS, threads and time, and the ratio when it is fair. */
export function peerFields(row: { msPerStep: number; threads: number }, p: Peer | undefined): Record<string, unknown> {
  if (!p) return {};
  if (!isFairPeer(p)) {
    const ran = p.blas ? { peerBlas: p.blas, peerMsPerStep: p.msPerStep } : {};
    return { peer: 'pytorch-cpu', peerMissing: p.missing, ...ran };
  }
  const base = {
    peer: 'pytorch-cpu',
    peerBlas: p.blas,
    peerThreads: p.threads,
    peerTorch: p.torch,
    peerMsPerStep: p.msPerStep,
  };
  if (p.threads !== row.threads) {
    return { ...base, peerMissing: `threads differ (ours ${row.threads}, peer ${p.threads})` };
  }
  return { ...base, ratio: Number((row.msPerStep / p.msPerStep).toFixed(3)) };
}
