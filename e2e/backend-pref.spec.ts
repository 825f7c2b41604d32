/** Issue 16, item 2: ?backend=wasm is a setting of the page that presets, imported configs and links keep. */
import { expect, test } from '@playwright/test';
import { openWasm, tiny } from './helpers';

const onWasm = async (page: import('@playwright/test').Page) => {
  await expect(page.getByTestId('status')).not.toHaveText('connecting');
  await expect(page.getByTestId('backend')).toHaveText(/^wasm/);
  await expect(page).toHaveURL(/\?backend=wasm#/);
};

test('the backend preference survives presets, config imports and links, and a query typed after the hash', async ({
  page,
}) => {
  await openWasm(page, tiny('poisson1d'));
  await page.getByLabel('Preset').selectOption('helmholtz_m1');
  await expect(page.getByTestId('message')).toContainText('Loaded the experiment (helmholtz');
  await onWasm(page);
  expect(new URL(page.url()).hash).not.toContain('backend');

  const config = JSON.stringify({ pde: 'poisson1d', archOptions: { depth: 1, width: 8 }, batch: 16 });
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: 'c.config.json', mimeType: 'application/json', buffer: Buffer.from(config) });
  await expect(page.getByTestId('import-note')).toContainText('Loaded the experiment (poisson1d');
  await onWasm(page);

  // A link pasted over the page (hash change) keeps it too.
  await page.evaluate((h) => {
    window.location.hash = h;
  }, tiny('helmholtz').slice(2));
  await expect(page.getByLabel('PDE')).toHaveValue('helmholtz');
  await onWasm(page);

  // Appended after a hash the page wrote: read as the preference, not as part of the last value.
  await page.goto('/');
  await expect(page.getByTestId('status')).not.toHaveText('connecting');
  const written = new URL(page.url()).hash;
  await page.goto(`/${written}?backend=wasm`);
  await onWasm(page);
  await expect(page.getByTestId('message')).toHaveCount(0);
  expect(new URL(page.url()).hash).toBe(written);
});
