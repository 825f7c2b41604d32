/** Issue 16, item 7 (the run bar's part): invalid settings disable Start and Step and say why. */
import { expect, test } from '@playwright/test';
import { button, openWasm, tiny } from './helpers';

test('an invalid width blocks Start and Step until it is fixed', async ({ page }) => {
  await openWasm(page, tiny('poisson1d'));
  await page.getByLabel('Width (units per layer)').fill('-3');
  await expect(page.getByTestId('config-error')).toContainText('width');
  await expect(button(page, 'Start')).toBeDisabled();
  await expect(button(page, 'Step')).toBeDisabled();
  await expect(button(page, 'Start')).toHaveAttribute('title', /settings are not valid: .*width/);
  await page.keyboard.press('Escape');
  await page.locator('body').press(' '); // the shortcut is blocked too
  await expect(page.getByTestId('status')).toHaveText('idle');
  await page.getByLabel('Width (units per layer)').fill('8');
  await expect(page.getByTestId('config-error')).toHaveCount(0);
  await expect(button(page, 'Start')).toBeEnabled();
});
