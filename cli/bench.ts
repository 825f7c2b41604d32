/**
 * `npm run bench -- [--json] [--browser] [--backend ID] [--case NAME] [--runs N] [--steps N]`
 *
 * Times training steps of the real engine (sampling, jets, reverse pass, optimizer update)
 * per case and backend: the median ms/step of several runs after warm-up, and the tensor
 * count before and after (a leak shows as a difference). In Node on wasm and cpu; with
 * --browser in headless Chromium (a dedicated Worker, as in the app) on webgpu, webgl and
 * wasm, where the GPU backends run on SwiftShader (software). The PyTorch peer is measured
 * once per network shape in the same run and every row gets its ratio. One JSON line per case
 * with --json (docs/ARCHITECTURE.md contract: case, backend, n, width, depth, optimizer, msPerStep).
 */
import { benchCases, type BenchCase } from '../src/engine/bench/cases';
import { runCase, type BenchRow } from '../src/engine/bench/run-case';
import { startNodeBackend } from '../src/engine/node-backends';
import { parseArgs, UsageError } from './args';
import { openBrowserBench } from './browser-bench';
import { assertChromium } from './chromium';
import { peerAvailable, peerMsPerStep } from './peer';
import { silenceTfjsBanner } from './quiet';

const nodeBackends = ['wasm', 'cpu'] as const;
const browserBackends = ['webgpu', 'webgl', 'wasm'] as const;

/**
 * Why the default run leaves `c` out on `backend` (null: it runs). An explicit --case runs it
 * anyway. Measured here: the 4096 × 4×128 case takes ~51 s per step on WebGPU/SwiftShader, and
 * SOAP's first step on WebGPU (the device eigenbasis solver, ~10⁴ small kernels per factor)
 * did not finish within 10 minutes.
 */
function skipReason(c: BenchCase, backend: string): string | null {
  const size = c.batch * c.width;
  if (backend === 'cpu' && size > 1024 * 50) return 'pure-JS cpu backend: minutes per run';
  if (backend === 'webgpu' && c.optimizer === 'soap') return "SOAP's first eigenbasis on WebGPU/SwiftShader takes over 10 minutes";
  if (backend === 'webgpu' && size > 1024 * 64) return 'about a minute per step on WebGPU/SwiftShader';
  return null;
}

/** The (case, backend) pairs to time, noting on stderr what the default run skips. */
function* plan(cases: BenchCase[], backends: string[], explicit: boolean): Generator<[BenchCase, string]> {
  for (const backend of backends) {
    for (const c of cases) {
      const why = explicit ? null : skipReason(c, backend);
      if (why) process.stderr.write(`bench: skipping ${c.name} on ${backend} (${why}); run it with --case ${c.name} --backend ${backend}\n`);
      else yield [c, backend];
    }
  }
}

/** The peer's ms/step for every case that has a peer, one measurement per network shape. */
function measurePeers(cases: BenchCase[], runs: number): (c: BenchCase) => number | undefined {
  const peer = peerAvailable();
  if (!peer.ok) {
    process.stderr.write(`bench: no peer comparison — ${peer.reason}; reporting ours only\n`);
    return () => undefined;
  }
  const key = (c: BenchCase) => `${c.batch}-${c.width}-${c.depth}`;
  const ms = new Map<string, number>();
  for (const c of cases) if (c.peer && !ms.has(key(c))) ms.set(key(c), peerMsPerStep(c.batch, c.width, c.depth, Math.min(3, runs)));
  return (c) => (c.peer ? ms.get(key(c)) : undefined);
}

function print(row: BenchRow & { env: string; device: string }, peerMs: number | undefined, json: boolean): void {
  const out = { ...row, ...(peerMs !== undefined ? { peer: 'pytorch-cpu-1thread', peerMsPerStep: peerMs, ratio: Number((row.msPerStep / peerMs).toFixed(3)) } : {}) };
  if (json) return void process.stdout.write(JSON.stringify(out) + '\n');
  const where = `${row.backend}/${row.device}`;
  process.stdout.write(`${row.case.padEnd(28)} ${where.padEnd(18)} ${row.msPerStep.toFixed(2).padStart(8)} ms/step  ${row.stepsPerSec} steps/s  tensors ${row.tensorsBefore}→${row.tensorsAfter}${peerMs !== undefined ? `  peer ${peerMs.toFixed(2)} ms  ours/peer ${(row.msPerStep / peerMs).toFixed(2)}` : ''}\n`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { values: ['backend', 'case', 'runs', 'steps'], switches: ['json', 'browser'], pairs: [] });
  const browser = args.switches.has('browser');
  const allowed: readonly string[] = browser ? browserBackends : nodeBackends;
  const backends = args.values.backend ? [args.values.backend] : [...allowed];
  for (const b of backends) if (!allowed.includes(b)) throw new UsageError(`--backend: unknown backend '${b}' (allowed${browser ? ' with --browser' : ' in Node'}: ${allowed.join(', ')})`);
  const names = benchCases.map((c) => c.name);
  if (args.values.case && !names.includes(args.values.case)) throw new UsageError(`--case: unknown case '${args.values.case}' (allowed: ${names.join(', ')})`);
  const cases = benchCases.filter((c) => !args.values.case || c.name === args.values.case);
  const runs = Number(args.values.runs ?? (browser ? 3 : 5));
  const stepsOf = (c: BenchCase) => Number(args.values.steps ?? (browser ? c.browserSteps : c.steps));
  const json = args.switches.has('json');
  if (browser) assertChromium(); // before minutes of peer timing
  const pairs = [...plan(cases, backends, args.values.case !== undefined)];
  const peerOf = measurePeers(pairs.map(([c]) => c), runs);
  if (browser) {
    const page = await openBrowserBench();
    try {
      for (const [c, backend] of pairs) print(await page.run({ caseName: c.name, backend: backend as (typeof browserBackends)[number], steps: stepsOf(c), runs }), peerOf(c), json);
    } finally {
      await page.close();
    }
    return;
  }
  let started = '';
  for (const [c, backend] of pairs) {
    if (backend !== started) await startNodeBackend(backend as (typeof nodeBackends)[number]);
    started = backend;
    print({ ...(await runCase(c, { steps: stepsOf(c), runs })), env: 'node', device: 'cpu' }, peerOf(c), json);
  }
}

silenceTfjsBanner();
main().catch((e) => {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(e instanceof UsageError ? 2 : 1);
});
