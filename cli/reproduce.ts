/**
 * `npm run reproduce -- STUDY [--quick] [--steps N] [--seeds N] [--only A,B] [--out DIR]
 *  [--backend wasm|cpu] [--merge DIR,DIR]`
 *
 * Runs one of the seed papers' studies headless with fixed seeds (0 … N − 1) and writes
 * `results.json` (every run: label, seed, steps, rel. L2, final losses, wall time, curve —
 * rewritten after each run, so an interrupted study resumes from it), `report.md` (our
 * numbers, mean and spread over seeds, beside the paper's) and SVG figures to `--out`
 * (default runs/reproduce/STUDY). `--only` runs some labels (e.g. to split a study over two
 * processes); `--merge` trains nothing and reports the runs in other folders' results.json.
 * Prints the table and the verdict; progress and the time remaining go to stderr every 10 s.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, resolveConfig } from '../src/engine/config';
import { startNodeBackend } from '../src/engine/node-backends';
import { parseArgs, UsageError } from './args';
import { silenceTfjsBanner } from './quiet';
import { studies } from './studies';
import { StudyProgress } from './studies/progress';
import { runStudyRun } from './studies/run';
import { finished, readResults, seededRuns, summarizeSeeds, writeResults } from './studies/seeds';
import type { RunResult } from './studies/types';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), {
    values: ['steps', 'out', 'backend', 'seeds', 'only', 'merge'],
    switches: ['quick'],
    pairs: [],
  });
  const id = args.positional[0];
  if (!id || !(id in studies)) throw new UsageError(`name a study (allowed: ${Object.keys(studies).join(', ')})`);
  if (args.positional.length > 1) throw new UsageError(`unexpected argument '${args.positional[1]}'`);
  const backend = args.values.backend;
  if (backend !== undefined && backend !== 'wasm' && backend !== 'cpu')
    throw new UsageError(`--backend: unknown backend '${backend}' (allowed: wasm, cpu)`);
  const steps = args.values.steps === undefined ? undefined : resolveConfig({ steps: args.values.steps }).steps;
  const seeds = args.values.seeds === undefined ? 1 : Number(args.values.seeds);
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 100)
    throw new UsageError(`--seeds: expected a whole number in [1, 100], got '${args.values.seeds}'`);
  const quick = args.switches.has('quick');
  const study = studies[id];
  if (study.execute && (seeds > 1 || args.values.only || args.values.merge))
    throw new UsageError(`--seeds, --only and --merge: ${id} runs its own protocol and takes none of them`);
  const specs = study.execute ? [] : study.runs(quick, steps);
  const labels = specs.map((s) => s.label);
  const only = args.values.only?.split(',');
  for (const l of only ?? [])
    if (!labels.includes(l)) throw new UsageError(`--only: no run '${l}' in ${id} (has: ${labels.join(', ')})`);
  const out = args.values.out ?? join('runs', 'reproduce', id);
  mkdirSync(out, { recursive: true });
  const resultsFile = join(out, 'results.json');
  const log = (s: string) => process.stdout.write(s + '\n');
  const t0 = performance.now();
  let results: RunResult[];
  let on = 'merged results';
  if (args.values.merge) {
    results = args.values.merge.split(',').flatMap((dir) => readResults(join(dir, 'results.json')));
  } else {
    const choice = await startNodeBackend(backend as 'wasm' | 'cpu' | undefined);
    on = `tfjs ${choice.backend}`;
    log(`${study.title}${quick ? ' (quick)' : ''} on ${choice.backend}, ${seeds} seed(s)`);
    results = study.execute ? await study.execute(quick, steps) : [];
    if (!study.execute) {
      const todo = seededRuns(
        specs.filter((s) => !only || only.includes(s.label)),
        seeds,
      );
      const done = readResults(resultsFile);
      const kept = () => [...results, ...done.filter((r) => !results.includes(r))];
      const progress = new StudyProgress(todo.reduce((n, s) => n + resolveConfig(s.config).steps, 0));
      for (const spec of todo) {
        const n = resolveConfig(spec.config).steps;
        const old = finished(done, spec, n);
        if (old) log(`  ${spec.label} seed ${spec.seed}: from ${resultsFile}`);
        results.push(old ?? (await runStudyRun(spec, log, progress)));
        writeResults(resultsFile, id, choice.backend, kept());
      }
      writeResults(resultsFile, id, choice.backend, kept());
    }
  }
  if (args.values.merge) writeResults(resultsFile, id, on, results);
  const rank = (r: RunResult) => labels.indexOf(r.spec.label);
  const summary = study.execute ? results : summarizeSeeds(results).sort((a, b) => rank(a) - rank(b));
  const { table, verdict } = study.report(summary);
  const figures = study.figures?.(summary) ?? [];
  for (const f of figures) writeFileSync(join(out, f.file), f.svg);
  const minutes = ((performance.now() - t0) / 60000).toFixed(1);
  const runMinutes = (results.reduce((s, r) => s + (r.wallSeconds ?? 0), 0) / 60).toFixed(0);
  const maxSeeds = Math.max(1, ...summary.map((r) => r.seeds?.n ?? 1));
  const flags = [quick ? ' --quick' : '', steps ? ` --steps ${steps}` : '', seeds > 1 ? ` --seeds ${seeds}` : ''];
  const md = [
    `# ${study.title}`,
    '',
    `Paper: ${study.paper}.`,
    '',
    args.values.merge
      ? `Run: \`npm run reproduce -- ${id}${flags.slice(0, 2).join('')} --seeds ${maxSeeds}\`, ` +
        `here split over processes with \`--only\` and combined with \`--merge\`: ${runMinutes} min of training in all.`
      : `Run: \`npm run reproduce -- ${id}${flags.join('')}\` on ${on}, ${minutes} min.`,
    '',
    table,
    '',
    `**Verdict:** ${verdict}`,
    '',
    ...(study.notes ? [study.notes, ''] : []),
    ...figures.map((f) => `![${f.caption}](${f.file})`),
  ].join('\n');
  writeFileSync(join(out, 'report.md'), md + '\n');
  log('');
  log(table);
  log('');
  log(`verdict: ${verdict}`);
  log(`wrote ${join(out, 'report.md')}, results.json and ${figures.length} figure(s) in ${minutes} min`);
}

silenceTfjsBanner();
main().catch((e) => {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(e instanceof UsageError || e instanceof ConfigError ? 2 : 1);
});
