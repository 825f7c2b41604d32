/**
 * `npm run train -- [--preset NAME] [--pde ID] [--arch ID] [--optimizer ID] [--steps N]
 *   [--seed S] [--backend cpu|wasm] [--batch N] [--lr X] [--log-every N]
 *   [--param k=v]... [--arch-opt k=v]... [--opt k=v]... [--weight term=w]...
 *   [--balancing fixed|annealing|gradnorm|ntk] [--balance-every N] [--balance-alpha A]
 *   [--diagnostics all|align,hist,hess,rgv,ntk|none] [--diag-every N] [--out DIR] [--json]
 *   [--sampling uniform|rad|rar] [--hard on|off] [--resume DIR | --init-weights FILE]`
 *
 * Trains headless with the same engine as the browser. With --json the last stdout line is
 * the result object (docs/ARCHITECTURE.md contract); progress goes to stderr then. `--out DIR` writes the
 * full export (see `exportBundle`: weights, config, metrics, predictions, check batch, training
 * state, PyTorch package); `--resume DIR` continues such a run for `--steps` more steps,
 * `--init-weights FILE` starts from given weights (safetensors or JSON).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError, pdeOf } from '../src/engine/config';
import { exportBundle } from '../src/engine/export/bundle';
import { hardConstraintOf } from '../src/engine/hard-constraints';
import type { DiagnosticsReport } from '../src/engine/diagnostics/run';
import { trainFor } from '../src/engine/loop';
import { metricsRow, type MetricsRow } from '../src/engine/metrics';
import { startNodeBackend } from '../src/engine/node-backends';
import { DivergenceError, Trainer } from '../src/engine/trainer';
import { UsageError } from './args';
import { configFromArgs } from './train-config';
import { silenceTfjsBanner } from './quiet';
import { applyStart } from './weights-file';

async function main(): Promise<number> {
  const { config, args } = configFromArgs(process.argv.slice(2));
  const json = args.switches.has('json');
  const backendFlag = args.values.backend;
  if (backendFlag !== undefined && backendFlag !== 'cpu' && backendFlag !== 'wasm') {
    throw new UsageError(`--backend: unknown backend '${backendFlag}' (allowed in Node: wasm, cpu)`);
  }
  const choice = await startNodeBackend(backendFlag as 'cpu' | 'wasm' | undefined);
  const log = (s: string) => (json ? process.stderr : process.stdout).write(s + '\n');
  const trainer = new Trainer(config);
  applyStart(trainer, args.values);
  const lastStep = trainer.stepCount + config.steps;
  log(
    `${config.pde} · ${config.arch} ${JSON.stringify(config.archOptions)} · ${config.optimizer} lr ${config.lr} · ` +
      `batch ${config.batch} · ${trainer.paramCount} params · backend ${choice.reason}`,
  );
  const rows: MetricsRow[] = [];
  const evalEvery = Math.max(config.logEvery, Math.ceil(config.steps / 20 / config.logEvery) * config.logEvery);
  let lastDiag: DiagnosticsReport | undefined;
  let error: string | undefined;
  let msPerStep = 0;
  try {
    const r = await trainFor(trainer, config.steps, async (c, ms, diag) => {
      // the last row always has relL2 (metrics.csv's last row is complete)
      const relL2 = c.step % evalEvery === 0 || c.step === lastStep ? (await trainer.evaluate()).relL2 : undefined;
      rows.push(metricsRow(c, ms, { relL2, diag }));
      if (diag) {
        lastDiag = diag;
        log(
          `  diagnostics @${diag.step}: ${Object.entries(diag.metrics)
            .filter(([k]) => !k.startsWith('hist.') && !k.includes('.eig.'))
            .map(([k, v]) => `${k} ${fmt(v)}`)
            .join('  ')}`,
        );
      }
      if (relL2 !== undefined) {
        log(
          `step ${c.step}  loss ${fmt(c.loss)}  ` +
            trainer.termNames.map((t) => `${t} ${fmt(c.losses[t])}`).join('  ') +
            `  relL2 ${fmt(relL2)}  ${ms.toFixed(2)} ms/step`,
        );
      }
    });
    msPerStep = r.msPerStep;
  } catch (e) {
    if (!(e instanceof DivergenceError)) throw e;
    error = e.message;
    process.stderr.write(`error: ${e.message}\n`);
  }
  const final = await trainer.checkpoint();
  const ev = await trainer.evaluate();
  const result = {
    pde: config.pde,
    arch: config.arch,
    optimizer: config.optimizer,
    steps: trainer.stepCount,
    seed: config.seed,
    backend: choice.backend,
    relL2: ev.relL2,
    loss: final.loss,
    losses: final.losses,
    weights: final.weights,
    ...(final.causal ? { causal: { eps: config.causal.eps, weights: final.causal } } : {}),
    ...(lastDiag ? { diagnostics: lastDiag.metrics } : {}),
    sampling: config.sampling.method,
    ...(config.hardConstraints ? { hardConstraints: hardConstraintOf(pdeOf(config))?.terms } : {}),
    msPerStep,
    params: trainer.paramCount,
    batch: config.batch,
    pdeParams: config.params,
    archOptions: config.archOptions,
    ...(error ? { diverged: true, error } : {}),
  };
  if (args.values.out) {
    const dir = args.values.out;
    const files = await exportBundle(trainer, rows, { state: true });
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.data);
    }
    log(`wrote ${files.map((f) => f.path).join(', ')} to ${dir}`);
  }
  trainer.dispose();
  if (json) process.stdout.write(JSON.stringify(result) + '\n');
  else
    log(
      `relL2 ${ev.relL2.toExponential(3)} after ${trainer.stepCount} steps, ` +
        `${msPerStep.toFixed(2)} ms/step on ${choice.backend}`,
    );
  return error ? 3 : 0;
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toExponential(3));

silenceTfjsBanner();
main().then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof UsageError || e instanceof ConfigError) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    process.exit(1);
  },
);
