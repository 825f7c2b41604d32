/** Issue 16, item 5: the teaching presets keep their diagnostics, and the empty histogram panel tells the truth. */
import { expect, test } from '@playwright/test';
import { openWasm, tiny } from './helpers';

test('Helmholtz M1 and Adam vs SOAP on Burgers turn diagnostics on; the empty panel says when histograms come', async ({
  page,
}) => {
  await openWasm(page, tiny('poisson1d'));
  const every = page.getByLabel('Diagnostics every (steps)', { exact: true });
  const empty = page.locator('[data-panel="histograms"] .empty');
  for (const [id, n] of [
    ['helmholtz_m1', 200],
    ['burgers_adam_vs_soap', 100],
  ] as const) {
    await page.getByLabel('Preset').selectOption(id);
    await expect(page.getByTestId('message')).toContainText('Loaded the experiment');
    await expect(every).toHaveValue(String(n));
    await expect(page.getByRole('checkbox', { name: 'Gradient histograms' })).toBeChecked();
    await expect(empty).toHaveText(`Press Start: histograms come every ${n} steps, the first at step ${n}.`);
  }
  await every.fill('0');
  await expect(empty).toContainText('Diagnostics every is 0');
  await page.getByRole('checkbox', { name: 'Gradient histograms' }).uncheck();
  await expect(empty).toContainText('Turn on Gradient histograms');
});
