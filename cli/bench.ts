/**
 * `npm run bench -- [--json] [--backend wasm|cpu] [--case NAME] [--runs N] [--steps N]`
 *
 * Times training steps of the real engine (sampling, jets, reverse pass, optimizer update)
 * per case and backend: the median ms/step of several runs after warm-up, and the tensor
 * count before and after (a leak shows as a difference). One JSON line per case with --json
 * (DESIGN.md contract: case, backend, n, width, depth, optimizer, msPerStep).
 */
import * as tf from '@tensorflow/tfjs';
import { resolveConfig } from '../src/engine/config';
import { startNodeBackend } from '../src/engine/node-backends';
import { Trainer } from '../src/engine/trainer';
import { parseArgs, UsageError } from './args';
import { benchCases } from './bench-cases';
import { peerAvailable, peerMsPerStep } from './peer';
import { silenceTfjsBanner } from './quiet';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { values: ['backend', 'case', 'runs', 'steps'], switches: ['json'], pairs: [] });
  const backends = args.values.backend ? [args.values.backend] : ['wasm', 'cpu'];
  for (const b of backends) if (b !== 'wasm' && b !== 'cpu') throw new UsageError(`--backend: unknown backend '${b}' (allowed in Node: wasm, cpu)`);
  const names = benchCases.map((c) => c.name);
  if (args.values.case && !names.includes(args.values.case)) throw new UsageError(`--case: unknown case '${args.values.case}' (allowed: ${names.join(', ')})`);
  const runs = Number(args.values.runs ?? 5);
  const json = args.switches.has('json');
  const peer = peerAvailable();
  if (!peer.ok) process.stderr.write(`bench: no peer comparison — ${peer.reason}; reporting ours only\n`);
  const peerCache = new Map<string, number>();
  for (const backend of backends) {
    await startNodeBackend(backend as 'wasm' | 'cpu');
    for (const c of benchCases) {
      if (args.values.case && c.name !== args.values.case) continue;
      if (backend === 'cpu' && c.batch * c.width > 1024 * 50 && !args.values.case) continue; // minutes per run on pure JS
      const steps = Number(args.values.steps ?? c.steps);
      const trainer = new Trainer(resolveConfig({
        pde: c.pde, batch: c.batch, optimizer: c.optimizer, archOptions: { depth: c.depth, width: c.width, activation: 'tanh' }, logEvery: steps,
      }));
      for (let i = 0; i < 3; i++) trainer.step();
      await trainer.checkpoint();
      const tensorsBefore = tf.memory().numTensors;
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        const t0 = performance.now();
        for (let i = 0; i < steps; i++) trainer.step();
        await trainer.checkpoint(); // forces the queued work to finish
        times.push((performance.now() - t0) / steps);
      }
      const tensorsAfter = tf.memory().numTensors;
      const msPerStep = median(times);
      let peerMs: number | undefined;
      if (peer.ok && c.peer) {
        const key = `${c.batch}-${c.width}-${c.depth}`;
        if (!peerCache.has(key)) peerCache.set(key, peerMsPerStep(c.batch, c.width, c.depth, Math.min(3, runs)));
        peerMs = peerCache.get(key);
      }
      const row = {
        case: c.name, backend, pde: c.pde, n: c.batch, width: c.width, depth: c.depth, optimizer: c.optimizer,
        msPerStep: Number(msPerStep.toFixed(3)), stepsPerSec: Number((1000 / msPerStep).toFixed(1)),
        params: trainer.paramCount, tensorsBefore, tensorsAfter, runs, stepsPerRun: steps,
        ...(peerMs !== undefined ? { peer: 'pytorch-cpu-1thread', peerMsPerStep: peerMs, ratio: Number((msPerStep / peerMs).toFixed(3)) } : {}),
      };
      trainer.dispose();
      if (json) process.stdout.write(JSON.stringify(row) + '\n');
      else process.stdout.write(`${c.name.padEnd(28)} ${backend.padEnd(5)} ${msPerStep.toFixed(2).padStart(8)} ms/step  ${row.stepsPerSec} steps/s  tensors ${tensorsBefore}→${tensorsAfter}${peerMs !== undefined ? `  peer ${peerMs.toFixed(2)} ms  ours/peer ${(msPerStep / peerMs).toFixed(2)}` : ''}\n`);
    }
  }
}

silenceTfjsBanner();
main().catch((e) => {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(e instanceof UsageError ? 2 : 1);
});
