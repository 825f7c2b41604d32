import { expect, test, type Page } from '@playwright/test';
import { button, open } from './helpers';

/**
 * What streaming costs: the same training with the UI attached (rows, evaluations and
 * histograms streamed and plotted) and with `?stream=off` (the worker posts nothing until it
 * stops). Step rates are the worker's wall-clock counts, so they include everything
 * streaming adds on the worker and any contention from the UI thread: over the whole run
 * ("total") and from the end of the first chunk ("steady": the one-time costs of compiling
 * shaders and building the plots excluded). STREAM_STEPS and STREAM_REPEATS make the
 * measurement longer (the numbers in the issue note).
 */
const steps = Number(process.env.STREAM_STEPS ?? 40);
const repeats = Number(process.env.STREAM_REPEATS ?? 2);
const experiment =
  'pde=helmholtz&archOptions.depth=2&archOptions.width=16&batch=64&logEvery=5' + `&steps=${steps}&diagnostics.every=0`;

type Wall = { steps: number; ms: number; streamMs: number; steady: { steps: number; ms: number }; draws?: number };

async function measure(page: Page, stream: boolean): Promise<Wall> {
  await open(page, `/${stream ? '' : '?stream=off'}#${experiment}`);
  await button(page, 'Start').click();
  await expect(page.getByTestId('status')).toHaveText('finished', { timeout: 600_000 });
  const { wall, draw } = await page.evaluate(() => {
    const p = (
      window as unknown as {
        pinnPlayground: { state(): { lastStop: { wall: Wall } }; drawStats: { ms: number; draws: number } };
      }
    ).pinnPlayground;
    return { wall: p.state().lastStop.wall, draw: p.drawStats };
  });
  expect(wall.steps).toBe(steps);
  console.log(
    `${stream ? 'with UI' : 'without'}: ${wall.steps} steps in ${wall.ms.toFixed(0)} ms ` +
      `(steady ${wall.steady.steps} in ${wall.steady.ms.toFixed(0)} ms), ` +
      `worker evaluations ${wall.streamMs.toFixed(0)} ms, UI drawing ${draw.ms.toFixed(0)} ms in ${draw.draws} draws`,
  );
  return { ...wall, draws: draw.draws };
}

test('streaming keeps within its budget (draws, evaluation share); its step-rate cost is reported', async ({
  page,
}) => {
  test.setTimeout(120_000 + repeats * steps * 2_000);
  const on: Wall[] = [];
  const off: Wall[] = [];
  for (let i = 0; i < repeats; i++) {
    off.push(await measure(page, false));
    on.push(await measure(page, true));
  }
  const rate = (ws: Wall[], f: (w: Wall) => { steps: number; ms: number }) =>
    (1000 * ws.reduce((s, w) => s + f(w).steps, 0)) / ws.reduce((s, w) => s + f(w).ms, 0);
  const total = 1 - rate(on, (w) => w) / rate(off, (w) => w);
  const steady = 1 - rate(on, (w) => w.steady) / rate(off, (w) => w.steady);
  console.log(
    `streaming cost: total ${(100 * total).toFixed(1)}% ` +
      `(with UI ${rate(on, (w) => w).toFixed(2)} vs ${rate(off, (w) => w).toFixed(2)} steps/s), ` +
      `steady ${(100 * steady).toFixed(1)}% ` +
      `(${rate(on, (w) => w.steady).toFixed(2)} vs ${rate(off, (w) => w.steady).toFixed(2)} steps/s); ` +
      `${steps} steps × ${repeats}`,
  );
  // Step rates are wall-clock and are reported, not asserted (benchmarks measure speed; a shared
  // 2-core machine varies by ±15 % from run to run). What is asserted is the budget's own
  // bookkeeping: the UI does not redraw on every row, and the worker's evaluations stay within the
  // streaming budget's cap (a fresh solution every 3 s, at most 25 % of the time; 30 % with slack).
  for (const w of on) {
    expect(w.draws ?? 0).toBeLessThan(steps);
    expect(w.streamMs).toBeLessThanOrEqual(0.3 * w.ms);
  }
  expect(Number.isFinite(total) && Number.isFinite(steady)).toBe(true);
});
