/**
 * `npm run reference -- --pde ID [--param k=v]... --out FILE.json [--json]`
 *
 * Solves one of the time-dependent benchmarks (burgers, allen_cahn, kdv, ks) with the
 * spectral reference solver (Fourier pseudo-spectral in x, ETDRK4 in t, float64) and writes
 * `{pde, params, x, t, u}` to FILE.json, u as nt rows of nx values on the published grid.
 * Prints the solve time; with --json the last stdout line is `{pde, params, solveMs, out, n, dt}`.
 * Bad flags, ids or parameter values exit with status 2 and name what is allowed.
 * Pure JavaScript: tfjs is not loaded.
 */
import { writeFileSync } from 'node:fs';
import { problems, resolveParams, solveSpectral, type ProblemId } from '../src/engine/reference';
import { parseArgs, UsageError } from './args';

const usage = 'usage: npm run reference -- --pde ID [--param k=v]... --out FILE.json [--json]';

function main(): void {
  const args = parseArgs(process.argv.slice(2), { values: ['pde', 'out'], switches: ['json'], pairs: ['param'] });
  const ids = Object.keys(problems);
  const id = args.values.pde;
  if (id === undefined) throw new UsageError(`--pde is required (allowed: ${ids.join(', ')})`);
  if (!(id in problems)) throw new UsageError(`--pde: unknown PDE '${id}' (allowed: ${ids.join(', ')})`);
  const problem = problems[id as ProblemId];
  const out = args.values.out;
  if (out === undefined) throw new UsageError('--out FILE.json is required');
  if (args.positional.length) throw new UsageError(`unexpected argument '${args.positional[0]}'`);
  const allowed = Object.entries(problem.params)
    .map(([k, s]) => `${k} in [${s.min}, ${s.max}]`)
    .join(', ');
  const given: Record<string, number> = {};
  for (const [k, v] of Object.entries(args.pairs.param ?? {})) {
    const x = Number(v);
    if (v.trim() === '' || !Number.isFinite(x))
      throw new UsageError(`--param ${k}: '${v}' is not a number (allowed: ${allowed})`);
    given[k] = x;
  }
  let params: Record<string, number>;
  try {
    params = resolveParams(problem, given);
  } catch (e) {
    throw new UsageError(`--param: ${(e as Error).message}`);
  }
  const json = args.switches.has('json');
  const log = (s: string) => (json ? process.stderr : process.stdout).write(s + '\n');
  const sol = solveSpectral(problem, params);
  const nx = sol.x.length;
  const u = sol.t.map((_, i) => Array.from(sol.u.subarray(i * nx, (i + 1) * nx)));
  writeFileSync(out, JSON.stringify({ pde: id, params, x: sol.x, t: sol.t, u }) + '\n');
  log(
    `${id} ${JSON.stringify(params)}: ${sol.t.length} × ${nx} grid, ${sol.n} Fourier nodes, ` +
      `dt ${sol.dt.toExponential(3)}, solved in ${sol.ms.toFixed(0)} ms → ${out}`,
  );
  if (json)
    process.stdout.write(
      JSON.stringify({ pde: id, params, solveMs: Math.round(sol.ms), out, n: sol.n, dt: sol.dt }) + '\n',
    );
}

try {
  main();
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`error: ${e.message}\n${usage}\n`);
    process.exit(2);
  }
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
}
