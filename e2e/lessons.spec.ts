import { expect, test, type Page } from '@playwright/test';
import { lessonIds, lessons } from '../src/engine/lessons';
import { formatNumber } from '../src/ui/format';
import { button, collectProblems } from './helpers';

/**
 * Every lesson opened by its link on wasm and walked to the end: each step's experiment
 * loads, Start trains it, the step's check is met, and every number in the step's text is
 * one the run streamed — a metric of one of its rows, a ratio of two metrics of one row, a
 * ratio of two terms' mean |∂L/∂W| in a histogram, or one of the earlier steps' values.
 */

type Row = Record<string, number | null>;
type Hist = { step: number; layers: { layer: string; terms: Record<string, { meanAbs: number }> }[] };
type Runs = { rows: Row[]; histograms: Hist[] }[];

/** Where a measured value comes from (run 0 = A, 1 = B). */
type Source =
  | { run: 0 | 1; key: string }
  | { run: 0 | 1; ratio: [string, string] }
  | { run: 0 | 1; hist: [string, string, string] }
  | { run: 0 | 1; chunks: number }
  | { derived: (v: Record<string, number | string>) => number | string };

const A = 0 as const;
const B = 1 as const;
const word = (f: (v: Record<string, number>) => string) => ({
  derived: (v: Record<string, number | string>) => f(v as Record<string, number>),
});

/** The source of every value each lesson's steps report, by lesson and step (1-based). */
const sources: Record<string, Record<number, Record<string, Source>>> = {
  'gradient-pathology': {
    1: {
      step: { run: A, key: 'step' },
      relL2: { run: A, key: 'relL2' },
      verdict: word((v) => (v.relL2 > 0.3 ? 'far from' : 'close to')),
    },
    2: {
      step: { run: A, key: 'step' },
      res: { run: A, key: 'loss.res' },
      bc: { run: A, key: 'loss.bc' },
      ratio: { run: A, ratio: ['loss.res', 'loss.bc'] },
    },
    3: { step: { run: A, key: 'step' }, ratio: { run: A, hist: ['layer0', 'res', 'bc'] } },
  },
  annealing: {
    1: {
      w: { run: B, key: 'weight.bc' },
      eA: { run: A, key: 'relL2' },
      eB: { run: B, key: 'relL2' },
      better: word((v) => (v.eB < v.eA ? 'lower' : 'not lower')),
    },
    2: {
      eA: { run: A, key: 'relL2' },
      eB: { run: B, key: 'relL2' },
      step: { run: A, key: 'step' },
      factor: { derived: (v) => Math.max(Number(v.eA), Number(v.eB)) / Math.min(Number(v.eA), Number(v.eB)) },
      better: word((v) => (v.eB < v.eA ? 'lower' : 'higher')),
    },
  },
  stiffness: {
    ...Object.fromEntries(
      [1, 2, 4, 8].map((c, i) => [
        i + 1,
        {
          [`step${c}`]: { run: A, key: 'step' },
          [`hess${c}`]: { run: A, key: 'hess.top' },
          [`ratio${c}`]: { run: A, ratio: ['gradNorm.res', 'gradNorm.bc'] },
        },
      ]),
    ),
    5: {
      hessGrowth: { derived: (v) => Number(v.hess8) / Number(v.hess1) },
      ratioGrowth: { derived: (v) => Number(v.ratio8) / Number(v.ratio1) },
      maxLr: { derived: (v) => 2 / Number(v.hess8) },
    },
  },
  'alignment-soap': {
    1: {
      step: { run: A, key: 'step' },
      eA: { run: A, key: 'relL2' },
      eB: { run: B, key: 'relL2' },
      ahead: word((v) => (v.eB < v.eA ? 'SOAP' : 'Adam')),
    },
    2: { intraA: { run: A, key: 'align.intra' }, intraB: { run: B, key: 'align.intra' } },
    3: {
      updA: { run: A, key: 'align.interUpdate' },
      updB: { run: B, key: 'align.interUpdate' },
      steadier: word((v) => (v.updB > v.updA ? 'SOAP' : 'Adam')),
    },
  },
  causality: {
    1: { step: { run: B, key: 'step' }, last: { run: B, key: 'causal.last' }, on: { run: B, chunks: 16 } },
    2: {
      lowStep: { run: B, key: 'step' },
      low: { run: B, key: 'causal.mean' },
      now: { run: B, key: 'causal.mean' },
      moved: word((v) => (v.now > 1.2 * v.low ? 'has risen' : 'has not risen yet')),
      eA: { run: A, key: 'relL2' },
      eB: { run: B, key: 'relL2' },
      better: word((v) => (v.eB < v.eA ? 'lower' : 'not lower')),
    },
  },
  'newton-saddles': {
    1: {
      best: { run: A, key: 'loss' },
      bestStep: { run: A, key: 'step' },
      now: { run: A, key: 'loss' },
      step: { run: A, key: 'step' },
      adam: { run: B, key: 'loss' },
    },
    2: {
      step: { run: B, key: 'step' },
      newtonBest: { run: A, key: 'loss' },
      adamLoss: { run: B, key: 'loss' },
      factor: { derived: (v) => Number(v.newtonBest) / Number(v.adamLoss) },
      lower: word((v) => (v.adamLoss < v.newtonBest ? 'below' : 'not below')),
    },
    3: { step: { run: A, key: 'step' }, damped: { run: A, key: 'loss' }, adam: { run: B, key: 'loss' } },
  },
};

/** Whether `value` is what `src` says it is, on the runs' streamed data. */
function fromRun(src: Source, value: number | string, runs: Runs, values: Record<string, number | string>): boolean {
  if ('derived' in src) {
    const want = src.derived(values);
    return typeof want === 'number' ? Math.abs(want - Number(value)) <= 1e-9 * Math.abs(want) : want === value;
  }
  const r = runs[src.run];
  if (!r || typeof value !== 'number') return false;
  if ('key' in src) return r.rows.some((row) => row[src.key] === value);
  if ('ratio' in src)
    return r.rows.some(
      (row) =>
        row[src.ratio[0]] !== null &&
        Math.abs(row[src.ratio[0]]! / row[src.ratio[1]]! - value) <= 1e-12 * Math.abs(value),
    );
  if ('chunks' in src)
    return r.rows.some(
      (row) =>
        row['causal.mean'] !== null && Math.abs(row['causal.mean']! * src.chunks - value) <= 1e-12 * Math.abs(value),
    );
  const [layer, a, b] = src.hist;
  return r.histograms.some((h) => {
    const l = h.layers.find((x) => x.layer === layer);
    return !!l && Math.abs(l.terms[a].meanAbs / l.terms[b].meanAbs - value) <= 1e-12 * Math.abs(value);
  });
}

async function runsOf(page: Page): Promise<Runs> {
  return page.evaluate(() => {
    const s = (
      window as unknown as { pinnPlayground: { state(): { runs: ({ rows: Row[]; histograms: Hist[] } | null)[] } } }
    ).pinnPlayground.state();
    return JSON.parse(
      JSON.stringify(
        s.runs.map((r) => (r ? { rows: r.rows, histograms: r.histograms } : { rows: [], histograms: [] })),
      ),
    );
  });
}

/** Check the shown step's numbers: formatted as the values measured, and each from the runs. */
async function checkNumbers(
  page: Page,
  id: string,
  k: number,
  memory: Record<string, number | string>,
): Promise<Record<string, number | string>> {
  const check = page.getByTestId('lesson-check');
  const values = JSON.parse((await check.getAttribute('data-values'))!) as Record<string, number | string>;
  console.log(`${id} step ${k}: ${await page.getByTestId('lesson-report').textContent()}`);
  const all = { ...memory, ...values };
  const shown = await page.locator('.lesson-report .measured').evaluateAll((els) =>
    els.map((e) => ({
      key: e.getAttribute('data-key')!,
      value: e.getAttribute('data-value')!,
      text: e.textContent!,
    })),
  );
  expect(shown.length, `${id} step ${k}: the report shows measured values`).toBeGreaterThan(0);
  const runs = await runsOf(page);
  for (const s of shown) {
    const v = all[s.key];
    expect(v, `${id} step ${k}: {${s.key}} was measured`).toBeDefined();
    expect(s.text, `${id} step ${k}: {${s.key}} as shown`).toBe(typeof v === 'number' ? formatNumber(v, 3) : v);
    const src = sources[id][k]?.[s.key] ?? { derived: () => memory[s.key] };
    expect(fromRun(src, v, runs, all), `${id} step ${k}: {${s.key}} = ${v} comes from the run`).toBe(true);
  }
  return values;
}

for (const id of lessonIds) {
  test(`lesson ${id}: opened by its link, walked to the end on wasm`, async ({ page }) => {
    test.setTimeout(240_000);
    const problems = collectProblems(page);
    const lesson = lessons[id];
    await page.goto(`/?backend=wasm#lesson=${id}&step=1`);
    await expect(page.getByTestId('backend')).toHaveText(/^wasm/);
    await expect(page.getByTestId('lesson-panel')).toHaveAttribute('data-lesson', id);
    let memory: Record<string, number | string> = {};
    for (let k = 1; k <= lesson.steps.length; k++) {
      const step = lesson.steps[k - 1];
      await expect(page.getByTestId('lesson-step')).toHaveText(`Step ${k} of ${lesson.steps.length}: ${step.title}`);
      await expect(page).toHaveURL(new RegExp(`#lesson=${id}&step=${k}(&|$)`));
      const pde = step.experiment?.config?.pde;
      if (pde) await expect(page.getByLabel('PDE')).toHaveValue(String(pde));
      if (step.experiment) {
        await expect(button(page, 'Start')).toBeEnabled();
        await button(page, 'Start').click();
      }
      if (step.check) {
        await expect(page.getByTestId('lesson-check'), `${id} step ${k}: ${step.check.until}`).toHaveAttribute(
          'data-done',
          'true',
          { timeout: 120_000 },
        );
        memory = { ...memory, ...(await checkNumbers(page, id, k, memory)) };
      }
      if (k < lesson.steps.length) await button(page, 'Next').click();
    }
    await expect(page.getByTestId('lesson-paper').getByRole('link')).toHaveAttribute('href', lesson.paper.url);
    expect(problems).toEqual([]);
  });
}
