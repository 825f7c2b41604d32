import { expect, test } from '@playwright/test';
import { button, open, paused, readNumber, tiny } from './helpers';

/** The README's screenshots (docs/*.png), refreshed only with UPDATE_SCREENSHOTS=1. */
test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to refresh docs/*.png');

test.use({ viewport: { width: 1280, height: 800 } });

/** Still small (SwiftShader), but big enough to learn something in a few hundred steps. */
const big = { 'archOptions.depth': 2, 'archOptions.width': 16, batch: 64, logEvery: 5, 'diagnostics.every': 10, lr: 0.005, steps: 2000 };

test('screenshots of the main views', async ({ page }) => {
  test.setTimeout(600_000);
  await open(page, tiny('helmholtz', { ...big, 'params.a2': 1, lr: 0.01, 'balancing.method': 'annealing', 'balancing.every': 20 }));
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
