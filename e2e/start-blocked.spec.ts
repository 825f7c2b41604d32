/** Issue 16, item 7 (the run bar's part): invalid settings disable Start and Step and say why. */
import { expect, test } from '@playwright/test';
import { button, openWasm, tiny } from './helpers';

test('an invalid width blocks Start and Step until it is fixed', async ({ page }) => {
  await openWasm(page, tiny('poisson1d'));
  const width = page.getByLabel('Width (units per layer)', { exact: true });
  await width.fill('-3');
  await expect(width).toHaveAttribute('aria-invalid', 'true'); // the field says why (issue 15's schema fields)
  await expect(button(page, 'Start')).toBeDisabled();
  await expect(button(page, 'Step')).toBeDisabled();
  await expect(button(page, 'Start')).toHaveAttribute('title', /^Width \(units per layer\): must be in \[1, 512\]/);
  await page.keyboard.press('Escape');
  await page.locator('body').press(' '); // the shortcut is blocked too
  await expect(page.getByTestId('status')).toHaveText('idle');
  await width.fill('8');
  await expect(width).not.toHaveAttribute('aria-invalid', 'true');
  await expect(button(page, 'Start')).toBeEnabled();
});
