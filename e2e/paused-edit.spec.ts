/** Issue 16, item 3: a paused run continues from its weights after a batch change, and says so before a restart. */
import { expect, test } from '@playwright/test';
import { button, openWasm, paused, readNumber, readValue, tiny } from './helpers';

test(
  'a paused run continues from its current weights after a batch change; ' + 'an architecture change says it restarts',
  async ({ page }) => {
    await openWasm(page, tiny('poisson1d', { lr: 0.01, 'diagnostics.every': 0 }));
    await button(page, 'Start').click();
    await expect.poll(() => readNumber(page, 'step')).toBeGreaterThanOrEqual(20);
    await button(page, 'Pause').click();
    await paused(page);
    const at = await readNumber(page, 'step');
    const err = await readValue(page, 'rel-l2');
    await expect(page.getByTestId('change-notice')).toHaveCount(0);

    await page.getByLabel('Batch (points per term)').fill('32');
    await expect(page.getByTestId('change-notice')).toHaveAttribute('data-kind', 'continue');
    await expect(page.getByTestId('change-notice')).toContainText(`continues from the current weights (step ${at})`);
    await button(page, 'Step').click();
    await expect(page.getByTestId('step')).toHaveText(String(at + 1));
    await paused(page);
    // one step from the trained weights: the error stays near the trained one (a fresh net's is ~1;
    // one step at lr 0.01 may move a small error by a good fraction of itself)
    expect(await readValue(page, 'rel-l2')).toBeLessThan(Math.min(0.5, 3 * err));

    await page.getByLabel('Width (units per layer)').fill('9');
    const notice = page.getByTestId('change-notice');
    await expect(notice).toHaveAttribute('data-kind', 'restart');
    await expect(notice).toContainText(`new run from fresh weights; the current one (step ${at + 1}) is discarded`);
    await button(page, 'Step').click();
    await expect(page.getByTestId('step')).toHaveText('1');
  },
);
