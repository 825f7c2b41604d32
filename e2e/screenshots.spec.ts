import { expect, test } from '@playwright/test';
import { button, open, openWasm, paused, readNumber, tiny } from './helpers';

/** The README's screenshots (docs/*.png), refreshed only with UPDATE_SCREENSHOTS=1. */
test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to refresh docs/*.png');

test.use({ viewport: { width: 1280, height: 800 } });

/** Scroll the `container` around `el` so that `el` starts `margin` px below its top (runs in the page). */
const scrollTop = (el: Element, [container, margin]: [string, number]) => {
  const c = el.closest(container)!;
  c.scrollTo(0, c.scrollTop + el.getBoundingClientRect().top - c.getBoundingClientRect().top - margin);
};

/** Still small (SwiftShader), but big enough to learn something in a few hundred steps. */
const big = {
  'archOptions.depth': 2,
  'archOptions.width': 16,
  batch: 64,
  logEvery: 5,
  'diagnostics.every': 10,
  lr: 0.005,
  steps: 2000,
};

test('screenshots of the main views', async ({ page }) => {
  test.setTimeout(600_000);
  await open(
    page,
    tiny('helmholtz', { ...big, 'params.a2': 1, lr: 0.01, 'balancing.method': 'annealing', 'balancing.every': 20 }),
  );
  await button(page, 'Start').click();
  await expect.poll(() => readNumber(page, 'step'), { timeout: 300_000 }).toBeGreaterThanOrEqual(300);
  await button(page, 'Pause').click();
  await paused(page);
  await page.screenshot({ path: 'docs/screenshot.png' });
  await page.locator('main').evaluate((m) => m.scrollTo(0, 380));
  await page.screenshot({ path: 'docs/diagnostics.png' });
  await button(page, 'Export').click();
  await page.locator('main').evaluate((m) => m.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/export.png' });
  await button(page, 'Export').click();
  await button(page, 'Reset').click();

  await open(page, tiny('burgers', big));
  await button(page, 'Compare').click();
  await button(page, 'Start').click();
  await expect.poll(() => readNumber(page, 'step-b'), { timeout: 300_000 }).toBeGreaterThanOrEqual(150);
  await button(page, 'Pause').click();
  await paused(page);
  await page.screenshot({ path: 'docs/compare.png' });
});

test('screenshot of the custom-PDE editor', async ({ page }) => {
  test.setTimeout(600_000);
  await open(page, tiny('poisson1d', big));
  await page.getByLabel('PDE').selectOption('custom');
  await page.getByLabel('Template').selectOption('burgers');
  await button(page, 'Apply').click();
  await expect(page.getByTestId('custom-status')).toHaveText('Applied: Start trains this PDE.');
  await button(page, 'Start').click();
  await expect.poll(() => readNumber(page, 'step'), { timeout: 300_000 }).toBeGreaterThanOrEqual(300);
  await button(page, 'Pause').click();
  await paused(page);
  await expect(page.getByTestId('solution-chart')).toContainText('|residual| u');
  // The editor (from its hint to Apply) beside the Solution panel.
  await page.getByTestId('custom-editor').evaluate(scrollTop, ['aside', 120] as [string, number]);
  await page.locator('main').evaluate((m) => m.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/custom.png' });
});

test('screenshot of the lid-driven cavity flow', async ({ page }) => {
  test.setTimeout(720_000);
  // The stream-function form (continuity holds exactly) with a heavy lid: the main vortex appears within a few hundred
  // steps. Histograms only, and rarely: each diagnostic costs per-term gradients of third derivatives.
  await open(
    page,
    tiny('ldc_stream', { ...big, 'lossWeights.bc': 30, 'diagnostics.every': 50, 'diagnostics.kinds': 'hist' }),
  );
  await button(page, 'Start').click();
  await expect.poll(() => readNumber(page, 'step'), { timeout: 540_000 }).toBeGreaterThanOrEqual(350);
  await button(page, 'Pause').click();
  await paused(page);
  const panel = page.locator('[data-panel="flow"]');
  // Off-screen plots skip their draws: bring the panel into view (at the bottom, under the loss plot), then wait
  // for the paused step's evaluation.
  await panel.evaluate((el) => {
    const main = el.closest('main')!;
    main.scrollTo(0, main.scrollTop + el.getBoundingClientRect().bottom - main.getBoundingClientRect().bottom + 12);
  });
  const step = await readNumber(page, 'step');
  await expect
    .poll(async () => Number(await page.getByTestId('flow-chart').getAttribute('data-step')), { timeout: 120_000 })
    .toBe(step);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: 'docs/cavity.png' });
});

test('screenshots of the phone layout, dark mode and the compare verdict', async ({ page }) => {
  test.setTimeout(600_000);
  const compare = tiny('helmholtz', { ...big, 'params.a2': 1, lr: 0.01, 'diagnostics.every': 20 });
  await openWasm(page, `${compare}&compare.optimizer=soap`);
  await button(page, 'Start').click();
  await expect.poll(() => readNumber(page, 'step-b'), { timeout: 300_000 }).toBeGreaterThanOrEqual(400);
  await button(page, 'Pause').click();
  await paused(page);
  await expect(page.getByTestId('verdict')).toBeVisible();
  await page.locator('.run-row').screenshot({ path: 'docs/verdict.png' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/phone.png' });
});
