/** Issue 16, item 8: a link that fails to load does not stay in the address (Copy link shares what is shown). */
import { expect, test } from '@playwright/test';
import { open, tiny } from './helpers';

test('a bad link is reported and replaced in the address by the experiment that was kept', async ({ page }) => {
  await open(page, tiny('helmholtz')); // no training: the default backend will do
  await page.evaluate(() => {
    window.location.hash = 'pde=poisson1d&batch=abc';
  });
  await expect(page.getByTestId('message')).toContainText('This link could not be loaded');
  await expect(page.getByLabel('PDE')).toHaveValue('helmholtz');
  // the hash is the kept experiment's (written in full), not the failed one
  await expect.poll(() => new URL(page.url()).hash).toContain('pde=helmholtz&');
  expect(new URL(page.url()).hash).toContain('archOptions.width=8&');
  expect(new URL(page.url()).hash).not.toContain('abc');

  // Opened with a broken link: the address shows the defaults it fell back to.
  await page.goto('/#pde=nope');
  await expect(page.getByTestId('message')).toContainText('This link could not be loaded');
  await expect.poll(() => new URL(page.url()).hash).toMatch(/pde=/);
  expect(new URL(page.url()).hash).not.toContain('nope');
});
