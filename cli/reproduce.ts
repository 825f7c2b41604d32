/**
 * `npm run reproduce -- STUDY [--quick] [--steps N] [--out DIR] [--backend wasm|cpu]`
 *
 * Runs one of the seed papers' studies headless with fixed seeds and writes `report.md`
 * (our numbers beside the paper's, with the steps and sizes used) and SVG figures to
 * `--out` (default runs/reproduce/STUDY). Prints the table and the verdict; progress and the
 * time remaining go to stderr every 10 s.
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

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), {
    values: ['steps', 'out', 'backend'],
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
  const quick = args.switches.has('quick');
  const study = studies[id];
  const choice = await startNodeBackend(backend as 'wasm' | 'cpu' | undefined);
  const out = args.values.out ?? join('runs', 'reproduce', id);
  mkdirSync(out, { recursive: true });
  const log = (s: string) => process.stdout.write(s + '\n');
  log(`${study.title}${quick ? ' (quick)' : ''} on ${choice.backend}`);
  const t0 = performance.now();
  const results = study.execute ? await study.execute(quick, steps) : [];
  if (!study.execute) {
    const specs = study.runs(quick, steps);
    const progress = new StudyProgress(specs.reduce((n, s) => n + resolveConfig(s.config).steps, 0));
    for (const spec of specs) results.push(await runStudyRun(spec, log, progress));
  }
  const { table, verdict } = study.report(results);
  const figures = study.figures?.(results) ?? [];
  for (const f of figures) writeFileSync(join(out, f.file), f.svg);
  const minutes = ((performance.now() - t0) / 60000).toFixed(1);
  const md = [
    `# ${study.title}`,
    '',
    `Paper: ${study.paper}.`,
    '',
    `Run: \`npm run reproduce -- ${id}${quick ? ' --quick' : ''}${steps ? ` --steps ${steps}` : ''}\` ` +
      `on tfjs ${choice.backend}, ${minutes} min.`,
    '',
    table,
    '',
    `**Verdict:** ${verdict}`,
    '',
    ...figures.map((f) => `![${f.caption}](${f.file})`),
  ].join('\n');
  writeFileSync(join(out, 'report.md'), md + '\n');
  log('');
  log(table);
  log('');
  log(`verdict: ${verdict}`);
  log(`wrote ${join(out, 'report.md')} and ${figures.length} figure(s) in ${minutes} min`);
}

silenceTfjsBanner();
main().catch((e) => {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(e instanceof UsageError || e instanceof ConfigError ? 2 : 1);
});
