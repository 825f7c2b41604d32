import { resolveConfig } from '../../src/engine/config';
import type { DiagnosticsReport } from '../../src/engine/diagnostics/run';
import { trainFor } from '../../src/engine/loop';
import { DivergenceError, Trainer } from '../../src/engine/trainer';
import type { StudyProgress } from './progress';
import { logLineChart } from '../svg';
import type { Figure, RunResult, RunSpec } from './types';

/**
 * Train one study run headless with the engine's loop, evaluating relL2 about 20 times and
 * keeping the last diagnostics reading. A divergence is recorded, not thrown. `progress`
 * hears of every logged step (see StudyProgress).
 */
export async function runStudyRun(
  spec: RunSpec,
  log: (s: string) => void,
  progress?: StudyProgress,
): Promise<RunResult> {
  const config = resolveConfig(spec.config);
  const trainer = new Trainer(config);
  const t0 = performance.now();
  progress?.begin();
  const evalEvery = Math.max(config.logEvery, Math.ceil(config.steps / 20 / config.logEvery) * config.logEvery);
  const curve: RunResult['curve'] = [];
  let diag: DiagnosticsReport | undefined;
  let first: DiagnosticsReport | undefined;
  const diags: DiagnosticsReport[] = [];
  let error: string | undefined;
  let msPerStep = 0;
  try {
    const r = await trainFor(trainer, config.steps, async (c, _ms, d) => {
      if (d) {
        diag = d;
        first ??= d;
        diags.push(d);
      }
      const relL2 = c.step % evalEvery === 0 ? (await trainer.evaluate()).relL2 : undefined;
      curve.push({ step: c.step, loss: c.loss, relL2 });
      progress?.step(spec.label, c.step, config.steps, c.step === config.steps);
    });
    msPerStep = r.msPerStep;
  } catch (e) {
    if (!(e instanceof DivergenceError)) throw e;
    error = e.message;
  }
  const final = await trainer.checkpoint();
  const ev = await trainer.evaluate();
  trainer.dispose();
  const name = spec.seed ? `${spec.label} seed ${spec.seed}` : spec.label;
  log(
    `  ${name.padEnd(34)} relL2 ${ev.relL2.toExponential(3)}  loss ${final.loss.toExponential(3)}  ` +
      `${msPerStep.toFixed(1)} ms/step${error ? `  (${error})` : ''}`,
  );
  return {
    spec,
    steps: trainer.stepCount,
    relL2: ev.relL2,
    loss: final.loss,
    losses: final.losses,
    msPerStep,
    wallSeconds: (performance.now() - t0) / 1000,
    curve,
    diag,
    firstDiag: first,
    diags,
    error,
  };
}

/** Mean of diagnostics metric `key` over every reading of a run (NaN without one). */
export function meanMetric(r: RunResult | undefined, key: string): number {
  const vs = (r?.diags ?? []).map((d) => d.metrics[key]).filter((v): v is number => Number.isFinite(v));
  return vs.length ? vs.reduce((a, b) => a + b, 0) / vs.length : NaN;
}

/**
 * One figure per PDE of the runs labelled `pde · optimizer`: their rel. L2 curves (one line per
 * optimizer), in `${prefix}_${pde}.svg`.
 */
export function relL2Figures(results: RunResult[], pdes: string[], prefix: string, versus: string): Figure[] {
  return pdes.map((p) => ({
    file: `${prefix}_${p}.svg`,
    caption: `${p}: relative L2 error, ${versus}`,
    svg: logLineChart(
      `${p}: relative L2`,
      'step',
      'relL2',
      results
        .filter((r) => r.spec.label.startsWith(`${p} ·`))
        .map((r) => {
          const pts = r.curve.filter((c) => c.relL2 !== undefined);
          return { name: r.spec.label.split(' · ')[1], x: pts.map((c) => c.step), y: pts.map((c) => c.relL2!) };
        }),
    ),
  }));
}

/** A Markdown table from a header and rows. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const fmt = (v: string | number) =>
    typeof v === 'number'
      ? Number.isInteger(v) && Math.abs(v) < 1e6
        ? String(v)
        : Number.isFinite(v)
          ? v.toExponential(2)
          : String(v)
      : v;
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(fmt).join(' | ')} |`),
  ].join('\n');
}
