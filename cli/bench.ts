/**
 * `npm run bench -- [--json] [--browser] [--backend ID] [--case NAME] [--runs N] [--steps N] [--threads N]`
 *
 * Times training steps of the real engine (sampling, jets, reverse pass, optimizer update)
 * per case and backend: the median ms/step of several runs after warm-up, and the tensor
 * count before and after (a leak shows as a difference). In Node on wasm and cpu; with
 * --browser in headless Chromium (a dedicated Worker, as in the app) on webgpu, webgl and
 * wasm, where the GPU backends run on SwiftShader (software). The PyTorch peer is measured
 * once per network shape in the same run, on --threads threads (default 1); every row carries
 * the peer's BLAS and threads, and its ratio only when the peer is a fair one (OpenBLAS or
 * another optimised BLAS, the same thread count as ours). Every row also carries the kernels
 * one steady step launches. One JSON line per case with --json (docs/ARCHITECTURE.md contract: case,
 * backend, n, width, depth, optimizer, msPerStep).
 */
import { benchCases, type BenchCase } from '../src/engine/bench/cases';
import { runCase, type BenchRow } from '../src/engine/bench/run-case';
import { startNodeBackend } from '../src/engine/node-backends';
import { parseArgs, UsageError } from './args';
import { openBrowserBench } from './browser-bench';
import { assertChromium } from './chromium';
import { measurePeer, peerAvailable, peerFields, type Peer } from './peer';
import { silenceTfjsBanner } from './quiet';

const nodeBackends = ['wasm', 'cpu'] as const;

/**
 * Why ours stays on one thread in Node: tfjs-backend-wasm's threaded build starts each pthread
 * as `new Worker(blobURL)`, and Node's worker_threads refuse a blob: URL (ERR_WORKER_PATH), so
 * the backend fails to initialise with WASM_HAS_MULTITHREAD_SUPPORT on (tried, tfjs 4.22).
 */
const nodeThreadsWhy = "tfjs-wasm's pthreads are blob: URL workers, which Node's worker_threads refuse";
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
  if (backend === 'webgpu' && c.optimizer === 'soap')
    return "SOAP's first eigenbasis on WebGPU/SwiftShader takes over 10 minutes";
  if (backend === 'webgpu' && size > 1024 * 64) return 'about a minute per step on WebGPU/SwiftShader';
  return null;
}

/** The (case, backend) pairs to time, noting on stderr what the default run skips. */
function* plan(cases: BenchCase[], backends: string[], explicit: boolean): Generator<[BenchCase, string]> {
  for (const backend of backends) {
    for (const c of cases) {
      const why = explicit ? null : skipReason(c, backend);
      if (why)
        process.stderr.write(
          `bench: skipping ${c.name} on ${backend} (${why}); run it with --case ${c.name} --backend ${backend}\n`,
        );
      else yield [c, backend];
    }
  }
}

/** The peer's timing for every case that has a peer, one measurement per network shape. */
function measurePeers(cases: BenchCase[], runs: number, threads: number): (c: BenchCase) => Peer | undefined {
  const peer = peerAvailable();
  if (!peer.ok) {
    process.stderr.write(`bench: no peer comparison — ${peer.reason}; reporting ours only, no ratios\n`);
    return (c) => (c.peer ? { missing: peer.reason } : undefined);
  }
  const key = (c: BenchCase) => `${c.batch}-${c.width}-${c.depth}`;
  const got = new Map<string, Peer>();
  for (const c of cases) {
    if (!c.peer || got.has(key(c))) continue;
    const p = measurePeer(c.batch, c.width, c.depth, Math.min(3, runs), threads);
    if ('missing' in p) process.stderr.write(`bench: no ratio for ${key(c)} — ${p.missing}\n`);
    got.set(key(c), p);
  }
  return (c) => (c.peer ? got.get(key(c)) : undefined);
}

type Row = BenchRow & { env: string; device: string; threads: number };

function print(row: Row, p: Peer | undefined, json: boolean): void {
  const peer = peerFields(row, p);
  if (json) return void process.stdout.write(JSON.stringify({ ...row, ...peer }) + '\n');
  const where = `${row.backend}/${row.device}/${row.threads}t`;
  const vs =
    peer.ratio !== undefined
      ? `  peer ${peer.peerMsPerStep} ms (${peer.peerBlas}, ${peer.peerThreads}t)  ours/peer ${peer.ratio}`
      : peer.peerMissing
        ? `  no ratio: ${peer.peerMissing}`
        : '';
  process.stdout.write(
    `${row.case.padEnd(28)} ${where.padEnd(20)} ${row.msPerStep.toFixed(2).padStart(8)} ms/step  ` +
      `${row.stepsPerSec} steps/s  kernels ${row.kernels} (${row.kernelsNonTrivial} non-trivial, ` +
      `${row.dispatches} dispatches)  ` +
      `tensors ${row.tensorsBefore}→${row.tensorsAfter}${vs}\n`,
  );
}

/** The run `npm run bench` was asked for, validated (a bad flag is a UsageError, exit 2). */
function options(argv: string[]) {
  const spec = { values: ['backend', 'case', 'runs', 'steps', 'threads'], switches: ['json', 'browser'], pairs: [] };
  const args = parseArgs(argv, spec);
  const browser = args.switches.has('browser');
  const allowed: readonly string[] = browser ? browserBackends : nodeBackends;
  const backends = args.values.backend ? [args.values.backend] : [...allowed];
  for (const b of backends) {
    if (!allowed.includes(b)) {
      const where = browser ? ' with --browser' : ' in Node';
      throw new UsageError(`--backend: unknown backend '${b}' (allowed${where}: ${allowed.join(', ')})`);
    }
  }
  const names = benchCases.map((c) => c.name);
  if (args.values.case && !names.includes(args.values.case)) {
    throw new UsageError(`--case: unknown case '${args.values.case}' (allowed: ${names.join(', ')})`);
  }
  const threads = Number(args.values.threads ?? 1);
  if (!Number.isInteger(threads) || threads < 1) {
    throw new UsageError(`--threads: expected a whole number ≥ 1, got '${args.values.threads}'`);
  }
  return {
    browser,
    backends,
    threads,
    json: args.switches.has('json'),
    explicit: args.values.case !== undefined,
    cases: benchCases.filter((c) => !args.values.case || c.name === args.values.case),
    runs: Number(args.values.runs ?? (browser ? 3 : 5)),
    stepsOf: (c: BenchCase) => Number(args.values.steps ?? (browser ? c.browserSteps : c.steps)),
  };
}

async function main(): Promise<void> {
  const { browser, backends, threads, json, explicit, cases, runs, stepsOf } = options(process.argv.slice(2));
  if (browser) assertChromium(); // before minutes of peer timing
  const pairs = [...plan(cases, backends, explicit)];
  const peerOf = measurePeers(
    pairs.map(([c]) => c),
    runs,
    threads,
  );
  if (browser) {
    const page = await openBrowserBench();
    try {
      for (const [c, backend] of pairs) {
        const b = backend as (typeof browserBackends)[number];
        print(await page.run({ caseName: c.name, backend: b, steps: stepsOf(c), runs, threads }), peerOf(c), json);
      }
    } finally {
      await page.close();
    }
    return;
  }
  if (threads > 1) process.stderr.write(`bench: ours runs on 1 thread in Node (${nodeThreadsWhy}); no ratios\n`);
  let started = '';
  for (const [c, backend] of pairs) {
    if (backend !== started) await startNodeBackend(backend as (typeof nodeBackends)[number]);
    started = backend;
    const row = await runCase(c, { steps: stepsOf(c), runs });
    print({ ...row, env: 'node', device: 'cpu', threads: 1 }, peerOf(c), json);
  }
}

silenceTfjsBanner();
main().catch((e) => {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(e instanceof UsageError ? 2 : 1);
});
